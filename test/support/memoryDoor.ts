/**
 * The door to the workbook in memory (src/app/door/door.ts), for typed unit tests of the
 * converted actions: the add-on's sheets as plain arrays with their marks, the kept values, the
 * caller's e-mail and the owner. Reading goes through the same pure readers as Apps Script's
 * door (workbookRead.ts configOf and workbookOf, roles.ts callerOf); opening it is a transaction
 * whose operations register their own undo, run newest first when the work throws. Not
 * modelled: the seals of the records (the log and the submissions are taken as whole; their
 * problems are given), formulas' results, protections beyond who may edit.
 * test/door/contract.test.ts runs the same cases on this door and on Apps Script's over the
 * stand-in.
 */
import type { Door, ListDeclaration, ListSheet, RecordProblem, Workbook, WorkbookReads } from '../../src/app/door/door';
import { LOG_LAYOUT } from '../../src/app/auditLog';
import { callerOf } from '../../src/app/roles';
import { configOf, sheetOfRef, workbookOf, type WorkbookConfig } from '../../src/app/workbookRead';
import { rightsOf } from '../../src/features/setup/sheets/rights';
import type { SheetMark, SheetRole } from '../../src/features/setup/sheets/sheetMarkers';
import { SHEET } from '../../src/features/setup/sheets/sheetNames';
import type { Block } from '../../src/platform/sheetIo';
import { type OwnSheet, Registry } from '../../src/platform/sheetRegistry';

/** A sheet of the workbook in memory. */
export interface MemorySheet {
  readonly id: number;
  name: string;
  /** The add-on's mark (absent: an officer's own sheet). */
  role?: SheetRole;
  district?: string;
  /** Its values, row by row (the data range: no trailing blank rows needed). */
  values: unknown[][];
  /** Its formulas where it has some ('' elsewhere; absent: none). */
  formulas?: string[][];
  /** Its number of rows (at least its values'). */
  rows: number;
  frozenRows: number;
  widths: readonly number[];
  /** Who may edit it, when protected (null: not protected). */
  editors: readonly string[] | null;
}

/** A workbook in memory as a test builds it. */
export interface MemorySeed {
  /** The owner's e-mail ('' for a shared drive). */
  readonly owner: string;
  /** The caller's e-mail ('' when Google hides it). */
  readonly user: string;
  readonly sheets: readonly Omit<MemorySheet, 'id' | 'rows' | 'frozenRows' | 'widths' | 'editors'>[];
  /** Kept values (document properties) by key. */
  readonly kept?: Record<string, unknown>;
  /** What the records' seals would find wrong (the in-memory door does not seal). */
  readonly logProblems?: readonly RecordProblem[];
}

/** Everything the in-memory workbook holds, for a test to compare before and after. */
export interface MemoryState {
  readonly sheets: MemorySheet[];
  readonly kept: Record<string, unknown>;
}

/** A deep copy of JSON-like data (the workbook holds only such). */
function copy_<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The workbook in memory, behind the door. */
export class MemoryWorkbook implements Workbook {
  private state_: MemoryState;
  private nextId_ = 1000;
  /** How many transactions were opened, and how many were undone. */
  readonly transactions = { opened: 0, undone: 0 };

  /**
   * @param seed the workbook's sheets, kept values and people
   */
  constructor(private readonly seed: MemorySeed) {
    this.state_ = {
      sheets: seed.sheets.map((s, i) => ({
        ...copy_(s),
        id: i + 1,
        rows: Math.max(s.values.length, 1),
        frozenRows: s.role ? 1 : 0,
        widths: [],
        editors: null,
      })),
      kept: copy_(seed.kept ?? {}),
    };
  }

  /** A copy of everything the workbook holds. */
  snapshot(): MemoryState {
    return copy_(this.state_);
  }

  /**
   * A sheet by name, as it is now (a copy), or undefined.
   * @param name the sheet's name
   */
  sheet(name: string): MemorySheet | undefined {
    const found = this.state_.sheets.find((s) => s.name === name);
    return found ? copy_(found) : undefined;
  }

  /**
   * Adds a sheet, as an officer or set-up would between two actions.
   * @param sheet its name, mark and values
   */
  addSheet(sheet: MemorySeed['sheets'][number]): void {
    const added = this.add_(sheet.name, sheet.role ?? 'problems', copy_(sheet.values));
    if (!sheet.role) delete added.role;
    if (sheet.district) added.district = sheet.district;
    added.frozenRows = sheet.role ? 1 : 0;
  }

  /** The registry the pure readers are given: the marked sheets, whose Sheet objects do not exist. */
  private registry_(): Registry {
    return new Registry(
      this.state_.sheets.flatMap((s): OwnSheet[] =>
        s.role
          ? [
              {
                mark: { role: s.role, sheetId: s.id, ...(s.district ? { district: s.district } : {}) },
                name: s.name,
                get sheet(): never {
                  throw new Error('the in-memory door has no Sheet objects');
                },
              },
            ]
          : [],
      ),
      this.state_.sheets.map((s) => ({ sheetId: s.id, title: s.name, hidden: false })),
    );
  }

  /** A sheet's values and formulas. */
  private block_(sheet: MemorySheet): Block {
    const values = copy_(sheet.values);
    const formulas = values.map((row, r) => row.map((_, c) => sheet.formulas?.[r]?.[c] ?? ''));
    return { values, formulas };
  }

  /** The reads, the same inside and outside a transaction. */
  private reads_(): WorkbookReads {
    const readConfig = (): WorkbookConfig => {
      const registry = this.registry_();
      const blocks = new Map<number, Block>();
      for (const own of registry.sheets) {
        const sheet = this.state_.sheets.find((s) => s.id === own.mark.sheetId);
        if (sheet) blocks.set(sheet.id, this.block_(sheet));
      }
      return configOf(registry, blocks);
    };
    return {
      readConfig,
      readWorkbook: (config = readConfig()) =>
        workbookOf(config, (refs) =>
          refs.map((ref) => {
            const sheet = this.state_.sheets.find((s) => s.name === sheetOfRef(ref));
            return sheet ? this.block_(sheet) : { values: [], formulas: [] };
          }),
        ),
      caller: (settings) => callerOf(this.seed.user, this.seed.owner, settings),
      kept: <T>(key: string, fallback: T): T =>
        key in this.state_.kept ? copy_(this.state_.kept[key] as T) : fallback,
      logProblems: () => copy_([...(this.seed.logProblems ?? [])]),
      readSubmissions: () => ({ records: [], problems: [] }),
    };
  }

  readConfig(): WorkbookConfig {
    return this.reads_().readConfig();
  }

  readWorkbook(config?: WorkbookConfig) {
    return this.reads_().readWorkbook(config);
  }

  caller(settings: Parameters<WorkbookReads['caller']>[0]) {
    return this.reads_().caller(settings);
  }

  kept<T>(key: string, fallback: T): T {
    return this.reads_().kept(key, fallback);
  }

  logProblems(config: WorkbookConfig): RecordProblem[] {
    return this.reads_().logProblems(config);
  }

  readSubmissions(config: WorkbookConfig) {
    return this.reads_().readSubmissions(config);
  }

  /**
   * Opens the door: `work` runs as one transaction; each change registers its undo (the state
   * before it), run newest first when `work` throws.
   * @param work what to do through the door
   */
  open<T>(work: (door: Door) => T): T {
    this.transactions.opened++;
    const undo: MemoryState[] = [];
    /** Registers the way back before a change. */
    const before = () => undo.push(copy_(this.state_));
    const door: Door = {
      ...this.reads_(),
      keep: (key, value) => {
        before();
        this.state_.kept[key] = copy_(value);
      },
      ensureList: (declaration, config) => this.ensureList_(declaration, config, before),
      rewriteList: (list, rows) => {
        before();
        const sheet = this.named_(list.name);
        const last = lastRow_(sheet.values);
        const height = Math.max(rows.length, last);
        const blank = rows[0].map(() => '');
        sheet.values = Array.from({ length: height }, (_, r) => (rows[r] ?? blank).map(stored_));
        sheet.formulas = undefined;
        sheet.rows = Math.max(height, 2);
      },
      appendLog: (config, rows) => {
        before();
        let log = this.state_.sheets.find((s) => s.id === config.registry.one('log')?.mark.sheetId);
        if (!log) {
          log = this.add_(SHEET.log, 'log', [[...LOG_LAYOUT.headers]]);
          this.finish_(
            log,
            LOG_LAYOUT.columns.map((c) => c.width),
            config,
          );
        }
        const seal = LOG_LAYOUT.at.seal;
        for (const row of rows) {
          const line: unknown[] = LOG_LAYOUT.headers.map(() => '');
          row.slice(0, 5).forEach((v, i) => {
            line[i < seal ? i : i + 2] = v;
          });
          line[LOG_LAYOUT.at.ref] = row[5] ?? '';
          log.values.push(line);
        }
        log.rows = Math.max(log.rows, log.values.length);
        return [];
      },
    };
    try {
      return work(door);
    } catch (error) {
      if (undo.length > 0) {
        this.state_ = undo[0];
        this.transactions.undone++;
      }
      throw error;
    }
  }

  /** The list of a role: found (finished when unfinished) or made from its declaration. */
  private ensureList_(declaration: ListDeclaration, config: WorkbookConfig, before: () => void): ListSheet {
    const found = this.state_.sheets.find((s) => s.id === config.registry.one(declaration.role)?.mark.sheetId);
    if (found) {
      if (found.frozenRows !== 1) {
        before();
        this.finish_(found, declaration.widths, config);
      }
      return { name: found.name };
    }
    before();
    const taken = this.state_.sheets.find((s) => s.name === declaration.name);
    let sheet: MemorySheet;
    if (taken && !taken.role && taken.values.length === 0) {
      taken.role = declaration.role;
      sheet = taken;
    } else {
      sheet = this.add_(taken ? this.freeName_(`${declaration.name} (OTOP)`) : declaration.name, declaration.role, []);
    }
    this.finish_(sheet, declaration.widths, config);
    return { name: sheet.name };
  }

  /** A new marked sheet at the end. */
  private add_(name: string, role: SheetRole, values: unknown[][]): MemorySheet {
    const sheet: MemorySheet = {
      id: this.nextId_++,
      name,
      role,
      values,
      rows: 1000,
      frozenRows: 0,
      widths: [],
      editors: null,
    };
    this.state_.sheets.push(sheet);
    return sheet;
  }

  /** Widths, protection for who the settings name, and the frozen header last. */
  private finish_(sheet: MemorySheet, widths: readonly number[], config: WorkbookConfig): void {
    const mark: SheetMark = { role: sheet.role ?? 'problems', sheetId: sheet.id };
    sheet.widths = [...widths];
    sheet.editors = [...rightsOf(mark, sheet.name, config.settings).editors];
    sheet.frozenRows = 1;
  }

  /** A name not taken: the name, or the name with (2), (3), … */
  private freeName_(name: string): string {
    const taken = (n: string) => this.state_.sheets.some((s) => s.name === n);
    if (!taken(name)) return name;
    let i = 2;
    while (taken(`${name} (${i})`)) i++;
    return `${name} (${i})`;
  }

  /** A sheet by name (the live object). */
  private named_(name: string): MemorySheet {
    const sheet = this.state_.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet "${name}"`);
    return sheet;
  }
}

/** A written value as the sheet keeps it: a leading ' marks typed text and is not kept. */
function stored_(value: unknown): unknown {
  return typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
}

/** The last row holding a value (0 when none). */
function lastRow_(values: readonly (readonly unknown[])[]): number {
  for (let r = values.length; r > 0; r--) if (values[r - 1].some((v) => v !== '' && v !== null)) return r;
  return 0;
}

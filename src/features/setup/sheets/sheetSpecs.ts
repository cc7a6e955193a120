/**
 * What each sheet set-up keeps should look like: its layout (columns with headers, widths,
 * formats, dropdowns and notes, declared once in the layouts), frozen header, tab colour, and
 * the per-workbook values its dropdowns list. The adapter makes a sheet match its spec without
 * touching the rows officers typed.
 */
import { dateCheckFormula } from '../../../kernel/dateParse';
import { knownDistrict } from '../rules/districts';
import { ACTIVITY_LAYOUT, BASELINE_LAYOUT, ONLINE_LAYOUT } from '../../counting/rules/entryLayout';
import { type Layout, type ValidationDecl, yearLayout } from '../../../kernel/layout';
import { LABEL_FISCAL_YEAR, yearNeutral } from '../../../kernel/yearLabels';
import { computedLabels, districtLayoutOf } from './districtTable';

/** A dropdown or check, with its values filled in for one sheet. */
export type Validation = Exclude<
  ValidationDecl,
  { kind: 'sheetDistrict' } | { kind: 'anyDistrict' } | { kind: 'channels' } | { kind: 'date' }
>;

/** One column of a sheet spec. */
export interface ColumnSpec {
  readonly key: string;
  readonly header: string;
  readonly width: number;
  readonly format?: string;
  readonly validation?: Validation;
  readonly note?: string;
  /**
   * The header's other years' forms (yearLabels.ts): the add-on's own label, rewritten for the
   * year; in the district table's computed columns also the other computed columns' labels (a
   * year whose measures differ moves them: districtTable.ts computedLabels).
   */
  readonly forms?: readonly string[];
}

/** A sheet's spec. */
export interface SheetSpec {
  readonly name: string;
  readonly frozenRows: number;
  readonly layout: Layout<string>;
  readonly columns: readonly ColumnSpec[];
  /** Tab colour. */
  readonly tab?: string;
  /**
   * The columns stay where the layout puts them (the district table, whose formulas spill
   * across fixed columns): missing headers are written in place where the cell is blank.
   */
  readonly fixed?: boolean;
}

/** What a spec's per-workbook dropdowns list. */
interface Lists_ {
  /** The sheet's own district (its district dropdown). */
  readonly district?: string;
  readonly channels?: readonly string[];
  readonly districts?: readonly string[];
}

/** A layout's columns with their dropdown values filled in. */
function columns_(layout: Layout<string>, lists: Lists_): ColumnSpec[] {
  return layout.columns.map((c) => {
    const validation = resolve_(c.validation, lists);
    return {
      key: c.key,
      header: c.header,
      ...yearForms_(c),
      width: c.width,
      ...(c.format ? { format: c.format } : {}),
      ...(validation ? { validation } : {}),
      ...(c.note ? { note: c.note } : {}),
    };
  });
}

/** A column's header in other years' forms (aliases differing only in the year), when any. */
function yearForms_(c: Layout<string>['columns'][number]): { forms?: string[] } {
  const neutral = yearNeutral(c.header);
  const forms = (c.aliases ?? []).filter((a) => a !== c.header && yearNeutral(a) === neutral);
  return forms.length > 0 && neutral !== c.header ? { forms } : {};
}

/** A declared validation with this sheet's values. */
function resolve_(decl: ValidationDecl | undefined, lists: Lists_): Validation | undefined {
  if (!decl) return undefined;
  // Every spelling the readers accept for a district, so a typed "อ.ท่าบ่อ" is not marked
  // invalid; anything else is only warned about (a row still counts for its sheet's district).
  if (decl.kind === 'sheetDistrict') {
    const name = lists.district ?? '';
    return { kind: 'list', values: spellings_([name]), allowInvalid: true, help: `ชีตนี้สำหรับ อ.${name} เท่านั้น` };
  }
  if (decl.kind === 'anyDistrict') {
    return { kind: 'list', values: spellings_(lists.districts ?? []), allowInvalid: true, help: decl.help };
  }
  // Sheets' own date rule marks text dates the tally reads (๒๕ มี.ค. ๖๕): the rule is the
  // tally's own pattern instead.
  if (decl.kind === 'date') return { kind: 'formula', formula: dateCheckFormula, help: decl.help };
  if (decl.kind === 'channels')
    return { kind: 'list', values: lists.channels ?? [], allowInvalid: true, help: decl.help };
  return decl;
}

/** The spellings the readers accept for the districts: the names first (the dropdown's top), then the rest. */
function spellings_(names: readonly string[]): string[] {
  return [
    ...new Set([
      ...names,
      ...names.flatMap((name) => {
        const known = knownDistrict(name);
        const spellings = [name, ...(known ? [known.name, ...known.variants] : [])];
        return spellings.flatMap((s) => [s, `อ.${s}`, `อำเภอ${s}`]);
      }),
    ]),
  ];
}

/**
 * The activities entry sheet of one district.
 * @param name the sheet's name
 * @param district the district's canonical name
 * @param fiscalYear BE fiscal year: the notes' example dates are of it (the letter's by default)
 */
export function activitySheetSpec(name: string, district: string, fiscalYear = LABEL_FISCAL_YEAR): SheetSpec {
  const layout = yearLayout(ACTIVITY_LAYOUT as Layout<string>, fiscalYear);
  return {
    name,
    frozenRows: 1,
    layout,
    columns: columns_(layout, { district }),
    tab: '#6aa84f',
  };
}

/**
 * The online entry sheet of one district.
 * @param name the sheet's name
 * @param district the district's canonical name
 * @param channels the canonical channel names (dropdown; other spellings are still accepted)
 * @param fiscalYear BE fiscal year: the notes' example dates are of it (the letter's by default)
 */
export function onlineSheetSpec(
  name: string,
  district: string,
  channels: readonly string[],
  fiscalYear = LABEL_FISCAL_YEAR,
): SheetSpec {
  const layout = yearLayout(ONLINE_LAYOUT as Layout<string>, fiscalYear);
  return {
    name,
    frozenRows: 1,
    layout,
    columns: columns_(layout, { district, channels }),
    tab: '#3d85c6',
  };
}

/**
 * The baseline sheet: operators already online by the September before the fiscal year
 * (province-maintained), its notes naming that year.
 * @param name the sheet's name
 * @param districts canonical district names (dropdown)
 * @param fiscalYear BE fiscal year (the letter's by default)
 */
export function baselineSheetSpec(
  name: string,
  districts: readonly string[],
  fiscalYear = LABEL_FISCAL_YEAR,
): SheetSpec {
  const layout = yearLayout(BASELINE_LAYOUT as Layout<string>, fiscalYear);
  return {
    name,
    frozenRows: 1,
    layout,
    columns: columns_(layout, { districts }),
    tab: '#999999',
  };
}

/**
 * The district table's spec (its content is planned in districtTable.ts).
 * @param name the sheet's name
 * @param fiscalYear BE fiscal year: the headers naming the baseline's year say it (the letter's by default)
 */
export function districtSheetSpec(name: string, fiscalYear = LABEL_FISCAL_YEAR): SheetSpec {
  const layout = yearLayout(districtLayoutOf(fiscalYear) as Layout<string>, fiscalYear);
  const target = layout.at.target;
  return {
    name,
    frozenRows: 1,
    layout,
    // The computed columns' headers are the add-on's: another year's measures there are rewritten.
    columns: columns_(layout, {}).map((c, i) =>
      i > target ? { ...c, forms: [...(c.forms ?? []), ...computedLabels().filter((h) => h !== c.header)] } : c,
    ),
    tab: '#e69138',
    fixed: true,
  };
}

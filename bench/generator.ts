/**
 * Synthetic workbooks, deterministic from a seed: per-district activities and online rows
 * and the baseline, typed the way officers type (duplicates, name-only rows, channel aliases,
 * Thai digits, BE dates, budget-used activities, unknown districts), with the ground truth
 * (what OTOP_TALLY must count per district) kept from the generator's own entities.
 */
import { Rng, weightedIndex } from './prng';
import {
  type BenchDistrict,
  CHANNELS,
  LETTER_DISTRICTS,
  randomDay,
  retypedName,
  syntheticDistricts,
  thaiDigits,
  typedDate,
  typedDistrict,
  UNKNOWN_CHANNELS,
  UNKNOWN_DISTRICTS,
  UNREADABLE_DATES,
  type Ymd,
} from './vocabulary';

/** How big a synthetic workbook is. */
export interface ScaleSpec {
  /** Label for the report, e.g. "province". */
  readonly name: string;
  /** The letter's nine districts (`'letter'`) or that many synthetic ones. */
  readonly districts: 'letter' | number;
  /** Rows in all activities sheets together. */
  readonly activities: number;
  /** Rows in all online sheets together. */
  readonly online: number;
  /** Rows of the baseline sheet. */
  readonly baseline: number;
}

/** The letter's province: nine districts, 3 000 entries. */
export const PROVINCE: ScaleSpec = {
  name: 'province',
  districts: 'letter',
  activities: 700,
  online: 2000,
  baseline: 300,
};
/** The whole country: 878 districts, 160 000 entries. */
export const NATION: ScaleSpec = {
  name: 'nation',
  districts: 878,
  activities: 40_000,
  online: 100_000,
  baseline: 20_000,
};

/** What one district must count (FY 2565, counted up to its last day). */
export interface DistrictTruth {
  readonly activities: number;
  readonly channels: number;
  readonly newOperators: number;
}

/** How many rows of each kind of officers' habit the data holds (for the report). */
export type GeneratorStats = Record<
  | 'duplicateRows'
  | 'nameOnlyRows'
  | 'numberOnlyRows'
  | 'channelAliases'
  | 'unknownChannels'
  | 'thaiDigitCells'
  | 'beDateCells'
  | 'beTextDates'
  | 'budgetUsed'
  | 'unknownDistricts'
  | 'outOfYear'
  | 'unreadableDates',
  number
>;

/** A generated workbook's content and its ground truth. */
export interface GeneratedWorkbook {
  readonly districts: readonly BenchDistrict[];
  /** Activities rows (A–J) of each district's sheet, in district order. */
  readonly activities: readonly unknown[][][];
  /** Online rows (A–I) of each district's sheet. */
  readonly online: readonly unknown[][][];
  /** Baseline rows (A–C). */
  readonly baseline: readonly unknown[][];
  /**
   * Per district, in district order: what the district table counts (OTOP_DISTRICT: every row
   * of a district's own sheets counts for it, whatever its district cell says).
   */
  readonly truth: readonly DistrictTruth[];
  /**
   * Per district: what OTOP_TALLY counts over the stacked sheets (its documented semantics:
   * a row's district cell decides, so a row whose district is misspelt beyond recognition counts
   * nowhere).
   */
  readonly stackedTruth: readonly DistrictTruth[];
  readonly stats: GeneratorStats;
}

const FY_START: Ymd = { y: 2021, m: 10, d: 1 };
const FY_END: Ymd = { y: 2022, m: 9, d: 30 };
const PRODUCTS = ['ผ้าไหม', 'ผ้าฝ้าย', 'ข้าวฮาง', 'น้ำพริก', 'ตะกร้าสาน', 'สบู่สมุนไพร', 'ปลาร้าบอง', 'ไม้กวาด'];
const KINDS = ['กลุ่มทอผ้า', 'วิสาหกิจชุมชน', 'กลุ่มแม่บ้าน', 'กลุ่มจักสาน', 'ร้าน'];
const VILLAGES = ['บ้านแดง', 'บ้านโนน', 'บ้านนาดี', 'บ้านหนองสูง', 'บ้านดอนแก้ว', 'บ้านท่าทราย'];
const PLACES = ['ลานหน้าอำเภอ', 'ตลาดนัดชุมชน', 'ศาลาประชาคม', 'วัดกลางบ้าน', 'ห้างสรรพสินค้า'];
const NO_NUMBER = ['', '', '-', 'ไม่มี'];

/** An operator: old ones are in the baseline. */
interface Operator_ {
  readonly district: number;
  readonly regNo: string;
  readonly name: string;
  readonly old: boolean;
  emitted: boolean;
}

/**
 * Generates a workbook's entries and its ground truth.
 * @param spec the scale
 * @param seed the PRNG seed
 */
export function generateWorkbook(spec: ScaleSpec, seed: number): GeneratedWorkbook {
  return new Generator_(spec, seed).run();
}

class Generator_ {
  private readonly rng: Rng;
  private readonly districts: BenchDistrict[];
  private readonly pickDistrict: (rng: Rng) => number;
  private readonly activities: unknown[][][];
  private readonly online: unknown[][][];
  private readonly baseline: unknown[][] = [];
  private readonly baselineOps: Operator_[][];
  private readonly truthActivities: number[];
  private readonly truthOperators: number[];
  private readonly truthChannels: Set<string>[];
  private readonly stackedActivities: number[];
  private readonly stackedOperators: number[];
  private readonly stackedChannels: Set<string>[];
  private serial = 0;
  readonly stats: GeneratorStats = {
    duplicateRows: 0,
    nameOnlyRows: 0,
    numberOnlyRows: 0,
    channelAliases: 0,
    unknownChannels: 0,
    thaiDigitCells: 0,
    beDateCells: 0,
    beTextDates: 0,
    budgetUsed: 0,
    unknownDistricts: 0,
    outOfYear: 0,
    unreadableDates: 0,
  };

  constructor(
    private readonly spec: ScaleSpec,
    seed: number,
  ) {
    this.rng = new Rng(seed);
    this.districts =
      spec.districts === 'letter' ? LETTER_DISTRICTS.slice() : syntheticDistricts(spec.districts, this.rng);
    const n = this.districts.length;
    this.pickDistrict = weightedIndex(this.districts.map((d) => d.registered));
    this.activities = Array.from({ length: n }, () => []);
    this.online = Array.from({ length: n }, () => []);
    this.baselineOps = Array.from({ length: n }, () => []);
    this.truthActivities = new Array<number>(n).fill(0);
    this.truthOperators = new Array<number>(n).fill(0);
    this.truthChannels = Array.from({ length: n }, () => new Set<string>());
    this.stackedActivities = new Array<number>(n).fill(0);
    this.stackedOperators = new Array<number>(n).fill(0);
    this.stackedChannels = Array.from({ length: n }, () => new Set<string>());
  }

  run(): GeneratedWorkbook {
    this.makeBaseline_();
    this.makeActivities_();
    this.makeOnline_();
    return {
      districts: this.districts,
      activities: this.activities,
      online: this.online,
      baseline: this.baseline,
      truth: this.districts.map((_, i) => ({
        activities: this.truthActivities[i],
        channels: this.truthChannels[i].size,
        newOperators: this.truthOperators[i],
      })),
      stackedTruth: this.districts.map((_, i) => ({
        activities: this.stackedActivities[i],
        channels: this.stackedChannels[i].size,
        newOperators: this.stackedOperators[i],
      })),
      stats: this.stats,
    };
  }

  /** Baseline rows: one per old operator (a few listed twice), always with district and name. */
  private makeBaseline_(): void {
    const rng = this.rng;
    while (this.baseline.length < this.spec.baseline) {
      const op = this.newOperator_(this.pickDistrict(rng), true);
      this.baselineOps[op.district].push(op);
      const row = [
        typedDistrict(this.districts[op.district], rng),
        op.regNo === '' ? rng.pick(NO_NUMBER) : this.typedNumber_(op.regNo),
        retypedName(op.name, rng),
      ];
      this.baseline.push(row);
      if (this.baseline.length < this.spec.baseline && rng.chance(0.02)) {
        this.baseline.push(row.slice());
        this.stats.duplicateRows++;
      }
    }
  }

  /** Activities: mostly non-budget events in the year; some duplicates, budget-used, unknown districts. */
  private makeActivities_(): void {
    const rng = this.rng;
    let rows = 0;
    while (rows < this.spec.activities) {
      const d = this.pickDistrict(rng);
      const serial = ++this.serial;
      const used = rng.chance(0.08);
      if (used) this.stats.budgetUsed++;
      const budget = used ? rng.pick(['ใช้', 'ใช้', 'ใช้งบ', 'yes']) : rng.pick(['ไม่ใช้', 'ไม่ใช้', 'ไม่ใช้', '', 'no', '-']);
      const date = this.date_();
      const known = !rng.chance(0.015);
      const district = known ? typedDistrict(this.districts[d], rng) : this.unknownDistrict_();
      const place = rng.pick(PLACES);
      const row: unknown[] = [
        date.cell,
        district,
        `ตลาดนัด OTOP ${place} ครั้งที่ ${serial}`,
        place,
        rng.pick(['พช.อำเภอ', 'กลุ่มผู้ผลิต', 'OTOP Trader', 'เทศบาล']),
        budget,
        rng.int(3, 40),
        this.sales_(),
        rng.chance(0.7) ? `https://drive.google.com/file/d/${serial}` : '',
        '',
      ];
      this.activities[d].push(row);
      rows++;
      if (!used && date.counted) this.truthActivities[d]++;
      if (!used && date.counted && known) this.stackedActivities[d]++;
      if (rows < this.spec.activities && rng.chance(0.03)) {
        // The same event typed twice: verbatim, or with its date typed another way.
        const copy = row.slice();
        if (date.day && rng.chance(0.5)) copy[0] = typedDate(date.day, rng);
        this.activities[d].push(copy);
        this.stats.duplicateRows++;
        rows++;
      }
    }
  }

  /** Online rows: operators on 1–4 rows (channels, products), some already in the baseline. */
  private makeOnline_(): void {
    const rng = this.rng;
    let rows = 0;
    while (rows < this.spec.online) {
      const d = this.pickDistrict(rng);
      const old = this.baselineOps[d];
      const op = old.length > 0 && rng.chance(0.2) ? rng.pick(old) : this.newOperator_(d, false);
      const k = Math.min(
        rng.weighted([
          [1, 50],
          [2, 25],
          [3, 15],
          [4, 10],
        ] as const),
        this.spec.online - rows,
      );
      const channels: string[] = [];
      const stacked: string[] = [];
      for (let j = 0; j < k && rows < this.spec.online; j++) {
        const { row, counted, known, channel } = this.onlineRow_(op);
        this.online[d].push(row);
        rows++;
        if (counted) channels.push(channel);
        if (counted && known) stacked.push(channel);
        if (rows < this.spec.online && rng.chance(0.04)) {
          this.online[d].push(row.slice());
          this.stats.duplicateRows++;
          rows++;
        }
      }
      // A new operator is visited once; it counts when at least one of its rows counts.
      if (!op.old && channels.length > 0) {
        this.truthOperators[d]++;
        for (const c of channels) this.truthChannels[d].add(c);
      }
      if (!op.old && stacked.length > 0) {
        this.stackedOperators[d]++;
        for (const c of stacked) this.stackedChannels[d].add(c);
      }
    }
  }

  /**
   * One online row of an operator. Its first row carries both number and name in a known
   * district (so the add-on can link its other rows); later rows may carry only one of them.
   */
  private onlineRow_(op: Operator_): { row: unknown[]; counted: boolean; known: boolean; channel: string } {
    const rng = this.rng;
    const first = !op.emitted;
    op.emitted = true;
    const date = this.date_();
    const known = first || !rng.chance(0.015);
    const district = known ? typedDistrict(this.districts[op.district], rng) : this.unknownDistrict_();
    let regNo: unknown = op.regNo === '' ? rng.pick(NO_NUMBER) : this.typedNumber_(op.regNo);
    let name = retypedName(op.name, rng);
    if (op.regNo === '') this.stats.nameOnlyRows++;
    else if (!first && rng.chance(0.12)) {
      regNo = rng.pick(NO_NUMBER);
      this.stats.nameOnlyRows++;
    } else if (!first && rng.chance(0.08)) {
      name = '';
      this.stats.numberOnlyRows++;
    }
    if (/[๐-๙]/.test(name)) this.stats.thaiDigitCells++;
    let channel = '';
    let channelCell: string;
    if (rng.chance(0.03)) {
      channelCell = rng.pick(UNKNOWN_CHANNELS);
      this.stats.unknownChannels++;
    } else {
      const [canonical, , aliases] = rng.weighted(CHANNELS.map((c) => [c, c[1]] as const));
      channel = canonical;
      channelCell = rng.pick(aliases);
      if (channelCell !== canonical) this.stats.channelAliases++;
    }
    const serial = ++this.serial;
    const row = [
      date.cell,
      district,
      regNo,
      name,
      rng.pick(PRODUCTS),
      channelCell,
      rng.chance(0.8) ? `https://www.facebook.com/otop.${serial}` : '',
      this.sales_(),
      '',
    ];
    return { row, counted: date.counted && channel !== '', known, channel };
  }

  private newOperator_(district: number, old: boolean): Operator_ {
    const serial = ++this.serial;
    const rng = this.rng;
    const regNo = rng.chance(0.8) ? `43-${String(serial).padStart(6, '0')}` : '';
    return { district, regNo, name: `${rng.pick(KINDS)}${rng.pick(VILLAGES)} ${serial}`, old, emitted: false };
  }

  /** A registration number as typed: with or without the dash, Thai digits, a number cell. */
  private typedNumber_(regNo: string): unknown {
    const r = this.rng.next();
    if (r < 0.5) return regNo;
    if (r < 0.7) return regNo.replace('-', '');
    if (r < 0.85) {
      this.stats.thaiDigitCells++;
      return thaiDigits(regNo);
    }
    if (r < 0.95) return Number(regNo.replace('-', ''));
    return ` ${regNo} `;
  }

  /** A row's date: mostly in FY 2565, some outside it, a few unreadable. */
  private date_(): { cell: unknown; counted: boolean; day: Ymd | null } {
    const rng = this.rng;
    const r = rng.next();
    if (r < 0.02) {
      this.stats.unreadableDates++;
      return { cell: rng.pick(UNREADABLE_DATES), counted: false, day: null };
    }
    const outside = r < 0.07;
    if (outside) this.stats.outOfYear++;
    const day = outside
      ? rng.chance(0.5)
        ? randomDay({ y: 2021, m: 1, d: 1 }, { y: 2021, m: 9, d: 30 }, rng)
        : randomDay({ y: 2022, m: 10, d: 1 }, { y: 2022, m: 12, d: 31 }, rng)
      : randomDay(FY_START, FY_END, rng);
    const cell = typedDate(day, rng);
    if (cell instanceof Date && cell.getFullYear() > 2400) this.stats.beDateCells++;
    if (typeof cell === 'string') {
      this.stats.beTextDates++;
      if (/[๐-๙]/.test(cell)) this.stats.thaiDigitCells++;
    }
    return { cell, counted: !outside, day };
  }

  private unknownDistrict_(): string {
    this.stats.unknownDistricts++;
    return this.rng.pick(UNKNOWN_DISTRICTS);
  }

  /** Sales as typed: a number, text with separators, Thai digits, or nothing. */
  private sales_(): unknown {
    const rng = this.rng;
    const amount = rng.int(1, 500) * 100;
    const r = rng.next();
    if (r < 0.6) return amount;
    if (r < 0.75) return amount.toLocaleString('en-US');
    if (r < 0.85) {
      this.stats.thaiDigitCells++;
      return `${thaiDigits(amount.toLocaleString('en-US'))} บาท`;
    }
    return '';
  }
}

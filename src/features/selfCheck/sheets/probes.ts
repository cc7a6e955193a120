/**
 * The self-check's probe formulas (features/selfCheck/rules/selfCheckProbe.ts is the probe's answer): each case gives
 * OTOP_SELFCHECK one kind of argument whose arrival is unconfirmed (docs/platform.md#custom-functions). They are
 * written into the scratch sheet, read back in the same run, and kept live in the result sheet
 * for Sheets to compute afterwards.
 */
import type { ProbeCase } from './observations';

/** The probe custom function's name (src/main.ts). */
export const PROBE_FUNCTION = 'OTOP_SELFCHECK';

/** The cases, in the order they are shown. */
export const PROBE_CASES: readonly ProbeCase[] = ['plain', 'errorCell', 'nowArgument', 'todayArgument', 'todayCell'];

/** What each case gives the probe; `{cell}` is its helper cell. */
const ARGUMENTS: Readonly<Record<ProbeCase, string>> = {
  plain: '42',
  errorCell: '{cell}',
  nowArgument: 'NOW()',
  todayArgument: 'TODAY()',
  todayCell: '{cell}',
};

/** The helper cell's formula of the cases that need one ('' for the others). */
export const PROBE_HELPERS: Readonly<Record<ProbeCase, string>> = {
  plain: '',
  errorCell: '=1/0',
  nowArgument: '',
  todayArgument: '',
  todayCell: '=TODAY()',
};

/** Each case as officers read it. */
export const PROBE_LABELS: Readonly<Record<ProbeCase, string>> = {
  plain: 'ตัวเลข 42 (ต้องได้ OTOP:number:42)',
  errorCell: 'เซลล์ที่เป็นข้อผิดพลาด (=1/0)',
  nowArgument: 'NOW() เป็นอาร์กิวเมนต์',
  todayArgument: 'TODAY() เป็นอาร์กิวเมนต์',
  todayCell: 'เซลล์ที่เป็น =TODAY()',
};

/**
 * A case's probe formula.
 * @param which the case
 * @param helper the helper cell's address (used by the cases that have one)
 */
export function probeFormula(which: ProbeCase, helper: string): string {
  return `=${PROBE_FUNCTION}(${ARGUMENTS[which].replace('{cell}', helper)})`;
}

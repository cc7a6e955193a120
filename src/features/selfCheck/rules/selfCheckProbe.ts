/**
 * The self-check's probe (the custom function OTOP_SELFCHECK): it answers with the kind and text
 * of what reached it, e.g. `OTOP:number:42`, `OTOP:date:2022-03-25T05:00:00.000Z`,
 * `OTOP:string:#DIV/0!`. A formula cell then shows whether Sheets called the function and with
 * what; anything else in the cell (an error, `Loading...`) means the function was not called,
 * or not yet.
 */
import { isDate } from '../../../kernel/civilDate';

/** The start of every answer of the probe. */
export const PROBE_PREFIX = 'OTOP:';

/** What reached the probe. */
export type ProbeKind = 'number' | 'string' | 'boolean' | 'date' | 'empty' | 'range' | 'other';

/** A probe answer read back. */
export interface ProbeAnswer {
  readonly kind: ProbeKind;
  readonly text: string;
}

/**
 * The probe's answer for the value it was given.
 * @param value what Sheets passed (a cell's value, a range as a 2-D array)
 */
export function probeAnswer(value: unknown): string {
  return `${PROBE_PREFIX}${kindOf_(value)}:${textOf_(value)}`;
}

/**
 * A cell's value read back as a probe answer, or null when the probe did not answer (the cell
 * shows an error, "Loading...", or anything else).
 * @param value the cell's value as getValues gave it
 */
export function readProbeAnswer(value: unknown): ProbeAnswer | null {
  if (typeof value !== 'string' || !value.startsWith(PROBE_PREFIX)) return null;
  const rest = value.slice(PROBE_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 0) return null;
  const kind = rest.slice(0, colon) as ProbeKind;
  const kinds: readonly string[] = ['number', 'string', 'boolean', 'date', 'empty', 'range', 'other'];
  return kinds.includes(kind) ? { kind, text: rest.slice(colon + 1) } : null;
}

/** The kind of a value. */
function kindOf_(value: unknown): ProbeKind {
  if (Array.isArray(value)) return 'range';
  if (isDate(value)) return 'date';
  if (value === '' || value === null || value === undefined) return 'empty';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  return 'other';
}

/** The text of a value (a date as ISO, a range as its size). */
function textOf_(value: unknown): string {
  if (Array.isArray(value)) return `${value.length}x${Array.isArray(value[0]) ? value[0].length : 1}`;
  if (isDate(value)) return Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString();
  return value === null || value === undefined ? '' : String(value);
}

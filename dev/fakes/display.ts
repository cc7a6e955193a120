/**
 * Display text of a cell (`getDisplayValues`): a small subset of Sheets number formats.
 * Supported: "@" (text), "0", "0.00", "#,##0", "#,##0.00", percentages ("0%", "0.0%") and date
 * patterns made of d, m, y, h, s ("dd/mm/yyyy", "yyyy-mm-dd", "d mmm yyyy", "hh:mm"). A number
 * under a date pattern shows as the day that many days after 30 December 1899, Sheets' day zero
 * ("If you enter 1 in a cell and then format it as a date, you get ... 12/31/1899",
 * webapps.stackexchange.com/questions/104081), so 12 typed into a dd/mm/yyyy cell shows 11/01/1900.
 * Anything else falls back to the plain form: numbers with at most 15 decimals, booleans
 * TRUE/FALSE, dates as yyyy-mm-dd (plus HH:mm:ss when not midnight) in the spreadsheet time zone.
 */
import { instantInZone, pad, zonedParts } from './dates';
import { CellError, type CellValue } from './values';

const MONTHS_ = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Renders a number with a "0.00" / "#,##0" style pattern.
 * @param n the number
 * @param pattern the pattern
 */
function formatNumber_(n: number, pattern: string): string | null {
  const m = /^([#,0]*0)(?:\.(0+))?(%?)$/.exec(pattern);
  if (!m) return null;
  const decimals = m[2]?.length ?? 0;
  const value = m[3] ? n * 100 : n;
  let text = Math.abs(value).toFixed(decimals);
  if (m[1].includes(',')) {
    const [int, frac] = text.split('.');
    text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac === undefined ? '' : `.${frac}`);
  }
  return (value < 0 && Number(text.replace(/,/g, '')) !== 0 ? '-' : '') + text + m[3];
}

/**
 * Whether a number format is a date pattern this module renders.
 * @param pattern the number format
 */
function isDatePattern_(pattern: string): boolean {
  return /^[dmyhs\s/.:,-]+$/i.test(pattern) && /[dmy]/i.test(pattern);
}

/**
 * Renders a date with a Sheets date pattern ("m" after "h" or before "s" means minutes).
 * @param date the instant
 * @param pattern the pattern
 * @param timeZone the spreadsheet time zone
 */
function formatDate_(date: Date, pattern: string, timeZone: string): string | null {
  if (!isDatePattern_(pattern)) return null;
  const p = zonedParts(date, timeZone);
  const tokens = pattern.match(/([dmyhs])\1*|[^dmyhs]+/gi) ?? [];
  return tokens
    .map((tok, i) => {
      const t = tok.toLowerCase();
      const prev =
        tokens
          .slice(0, i)
          .reverse()
          .find((x) => /^[a-z]/i.test(x))
          ?.toLowerCase() ?? '';
      const next =
        tokens
          .slice(i + 1)
          .find((x) => /^[a-z]/i.test(x))
          ?.toLowerCase() ?? '';
      switch (t[0]) {
        case 'd':
          return t.length >= 2 ? pad(p.day, 2) : String(p.day);
        case 'y':
          return t.length === 2 ? pad(p.year % 100, 2) : String(p.year);
        case 'h':
          return t.length >= 2 ? pad(p.hour, 2) : String(p.hour);
        case 's':
          return pad(p.second, 2);
        case 'm':
          if (prev.startsWith('h') || next.startsWith('s')) return pad(p.minute, t.length >= 2 ? 2 : 1);
          if (t.length >= 3) return MONTHS_[p.month - 1];
          return t.length === 2 ? pad(p.month, 2) : String(p.month);
        default:
          return tok;
      }
    })
    .join('');
}

/**
 * The instant a day serial stands for: whole days after 30 December 1899 and the fraction as the
 * time of day, on the spreadsheet's wall clock.
 * @param serial the number
 * @param timeZone the spreadsheet time zone
 */
function serialDate_(serial: number, timeZone: string): Date {
  const days = Math.floor(serial);
  const second = Math.round((serial - days) * 86400);
  return instantInZone({ year: 1899, month: 12, day: 30 + days, second }, timeZone);
}

/**
 * The text Sheets would show for a value.
 * @param value the computed value
 * @param numberFormat the cell's number format, if any
 * @param timeZone the spreadsheet time zone
 */
export function displayText(value: CellValue, numberFormat: string | undefined, timeZone: string): string {
  if (value instanceof CellError) return value.code;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (numberFormat === '@') return value instanceof Date ? value.toISOString() : String(value);
  if (value instanceof Date) {
    const formatted = numberFormat ? formatDate_(value, numberFormat, timeZone) : null;
    if (formatted !== null) return formatted;
    const p = zonedParts(value, timeZone);
    const day = `${p.year}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
    if (p.hour === 0 && p.minute === 0 && p.second === 0) return day;
    return `${day} ${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}`;
  }
  if (numberFormat && isDatePattern_(numberFormat) && Math.abs(value) < 3e6) {
    return formatDate_(serialDate_(value, timeZone), numberFormat, timeZone) ?? String(value);
  }
  const formatted = numberFormat ? formatNumber_(value, numberFormat) : null;
  if (formatted !== null) return formatted;
  // The default format "0.###############" shows at most 15 decimals (0.1 + 0.2 → "0.3").
  return Math.abs(value) < 1e15 ? String(Number(value.toFixed(15))) : String(value);
}

/**
 * Date helpers: calendar fields of an instant in a time zone, and a Java SimpleDateFormat subset
 * as used by `Utilities.formatDate` (which has no locale: English month and day names).
 */

/** Calendar fields of an instant in some time zone. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday */
  weekday: number;
  /** minutes east of UTC */
  offsetMinutes: number;
}

const formatters_ = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS_ = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_ = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A fixed offset for "GMT+7", "UTC-03:30", "+07:00"; null for zone ids.
 * @param timeZone the zone text
 */
function fixedOffset_(timeZone: string): number | null {
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (!m) return timeZone === 'GMT' || timeZone === 'UTC' ? 0 : null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/**
 * An Intl formatter for a zone id; unknown ids fall back to GMT, as Java's TimeZone does.
 * @param timeZone an IANA zone id
 */
function formatter_(timeZone: string): Intl.DateTimeFormat {
  let f = formatters_.get(timeZone);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = {
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    };
    try {
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    formatters_.set(timeZone, f);
  }
  return f;
}

/**
 * Calendar fields of `date` in `timeZone`.
 * @param date the instant
 * @param timeZone IANA id ("Asia/Bangkok") or fixed offset ("GMT+7")
 */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const time = date.getTime();
  const key = `${timeZone}|${time}`;
  let parts = zoned_.get(key);
  if (parts === undefined) {
    if (zoned_.size >= ZONED_KEPT) zoned_.clear();
    parts = Object.freeze(zonedPartsOf_(time, date, timeZone));
    zoned_.set(key, parts);
  }
  return parts;
}

/**
 * The zoned fields of instants already asked for (zone|time → fields), frozen: the same cell
 * dates are formatted again and again, and Intl's formatToParts was 3 % of the suite's CPU
 * (issue 23). Cleared whole when full.
 */
const zoned_ = new Map<string, Readonly<ZonedParts>>();
/** How many instants zoned_ keeps before it starts again. */
const ZONED_KEPT = 50_000;

/**
 * zonedParts, computed.
 * @param time the instant's milliseconds
 * @param date the instant
 * @param timeZone IANA id or fixed offset
 */
function zonedPartsOf_(time: number, date: Date, timeZone: string): ZonedParts {
  const fixed = fixedOffset_(timeZone);
  let local: Date;
  if (fixed !== null) {
    local = new Date(time + fixed * 60000);
  } else {
    const p: Record<string, number> = {};
    for (const part of formatter_(timeZone).formatToParts(date)) {
      if (part.type !== 'literal') p[part.type] = Number(part.value);
    }
    local = new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, date.getUTCMilliseconds()));
  }
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
    weekday: local.getUTCDay(),
    offsetMinutes: Math.round((local.getTime() - time) / 60000),
  };
}

/**
 * Zero-padded number.
 * @param n the number
 * @param width minimum digits
 */
export function pad(n: number, width: number): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/**
 * "+0700" / "+07" / "+07:00" for an offset in minutes.
 * @param minutes offset east of UTC
 * @param style which ISO/RFC form
 */
function offsetText_(minutes: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (style === 'X') return minutes === 0 ? 'Z' : `${sign}${h}`;
  if (style === 'XX') return minutes === 0 ? 'Z' : `${sign}${h}${m}`;
  if (style === 'XXX') return minutes === 0 ? 'Z' : `${sign}${h}:${m}`;
  return `${sign}${h}${m}`;
}

/**
 * One run of a pattern letter rendered.
 * @param letter the pattern letter
 * @param count how many times it repeats
 * @param p the calendar fields
 */
function field_(letter: string, count: number, p: ZonedParts): string {
  switch (letter) {
    case 'y':
      return count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
    case 'M':
      if (count >= 4) return MONTHS_[p.month - 1];
      if (count === 3) return MONTHS_[p.month - 1].slice(0, 3);
      return pad(p.month, count);
    case 'd':
      return pad(p.day, count);
    case 'H':
      return pad(p.hour, count);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, count);
    case 'm':
      return pad(p.minute, count);
    case 's':
      return pad(p.second, count);
    case 'S':
      return pad(p.millisecond, count);
    case 'E':
      return count >= 4 ? WEEKDAYS_[p.weekday] : WEEKDAYS_[p.weekday].slice(0, 3);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'Z':
      return offsetText_(p.offsetMinutes, 'Z');
    case 'X':
      return offsetText_(p.offsetMinutes, count === 1 ? 'X' : count === 2 ? 'XX' : 'XXX');
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/**
 * Formats like Java's SimpleDateFormat (the subset y M d H h m s S E a Z X and 'quoted text').
 * @param date the instant
 * @param timeZone IANA id or fixed offset
 * @param pattern e.g. "yyyy-MM-dd HH:mm:ss"
 */
export function formatSimpleDate(date: Date, timeZone: string, pattern: string): string {
  const p = zonedParts(date, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      const close = pattern.indexOf("'", i + 1);
      const end = close < 0 ? pattern.length : close;
      out += end === i + 1 ? "'" : pattern.slice(i + 1, end);
      i = end + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      out += field_(ch, j - i, p);
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * Milliseconds between the wall clock of `timeZone` and UTC at `date` (seconds kept: zones such
 * as Asia/Bangkok before 1920 are 6:42:04 ahead).
 * @param date the instant
 * @param timeZone IANA id or fixed offset
 */
function offsetMillis_(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  const wall = new Date(0);
  wall.setUTCFullYear(p.year, p.month - 1, p.day);
  wall.setUTCHours(p.hour, p.minute, p.second, p.millisecond);
  return wall.getTime() - date.getTime();
}

/**
 * The instant at which the wall clock of `timeZone` shows the given fields (the inverse of
 * zonedParts): the offset is read at a first guess and corrected once, which settles on either
 * side of a daylight-saving change.
 * @param fields calendar fields (month 1-based)
 * @param timeZone IANA id or fixed offset
 */
export function instantInZone(
  fields: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  timeZone: string,
): Date {
  const wall = new Date(0);
  wall.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  wall.setUTCHours(fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0, 0);
  const local = wall.getTime();
  let guess = local - offsetMillis_(wall, timeZone);
  guess = local - offsetMillis_(new Date(guess), timeZone);
  return new Date(guess);
}

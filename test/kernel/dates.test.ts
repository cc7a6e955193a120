import { dateOfDay, dayOf, dayOfDate, isDate, isoOfDay, ymdOf } from '../../src/kernel/civilDate';
import { dateTextPattern, parseDate } from '../../src/kernel/dateParse';
import { formatThaiDate, formatThaiMonth } from '../../src/kernel/thaiDate';
import { runInNewContext } from 'node:vm';

const MARCH_25 = dayOf(2022, 3, 25);

test('tests run in the script time zone, Asia/Bangkok (UTC+7)', () => {
  expect(new Date(2022, 2, 25).getTimezoneOffset()).toBe(-420);
});

describe('days', () => {
  test('dayOf agrees with the calendar of Date for every day of years 1–99, 1899–1901, 1999–2101', () => {
    const years = [...range_(1, 99), ...range_(1899, 1901), ...range_(1999, 2101)];
    const wrong: string[] = [];
    let checked = 0;
    for (const year of years) {
      const utc = new Date(0);
      utc.setUTCFullYear(year, 0, 1);
      for (let day = utc.getTime() / 86_400_000; new Date(day * 86_400_000).getUTCFullYear() === year; day++) {
        const date = new Date(day * 86_400_000);
        const ymd = `${year}-${date.getUTCMonth() + 1}-${date.getUTCDate()}`;
        if (dayOf(year, date.getUTCMonth() + 1, date.getUTCDate()) !== day) wrong.push(ymd);
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(years.length * 365 + 24 + 25); // leap days: 24 in 4–96, none in 1899–1901, 25 in 2000–2096
    expect(dayOf(1970, 1, 1)).toBe(0);
    expect(dayOf(2022, 3, 0)).toBe(dayOf(2022, 2, 28));
  });
  test('round-trip through dates and ISO text', () => {
    expect(ymdOf(MARCH_25)).toEqual({ year: 2022, month: 3, day: 25 });
    expect(isoOfDay(MARCH_25)).toBe('2022-03-25');
    expect(dayOfDate(dateOfDay(MARCH_25))).toBe(MARCH_25);
    expect(dateOfDay(MARCH_25).getHours()).toBe(0);
  });
  test('a date cell is read in Bangkok: 25 Mar 00:30 local is still the 25th', () => {
    expect(dayOfDate(new Date('2022-03-24T17:30:00Z'))).toBe(MARCH_25);
  });
  test('a BE year typed into a date cell (2565 lands as CE 2565) is read as BE', () => {
    expect(dayOfDate(new Date(2565, 2, 25))).toBe(MARCH_25);
  });
  test('isDate recognises dates from another global scope', () => {
    const foreign = runInNewContext('new Date(2022, 2, 25)');
    expect(foreign instanceof Date).toBe(false);
    expect(isDate(foreign)).toBe(true);
    expect(parseDate(foreign)).toEqual({ ok: true, value: MARCH_25 });
  });
});

describe('parseDate: the forms officers type', () => {
  test.each([
    ['25/03/2565'],
    ['25/3/2565'],
    ['25-03-2565'],
    ['25.03.2565'],
    ['25/03/65'],
    ['๒๕/๐๓/๒๕๖๕'],
    ['25/03/2022'],
    ['2022-03-25'],
    ['25 มีนาคม 2565'],
    ['25 มี.ค. 65'],
    ['๒๕ มี.ค. ๖๕'],
    ['25มี.ค.65'],
    ['25 มีค 2565'],
    ['วันที่ 25 มีนาคม พ.ศ. 2565'],
    ['  25 / 03 / 2565 '],
    // As the letter and officers write them: weekday, วันที่, พ.ศ., spoken month names.
    ['วันศุกร์ที่ ๒๕ มีนาคม ๒๕๖๕'],
    ['วันศุกร์ 25 มี.ค. 65'],
    ['วันที่ ๒๕ มี.ค. พ.ศ. ๒๕๖๕'],
    ['25 มีนา 65'],
    ['25 มี.ค 2565'],
    ['25\u200b/03/2565'],
  ])('%p is 25 March 2022', (text) => {
    expect(parseDate(text)).toEqual({ ok: true, value: MARCH_25 });
  });

  test('a date value', () => {
    expect(parseDate(new Date(2022, 2, 25, 15, 0))).toEqual({ ok: true, value: MARCH_25 });
  });

  test('the spoken month names', () => {
    const spoken = ['มกรา', 'กุมภา', 'มีนา', 'เมษา', 'พฤษภา', 'มิถุนา', 'กรกฎา', 'สิงหา', 'กันยา', 'ตุลา', 'พฤศจิกา', 'ธันวา'];
    spoken.forEach((name, i) => {
      expect(parseDate(`3 ${name} 65`)).toEqual({ ok: true, value: dayOf(2022, i + 1, 3) });
    });
  });

  test('every weekday prefix, with and without ที่', () => {
    for (const day of ['จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'พฤหัส', 'ศุกร์', 'เสาร์', 'อาทิตย์']) {
      expect(parseDate(`วัน${day}ที่ 2 เม.ย. 65`)).toEqual({ ok: true, value: dayOf(2022, 4, 2) });
      expect(parseDate(`วัน${day} 2 เม.ย. 65`)).toEqual({ ok: true, value: dayOf(2022, 4, 2) });
    }
  });

  test('every Thai month name and abbreviation', () => {
    const full = [
      'มกราคม',
      'กุมภาพันธ์',
      'มีนาคม',
      'เมษายน',
      'พฤษภาคม',
      'มิถุนายน',
      'กรกฎาคม',
      'สิงหาคม',
      'กันยายน',
      'ตุลาคม',
      'พฤศจิกายน',
      'ธันวาคม',
    ];
    const short = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
    full.forEach((name, i) => {
      expect(parseDate(`1 ${name} 2565`)).toEqual({ ok: true, value: dayOf(2022, i + 1, 1) });
    });
    short.forEach((name, i) => {
      expect(parseDate(`1 ${name} 65`)).toEqual({ ok: true, value: dayOf(2022, i + 1, 1) });
    });
  });

  test.each([
    ['31/04/2565', 'ไม่มีวันที่นี้'],
    ['29/02/2565', 'ไม่มีวันที่นี้'], // 2022 is not a leap year
    ['hello', 'อ่านเป็นวันที่ไม่ได้'],
    ['25 ธนวาคม 2565', 'อ่านเป็นวันที่ไม่ได้'], // misspelt month
    ['วันศุกร์', 'อ่านเป็นวันที่ไม่ได้'],
    ['25 มีนาคม', 'อ่านเป็นวันที่ไม่ได้'], // no year
    ['วันเสาร์ที่ 25/03/2565 เวลา 10.00 น.', 'อ่านเป็นวันที่ไม่ได้'],
    ['25/03/256', 'อ่านเป็นวันที่ไม่ได้'],
    ['', 'ไม่มีวันที่'],
    [44645, 'ไม่ใช่วันที่'],
    [new Date(NaN), 'ไม่ถูกต้อง'],
  ])('%p is refused (%s)', (input, message) => {
    const parsed = parseDate(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(message);
  });

  test('29 Feb of a leap year (2567 BE = 2024) is a date', () => {
    expect(parseDate('29/02/2567')).toEqual({ ok: true, value: dayOf(2024, 2, 29) });
  });
});

describe('Thai date text', () => {
  test('long and short forms, Thai and Arabic digits', () => {
    expect(formatThaiDate(MARCH_25)).toBe('๒๕ มีนาคม ๒๕๖๕');
    expect(formatThaiDate(MARCH_25, { form: 'short' })).toBe('๒๕ มี.ค. ๖๕');
    expect(formatThaiDate(MARCH_25, { digits: 'arabic' })).toBe('25 มีนาคม 2565');
    expect(formatThaiMonth(2021, 10)).toBe('ตุลาคม ๒๕๖๔');
  });
  test('what is written can be read back', () => {
    for (const day of [dayOf(2021, 10, 1), dayOf(2022, 9, 30), MARCH_25]) {
      expect(parseDate(formatThaiDate(day))).toEqual({ ok: true, value: day });
      expect(parseDate(formatThaiDate(day, { form: 'short' }))).toEqual({ ok: true, value: day });
    }
  });
});

/** The integers from first to last. */
function range_(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

describe('two-digit BE years Sheets read as CE in a date cell', () => {
  test('25/03/65 typed into a date cell is stored as 1965: read as 2565', () => {
    expect(parseDate(new Date(1965, 2, 25))).toEqual({ ok: true, value: MARCH_25 });
    expect(parseDate(new Date(1964, 9, 1))).toEqual({ ok: true, value: dayOf(2021, 10, 1) });
  });

  test('other years are left alone', () => {
    expect(parseDate(new Date(2022, 2, 25))).toEqual({ ok: true, value: MARCH_25 });
    expect(parseDate(new Date(2565, 2, 25))).toEqual({ ok: true, value: MARCH_25 });
  });

  test('before 1930 a date cell holds a bare number or a time typed there, refused as the entry rule marks it', () => {
    const refused = { ok: false, problem: 'เซลล์นี้เป็นตัวเลขหรือเวลา ไม่ใช่วันที่ (ใช้รูปแบบ 25/03/2565)' };
    expect(parseDate(new Date(1929, 2, 25))).toEqual(refused);
    expect(parseDate(new Date(1900, 0, 11))).toEqual(refused); // 12 typed into a dd/mm/yyyy cell
    expect(parseDate(new Date(1899, 11, 30, 10, 30))).toEqual(refused); // 10:30
    expect(parseDate(new Date(1930, 0, 1))).toEqual({ ok: true, value: dayOf(2530 - 543, 1, 1) }); // '1/1/30': BE 2530
  });
});

describe('a day that does not exist in the BE year typed into a date cell (issue 20)', () => {
  test('29/02/2568 typed into a date cell (CE 2568 is a leap year, BE 2568 = CE 2025 is not) is refused', () => {
    const parsed = parseDate(new Date(2568, 1, 29));
    expect(parsed).toEqual({ ok: false, problem: '29/02/2568 ไม่มีวันที่นี้ในปฏิทิน (พ.ศ. 2568)' });
    // Typed as text it was refused already: the same rule either way.
    expect(parseDate('29/02/2568').ok).toBe(false);
  });

  test('29/02/68 typed into a date cell (Sheets makes 1968, a leap year) is refused', () => {
    expect(parseDate(new Date(1968, 1, 29))).toEqual({ ok: false, problem: '29/02/2568 ไม่มีวันที่นี้ในปฏิทิน (พ.ศ. 2568)' });
  });

  test('28/02/2568 in a date cell reads as 28 Feb 2025; 29/02/2567 (CE 2567 has none) stays text, read as BE', () => {
    expect(parseDate(new Date(2568, 1, 28))).toEqual({ ok: true, value: dayOf(2025, 2, 28) });
    expect(parseDate('29/02/2567')).toEqual({ ok: true, value: dayOf(2024, 2, 29) });
  });
});

describe('dateTextPattern: made once per dialect', () => {
  test("each dialect keeps its own pattern, whichever is asked first, and parseDate's gate agrees with the js one", () => {
    const re2 = dateTextPattern('re2');
    const js = dateTextPattern('js');
    expect(js).not.toBe(re2);
    expect(dateTextPattern('re2')).toBe(re2);
    expect(dateTextPattern('js')).toBe(js);
    const gate = new RegExp(js, 'u');
    expect(gate.test('25/03/2565')).toBe(true);
    expect(parseDate('25/03/2565').ok).toBe(true);
    expect(gate.test('ไม่ใช่วันที่')).toBe(false);
    expect(parseDate('ไม่ใช่วันที่').ok).toBe(false);
  });
});

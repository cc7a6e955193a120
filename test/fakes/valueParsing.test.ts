import { createFakeWorkbook } from '../../dev/fakes';
import { parseTypedText, type ParseSettings } from '../../dev/fakes/valueParsing';

const TH: ParseSettings = { locale: 'th_TH', timeZone: 'Asia/Bangkok', now: new Date('2026-06-15T05:00:00Z') };
const US: ParseSettings = { ...TH, locale: 'en_US' };

/** Midnight (or a time) in Bangkok as an ISO instant. */
function bkk(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): string {
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour - 7, minute, second, 0);
  return utc.toISOString();
}

function parsed(text: string, settings = TH): { value: unknown; format?: string } {
  const { value, format } = parseTypedText(text, settings);
  const shown = value instanceof Date ? { date: value.toISOString() } : value;
  return format === undefined ? { value: shown } : { value: shown, format };
}

describe('parseTypedText: what Sheets stores for typed text', () => {
  test.each<[string, number, string | null]>([
    ['0012', 12, null],
    ['01234', 1234, null],
    ['0001', 1, null],
    ['22 34', 2234, null],
    ['1,234', 1234, null],
    ['1,234,567.5', 1234567.5, null],
    ['  12 ', 12, null],
    ['-5', -5, null],
    ['+5', 5, null],
    ['1.5', 1.5, null],
    ['.5', 0.5, null],
    ['1e3', 1000, null],
    ['-0', 0, null],
    ['12%', 0.12, '0%'],
    ['1.5%', 0.015, '0.00%'],
    ['฿1,200', 1200, null],
    ['$5', 5, null],
    ['-$5', -5, null],
    ['$-5', -5, null],
    ['๑๒', 12, null],
    ['๑,๒๓๔', 1234, null],
    ['0812345678', 812345678, null],
  ])('number %p → %p', (text, value, format) => {
    // Rows list every argument: jest passes a `done` callback in place of a missing one.
    expect(parsed(text)).toEqual(format === null ? { value } : { value, format });
  });

  test.each<[string, boolean]>([
    ['TRUE', true],
    ['false', false],
    ['True', true],
  ])('boolean %p → %p', (text, value) => {
    expect(parsed(text)).toEqual({ value });
  });

  test.each<[string, string, string, ParseSettings]>([
    ['1/4', bkk(2026, 4, 1), 'd/m/yyyy', TH],
    ['1/4', bkk(2026, 1, 4), 'm/d/yyyy', US],
    ['25/03/2565', bkk(2565, 3, 25), 'd/m/yyyy', TH],
    ['10/12/2564', bkk(2564, 12, 10), 'd/m/yyyy', TH],
    ['25-03-2022', bkk(2022, 3, 25), 'd/m/yyyy', TH],
    ['1/4/22', bkk(2022, 4, 1), 'd/m/yyyy', TH],
    ['1/4/95', bkk(1995, 4, 1), 'd/m/yyyy', TH],
    ['3/2565', bkk(2565, 3, 1), 'd/m/yyyy', TH],
    ['2022-03-25', bkk(2022, 3, 25), 'yyyy-mm-dd', TH],
    ['25 Mar 2022', bkk(2022, 3, 25), 'd mmm yyyy', TH],
    ['Mar 25, 2022', bkk(2022, 3, 25), 'd mmm yyyy', TH],
    ['๒๕/๐๓/๒๕๖๕', bkk(2565, 3, 25), 'd/m/yyyy', TH],
    ['25/03/2022 10:30', bkk(2022, 3, 25, 10, 30), 'd/m/yyyy h:mm:ss', TH],
  ])('date %p → %p', (text, iso, format, settings) => {
    expect(parsed(text, settings)).toEqual({ value: { date: iso }, format });
  });

  test.each([
    'NK-01-106',
    'หนองคาย',
    '31/02/2022',
    '13/13',
    '1,23',
    '12 ราย',
    '081-234-5678',
    'A1',
    '5$',
    '$5%',
    '--5',
    '25:00',
    '',
    '   ',
    'ห้า',
    'e3',
  ])('text %p stays text', (text) => {
    expect(parsed(text)).toEqual({ value: text });
  });

  test.each([
    ['10:30', '30/12/1899, 10:30:00'],
    ['2:05:09 PM', '30/12/1899, 14:05:09'],
  ])('time %p is a Date on 30 Dec 1899 in the spreadsheet zone', (text, shown) => {
    // Bangkok's offset in 1899 was 6:42:04 (local mean time), so compare wall-clock text.
    const { value, format } = parseTypedText(text, TH);
    expect(format).toBe('h:mm:ss');
    const wall = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Bangkok',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).format(value as Date);
    expect(wall).toBe(shown);
  });
});

describe('writes parse strings like typed input', () => {
  function fresh() {
    const wb = createFakeWorkbook();
    return { wb, sheet: wb.spreadsheet.getSheets()[0] };
  }

  test('setValues, setValue and appendRow parse; setFormulas does not', () => {
    const { wb, sheet } = fresh();
    expect(wb.spreadsheet.getSpreadsheetLocale()).toBe('th_TH');
    sheet.getRange('A1:D1').setValues([['0012', 'TRUE', '1/4/2022', 'NK-01-106']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[12, true, new Date(bkk(2022, 4, 1)), 'NK-01-106']]);
    sheet.getRange('E1').setValue('1,234');
    expect(sheet.getRange('E1').getValue()).toBe(1234);
    sheet.appendRow(['007', '12%']);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([[7, 0.12]]);
    sheet.getRange('F1').setFormula('0012');
    expect(sheet.getRange('F1').getValue()).toBe('0012');
  });

  test("a leading apostrophe or the '@' format keeps text; the apostrophe is not stored", () => {
    const { sheet } = fresh();
    sheet.getRange('A1').setValue("'0012");
    expect(sheet.getRange('A1').getValue()).toBe('0012');
    sheet
      .getRange('B1:B2')
      .setNumberFormat('@')
      .setValues([['0012'], ['1/4']]);
    expect(sheet.getRange('B1:B2').getValues()).toEqual([['0012'], ['1/4']]);
    expect(sheet.getRange('B1').getNumberFormat()).toBe('@');
  });

  test('an automatic cell gets a date or percent format; a formatted cell keeps its own', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:C1').setValues([['12%', '25/03/2565', '12']]);
    expect(sheet.getRange('A1:C1').getNumberFormats()).toEqual([['0%', 'd/m/yyyy', '0.###############']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['12%', '25/3/2565', '12']]);
    sheet.getRange('D1').setNumberFormat('dd/mm/yyyy').setValue('10/12/2564');
    expect(sheet.getRange('D1').getNumberFormat()).toBe('dd/mm/yyyy');
    expect(sheet.getRange('D1').getDisplayValue()).toBe('10/12/2564');
    expect(sheet.getRange('D1').getValue()).toEqual(new Date(bkk(2564, 12, 10)));
  });

  test('the spreadsheet locale decides day/month order', () => {
    const wb = createFakeWorkbook({ locale: 'en_US' });
    const sheet = wb.spreadsheet.getSheets()[0];
    sheet.getRange('A1').setValue('4/1/2022');
    expect(sheet.getRange('A1').getValue()).toEqual(new Date(bkk(2022, 4, 1)));
    wb.spreadsheet.setSpreadsheetLocale('th_TH');
    expect(wb.spreadsheet.getSpreadsheetLocale()).toBe('th_TH');
    sheet.getRange('A2').setValue('4/1/2022');
    expect(sheet.getRange('A2').getValue()).toEqual(new Date(bkk(2022, 1, 4)));
  });
});

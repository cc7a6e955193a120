import { googleErrorKind, thaiErrorMessage } from '../../src/kernel/errorText';
import { GOOGLE_ERROR_TEXT } from '../../src/kernel/messages';
import { OfficerError } from '../../src/kernel/officerError';

/**
 * Google's own error texts, as Apps Script gives them (the Apps Script reference and quotas
 * page; the stand-in reproduces the same texts with their sources in dev/fakes).
 */
const GOOGLE: readonly [string, string][] = [
  ['Service invoked too many times for one day: email.', 'quota'],
  ['Service invoked too many times for one day: spreadsheets.', 'quota'],
  ['Service using too much computer time for one day', 'quota'],
  ['Limit Exceeded: Email Recipients Per Message.', 'quota'],
  ['Exceeded maximum execution time', 'timeLimit'],
  ['Lock timeout: another process was holding the lock for too long.', 'busy'],
  ['You do not have permission to perform that action.', 'permission'],
  [
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    'permission',
  ],
  ['Exception: You do not have permission to call SpreadsheetApp.openById. Required permissions: …', 'permission'],
  ['Range not found', 'missing'],
  ['A sheet with the name "สรุปผล รอบที่ 1" already exists. Please enter another name.', 'nameTaken'],
  ['A sheet with the name "ปัญหาข้อมูล" already exists. Please enter another name.', 'nameTaken'],
  ['The coordinates of the range are outside the dimensions of the sheet.', 'changed'],
  ['Those rows are out of bounds.', 'changed'],
  ['Invalid email: ผู้รับ@', 'address'],
  ['Service Spreadsheets timed out while accessing document with id 1abc.', 'service'],
  ['Exception: Service Spreadsheets failed while accessing document with id 1abc.', 'service'],
  ["We're sorry, a server error occurred. Please wait a bit and try again.", 'service'],
];

describe("Google's errors are classified by what they say, not by their script", () => {
  test.each(GOOGLE)('%s → %s', (message, kind) => {
    expect(googleErrorKind(message)).toBe(kind);
  });

  test('one quoting a Thai sheet name is still Google’s: explained in Thai, its text kept in brackets', () => {
    const message = 'A sheet with the name "สรุปผล รอบที่ 1" already exists. Please enter another name.';
    expect(thaiErrorMessage(new Error(message))).toBe(`${GOOGLE_ERROR_TEXT.nameTaken} (${message})`);
  });

  test('every kind has a Thai text that says the workbook is unchanged or what to do', () => {
    for (const text of Object.values(GOOGLE_ERROR_TEXT)) expect(text).toMatch(/[\u0e00-\u0e7f]/);
  });
});

describe("the add-on's own errors keep their message", () => {
  test.each(['forbidden', 'busy', 'input', 'missingSheet', 'notSetUp', 'quota', 'tooLong'] as const)('%s', (kind) => {
    expect(thaiErrorMessage(new OfficerError(kind, 'ข้อความของส่วนเสริม'))).toBe('ข้อความของส่วนเสริม');
  });

  test('also when made in another global scope (the bundle): recognised by name, not by class', () => {
    const foreign = Object.assign(new Error('ข้อความ'), { name: 'OfficerError', kind: 'input' });
    expect(thaiErrorMessage(foreign)).toBe('ข้อความ');
  });

  test('a plain error with Thai text is not taken for ours', () => {
    expect(thaiErrorMessage(new Error('ชีต "กิจกรรม ท่าบ่อ" not found'))).toBe(
      `${GOOGLE_ERROR_TEXT.missing} (ชีต "กิจกรรม ท่าบ่อ" not found)`,
    );
  });
});

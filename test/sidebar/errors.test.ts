/**
 * How the sidebar words a failed call (src/sidebar/errors.ts): the message as it is, whatever
 * its language; only network failures of google.script.run get their own Thai text.
 */
import { errorText, isNetworkFailure, NETWORK_TEXT } from '../../src/sidebar/errors';

test("the server's message is shown as it is, Thai or not", () => {
  const thai = 'ท่านไม่มีสิทธิ์แก้ไขส่วนนี้ของสมุดงาน การทำงานถูกยกเลิก';
  expect(errorText(new Error(thai))).toBe(thai);
  const google = 'Exception: Service Spreadsheets timed out while accessing document with id 1x.';
  expect(errorText(new Error(google))).toBe(google);
  expect(errorText(new Error('Authorization is required to perform that action.'))).toBe(
    'Authorization is required to perform that action.',
  );
});

test('network failures of google.script.run get the Thai network text, the original in brackets', () => {
  for (const message of [
    'NetworkError: Connection failure due to HTTP 0',
    'NetworkError: Connection failure due to HTTP 500',
    'Connection failure due to HTTP 0',
  ]) {
    expect(isNetworkFailure(new Error(message))).toBe(true);
    expect(errorText(new Error(message))).toBe(`${NETWORK_TEXT} (${message})`);
  }
  const named = new Error('Connection lost');
  named.name = 'NetworkError';
  expect(errorText(named)).toBe(`${NETWORK_TEXT} (Connection lost)`);
  expect(NETWORK_TEXT).toMatch(/^ติดต่อ Google ไม่ได้/);
});

test('a message merely mentioning a network is not a network failure', () => {
  expect(isNetworkFailure(new Error('ตรวจสอบ NetworkError ในชีต'))).toBe(false);
  expect(isNetworkFailure('NetworkError: Connection failure due to HTTP 0')).toBe(false); // not an Error
});

test('an empty message still says something', () => {
  expect(errorText(new Error(''))).toBe('ไม่ทราบสาเหตุ');
  expect(errorText(undefined)).toBe('ไม่ทราบสาเหตุ');
  expect(errorText('ข้อความ')).toBe('ข้อความ');
});

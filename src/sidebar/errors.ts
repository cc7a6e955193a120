/**
 * What the sidebar says when a call fails. The server already turns every error of the add-on
 * into Thai (src/app/serverAction.ts), and whatever Apps Script raises outside it is best
 * shown word for word to whoever helps, so a failure's message is shown as it is. Only a
 * network failure of google.script.run, which never reached the add-on, gets its own Thai text.
 */

/**
 * google.script.run's failure when the request itself fails: "NetworkError: Connection failure
 * due to HTTP 0" (offline) or "... HTTP 500" (Google's side), as add-on users report it
 * (evbacher/gd2md-html#115); the exact text is not documented.
 */
const NETWORK_FAILURE = /^(?:NetworkError\b|Connection failure due to HTTP \d+)/;

/** The Thai text of a network failure. Whether a writing action ran before the answer was lost is unknown. */
export const NETWORK_TEXT =
  'ติดต่อ Google ไม่ได้ ตรวจสอบอินเทอร์เน็ต แล้วโหลดข้อมูลใหม่ (ปุ่ม “โหลดใหม่” หรือเปิดแผงควบคุมอีกครั้ง) ดูว่างานที่สั่งทำไปแล้วหรือยัง ก่อนลองอีกครั้ง';

/**
 * True for a failure of the connection to Google rather than of the add-on.
 * @param error what a call rejected with
 */
export function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'NetworkError' || NETWORK_FAILURE.test(error.message);
}

/**
 * The text to show for a failed call: the message as it is, or the network text (with the
 * original in brackets).
 * @param error what a call rejected with
 */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error ?? '');
  if (isNetworkFailure(error)) return `${NETWORK_TEXT} (${message})`;
  return message || 'ไม่ทราบสาเหตุ';
}

import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

/**
 * SHA-256 (FIPS 180-4) of a text encoded as UTF-8, in the script. The add-on seals every
 * record it writes and checks every record it reads (platform/sealedRows.ts); with
 * Utilities.computeDigest each seal was one service call, so a data check over a province's
 * submissions spent more calls on seals than on reading the sheets (issue 23). The digest is
 * the same bytes Utilities.computeDigest(SHA_256, text, UTF_8) returns for a well-formed text,
 * so seals written before still check.
 */

/**
 * Whether a text is well-formed UTF-16 (no lone surrogate). A lone surrogate has no UTF-8 form:
 * encoders differ in what they put in its place, so the caller leaves such a text to the
 * platform's own digest.
 * @param text the text
 */
export function isWellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (d < 0xdc00 || d > 0xdfff) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/**
 * Writes a well-formed text's UTF-8 bytes straight into a typed array (at most three bytes per
 * UTF-16 unit): the seals of every record are checked on every read, and a plain array grown
 * byte by byte spent more time than the hash itself (the year simulator's profile).
 * @param text the text (see isWellFormed)
 * @param out where to write: at least text.length * 3 bytes free from `at`
 * @param at the first byte to write
 * @return the index after the last byte written
 */
function utf8Into_(text: string, out: Uint8Array, at: number): number {
  let n = at;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
    } else if (c < 0x10000) {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
    } else {
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 63);
      out[n++] = 0x80 | ((c >> 6) & 63);
    }
    out[n++] = 0x80 | (c & 63);
  }
  return n;
}

/**
 * A well-formed text's UTF-8 bytes.
 * @param text the text (see isWellFormed)
 */
function utf8_(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  return out.subarray(0, utf8Into_(text, out, 0));
}

/**
 * The SHA-256 digest of a well-formed text's UTF-8 bytes, as 64 lowercase hex digits. The hash
 * is @noble/hashes' (audited, no dependencies, pure JavaScript: no Node or Web API it would miss
 * in Apps Script); the bytes are made here, because its utf8ToBytes needs TextEncoder, a Web API
 * that plain V8 does not have (unconfirmed for Apps Script: the worse case).
 * @param text the text (see isWellFormed)
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8_(text)));
}

/** The bytes sha256HexOfParts gathers before hashing them (a larger part gets its own buffer). */
const PARTS_BUFFER_BYTES_ = 1 << 16;

/**
 * The SHA-256 digest of the concatenation of well-formed texts, as 64 lowercase hex digits, the
 * same as sha256Hex of the whole: the texts are hashed a buffer at a time, so a large text (a report's
 * sheet over a nation's entries, tens of megabytes) is never made whole, nor its UTF-8 bytes.
 * @param texts the texts, in order, each well-formed on its own (a surrogate pair never split)
 */
export function sha256HexOfParts(texts: Iterable<string>): string {
  // The parts (a report's rows, a few hundred bytes each) are gathered into one buffer and
  // hashed a buffer at a time: one update and one array per row cost more than the hash itself.
  const hash = sha256.create();
  let buffer = new Uint8Array(PARTS_BUFFER_BYTES_);
  let n = 0;
  for (const text of texts) {
    const most = text.length * 3;
    if (n + most > buffer.length) {
      if (n > 0) hash.update(buffer.subarray(0, n));
      n = 0;
      if (most > buffer.length) buffer = new Uint8Array(most);
    }
    n = utf8Into_(text, buffer, n);
  }
  if (n > 0) hash.update(buffer.subarray(0, n));
  return bytesToHex(hash.digest());
}

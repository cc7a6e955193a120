/**
 * Fake Utilities: formatDate (Java SimpleDateFormat subset), newBlob, sleep (the fake clock
 * passes), getUuid, computeDigest and base64 (standard and web-safe). Byte arrays are Java's
 * signed bytes, -128..127: the reference's base64Decode example logs "[71, 111, 111, 103, 108,
 * 101, 32, -29, -126, -80, ...]" (reference/utilities/utilities#base64Decode(String)), and a
 * computeDigest MD5 logs "[8, 30, -43, 124, -101, ...]" (stackoverflow.com/questions/16216868).
 */
import { createHash } from 'node:crypto';
import { FakeBlob } from './blob';
import { instrument } from './callLedger';
import { formatSimpleDate } from './dates';
import { Charset, DigestAlgorithm } from './enums';
import type { ExecutionContext } from './model';
import type { FakeOf } from './types';

const UTILITIES_METHODS = [
  'formatDate',
  'newBlob',
  'sleep',
  'getUuid',
  'computeDigest',
  'base64Encode',
  'base64EncodeWebSafe',
  'base64Decode',
  'base64DecodeWebSafe',
] as const satisfies readonly (keyof GoogleAppsScript.Utilities.Utilities)[];

type UtilitiesApi = FakeOf<
  GoogleAppsScript.Utilities.Utilities,
  (typeof UTILITIES_METHODS)[number] | 'DigestAlgorithm' | 'Charset'
>;

// Node's names for the algorithms; MD2 is gone from current OpenSSL builds.
const NODE_DIGESTS_: Record<string, string | null> = {
  MD2: null,
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/**
 * Java's signed bytes of unsigned ones.
 * @param bytes unsigned bytes
 */
export function signedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/**
 * A string's bytes in a charset. US-ASCII turns every character it cannot encode into "?", as
 * Java's String.getBytes does (one "?" per code point).
 * @param text the string
 * @param charset Utilities.Charset; UTF-8 when omitted (the default charset is unconfirmed)
 */
function encode_(text: string, charset?: GoogleAppsScript.Utilities.Charset): Uint8Array {
  if (charset === Charset.US_ASCII)
    return Uint8Array.from(Array.from(text, (ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 63)));
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

/**
 * The bytes of a string or of a Byte[] (signed or not).
 * @param data text or bytes
 * @param charset for text
 */
function bytesOf_(data: string | number[], charset?: GoogleAppsScript.Utilities.Charset): Uint8Array {
  return typeof data === 'string' ? encode_(data, charset) : Uint8Array.from(data, (b) => b & 255);
}

/**
 * Decodes base64 text, refusing characters outside the alphabet (Google's message for bad input
 * is unconfirmed; refusing is the worse case, Node alone would skip them silently).
 * @param encoded the text
 * @param webSafe "-" and "_" instead of "+" and "/"
 */
function decode_(encoded: string, webSafe: boolean): number[] {
  const alphabet = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  const text = encoded.replace(/\s+/g, '');
  if (!alphabet.test(text) || text.replace(/=+$/, '').length % 4 === 1) throw new Error('Could not decode string.');
  return signedBytes(new Uint8Array(Buffer.from(text, webSafe ? 'base64url' : 'base64')));
}

/** Utilities. */
export class FakeUtilities implements UtilitiesApi {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;
  /** Milliseconds the script asked to sleep (the fake clock advances by as much). */
  slept_ = 0;

  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {}

  /**
   * @param date the instant
   * @param timeZone e.g. "Asia/Bangkok" or "GMT+7"
   * @param format SimpleDateFormat pattern, e.g. "yyyy-MM-dd HH:mm"
   */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    return formatSimpleDate(new Date(date.getTime()), timeZone, format);
  }

  /** @param data text or bytes @param contentType MIME type @param name file name */
  newBlob(data: string | number[], contentType?: string, name?: string): FakeBlob {
    return new FakeBlob(this.ctx_, bytesOf_(data), contentType ?? null, name ?? null);
  }

  /** @param milliseconds the fake clock advances by this much (counts toward the run's time limit) */
  sleep(milliseconds: number): void {
    this.slept_ += milliseconds;
    this.ctx_.book.clock.advance(Math.max(0, milliseconds));
  }

  /** A deterministic UUID (counter-based, per workbook). */
  getUuid(): string {
    return this.ctx_.book.newUuid();
  }

  /**
   * The digest of a string (in a charset, default UTF-8) or of a Byte[], as signed bytes.
   * @param algorithm Utilities.DigestAlgorithm
   * @param value text or bytes
   * @param charset Utilities.Charset, for text
   */
  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    const name = NODE_DIGESTS_[String(algorithm)];
    if (!name) throw new Error(`Fake: digest ${String(algorithm)} is not supported.`);
    return signedBytes(new Uint8Array(createHash(name).update(bytesOf_(value, charset)).digest()));
  }

  /** @param data bytes, or text in a charset (default UTF-8) @param charset Utilities.Charset */
  base64Encode(data: string | number[], charset?: GoogleAppsScript.Utilities.Charset): string {
    return Buffer.from(bytesOf_(data, charset)).toString('base64');
  }

  /** @param data bytes, or text in a charset (default UTF-8) @param charset Utilities.Charset */
  base64EncodeWebSafe(data: string | number[], charset?: GoogleAppsScript.Utilities.Charset): string {
    // Web-safe keeps the padding: 'QSBzdHJpbmcgaGVyZQ==' (reference, base64EncodeWebSafe).
    return Buffer.from(bytesOf_(data, charset)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  /** @param encoded base64 text @param _charset ignored: the result is bytes either way */
  base64Decode(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    return decode_(encoded, false);
  }

  /** @param encoded web-safe base64 text @param _charset ignored: the result is bytes either way */
  base64DecodeWebSafe(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    return decode_(encoded, true);
  }
}
instrument(FakeUtilities, 'Utilities', UTILITIES_METHODS);

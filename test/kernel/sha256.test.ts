/**
 * The script's own SHA-256 (kernel/sha256.ts, used for record seals instead of a
 * Utilities.computeDigest call per seal) gives the digest of the text's UTF-8 bytes: checked
 * against FIPS 180-4's examples and against Node's digest on random texts of every plane.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { isWellFormed, sha256Hex, sha256HexOfParts } from '../../src/kernel/sha256';

/** Node's SHA-256 of a text's UTF-8 bytes, as hex. */
const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

test('FIPS 180-4 examples: "abc", the 448-bit message and the empty text', () => {
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  );
  expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

test('agrees with the UTF-8 digest on random well-formed texts of every length and plane', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
      expect(isWellFormed(text)).toBe(true);
      expect(sha256Hex(text)).toBe(reference(text));
    }),
    { numRuns: 300 },
  );
  // every padding length around the 64-byte blocks, in Thai (3 bytes a letter) and ASCII
  for (let n = 0; n < 140; n++) {
    expect(sha256Hex('ก'.repeat(n))).toBe(reference('ก'.repeat(n)));
    expect(sha256Hex('x'.repeat(n))).toBe(reference('x'.repeat(n)));
  }
});

test('the digest of texts one by one is the digest of their concatenation, whatever the cuts', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 90 }), { maxLength: 12 }), (texts) => {
      expect(sha256HexOfParts(texts)).toBe(reference(texts.join('')));
    }),
    { numRuns: 300 },
  );
  // cuts that fall inside a 64-byte block, across it and on its edge
  expect(sha256HexOfParts(['x'.repeat(63), 'ก', 'x'.repeat(64)])).toBe(
    reference(`${'x'.repeat(63)}ก${'x'.repeat(64)}`),
  );
  expect(sha256HexOfParts([])).toBe(reference(''));
});

test('parts of a large text (more than the 64 KB gathered at a time, one part larger alone) hash as the whole', () => {
  // rows of a report's size, Thai and ASCII, then a part of 30 000 Thai letters (90 000 bytes)
  const parts = Array.from({ length: 700 }, (_, i) => `${i % 3 ? 'ก' : 'x'}`.repeat(40 + (i % 97)));
  parts.splice(350, 0, 'ข'.repeat(30000));
  parts.push('😀', 'z'.repeat(21846));
  expect(sha256HexOfParts(parts)).toBe(reference(parts.join('')));
});

test('a lone surrogate is not well-formed (left to the platform digest)', () => {
  expect(isWellFormed('a\ud800b')).toBe(false);
  expect(isWellFormed('a\udc00')).toBe(false);
  expect(isWellFormed('\ud800')).toBe(false);
  expect(isWellFormed('😀ก')).toBe(true);
});

/**
 * Words of the report tables' headers that are read as one and must never be split across
 * lines: Thai has no spaces, and the dictionary that browsers (and Intl.Segmenter) break Thai
 * with splits some of them (ผู้/ประกอบ/การ, ร้อย/ละ, ช่อง/ทาง). The columns are made at least as
 * wide as the widest of them in their header (officialForm.ts), and the report's HTML keeps each
 * on one line (reportHtml.ts). Issue 24, finding 9.
 */
import { breakPieces } from './textWidth';

/** The words, as the headers write them. */
export const HEADER_WORDS: readonly string[] = [
  'ผู้ประกอบการ',
  'ร้อยละ',
  'กิจกรรม',
  'ช่องทาง',
  'รายใหม่',
  'คะแนน',
  'ระดับ',
  'อำเภอ',
  'เป้าหมาย',
  'ทั้งหมด',
  'ออนไลน์',
  'ส่งเสริม',
  'ถัดไป',
  'ลำดับ',
  'วันที่',
  'สถานที่',
  'ผู้จัด',
  'ทะเบียน',
  'ผลิตภัณฑ์',
  'ลิงก์',
];

/** The words, longest first (the longest match wins). */
const LONGEST_FIRST = [...HEADER_WORDS].sort((a, b) => b.length - a.length);

/** A piece of a header: a kept word, or text that may break as usual. */
export interface HeaderPiece {
  readonly text: string;
  readonly kept: boolean;
}

/**
 * A header cut into its kept words and the text between them.
 * @param header the header
 */
export function headerPieces(header: string): HeaderPiece[] {
  const out: HeaderPiece[] = [];
  let loose = '';
  let i = 0;
  while (i < header.length) {
    const word = LONGEST_FIRST.find((w) => header.startsWith(w, i));
    if (word) {
      if (loose) out.push({ text: loose, kept: false });
      loose = '';
      out.push({ text: word, kept: true });
      i += word.length;
    } else {
      loose += header[i];
      i++;
    }
  }
  if (loose) out.push({ text: loose, kept: false });
  return out;
}

/**
 * The pieces a header's line may break between: its kept words whole, the rest as breakPieces.
 * @param header the header
 */
export function headerBreakPieces(header: string): string[] {
  return headerPieces(header).flatMap((p) => (p.kept ? [p.text] : breakPieces(p.text)));
}

/**
 * What the submission preview says of the measures (no DOM): the duty's fiscal year's measures
 * in its order, as the server's preview lists them, each in the catalogue's words.
 */
import type { SubmissionPreview } from '../action/dutiesApi';
import type { MeasureKey } from '../../../kernel/measures';

/** Each measure's label and unit in the preview (kernel/measures.ts short and unit). */
const PREVIEW_WORDS: Readonly<Record<MeasureKey, readonly [label: string, unit: string]>> = {
  activities: ['กิจกรรม', 'ครั้ง'],
  channels: ['ช่องทาง', 'ช่องทาง'],
  newOperators: ['ผู้ประกอบการรายใหม่', 'ราย'],
};

/**
 * The preview's figures, one (label, value) pair a measure: the duty's fiscal year's measures in
 * its order (the catalogue's words), with what changed in the month for a monthly report.
 * @param p the server's preview
 */
export function previewFigures(p: SubmissionPreview): (readonly [label: string, value: string])[] {
  const change = (n: number | undefined) => (p.changes && n !== undefined ? ` (+${n} ในเดือน)` : '');
  return p.measures.map((key) => [
    PREVIEW_WORDS[key][0],
    `${p.figures[key]} ${PREVIEW_WORDS[key][1]}${change(p.changes?.[key])}`,
  ]);
}

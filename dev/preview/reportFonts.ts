/**
 * Sarabun for the local preview's PDFs: the report's HTML names Sarabun (the font Sheets offers,
 * which Google's side has), but this machine has no Sarabun installed, so the preview embeds the
 * OFL font files of @fontsource/sarabun (Thai and Latin subsets, regular and bold) as data URLs
 * before Chromium prints the page. The HTML the add-on sends is left as it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FILES = join(__dirname, '..', '..', 'node_modules', '@fontsource', 'sarabun', 'files');

/** The subsets' unicode ranges, as @fontsource/sarabun declares them (400.css). */
const SUBSETS = {
  thai: 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC',
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
} as const;

/** @font-face rules for Sarabun 400 and 700, Thai and Latin, the fonts inline. */
export function sarabunFaces(): string {
  const faces: string[] = [];
  for (const weight of [400, 700]) {
    for (const [subset, range] of Object.entries(SUBSETS)) {
      const data = readFileSync(join(FILES, `sarabun-${subset}-${weight}-normal.woff2`)).toString('base64');
      faces.push(
        `@font-face { font-family: 'Sarabun'; font-style: normal; font-weight: ${weight}; ` +
          `src: url(data:font/woff2;base64,${data}) format('woff2'); unicode-range: ${range}; }`,
      );
    }
  }
  return faces.join('\n');
}

/**
 * A report page with Sarabun embedded, ready for Chromium's print to PDF.
 * @param html the report's HTML (reportHtml)
 */
export function withSarabun(html: string): string {
  return html.replace('</head>', `<style>${sarabunFaces()}</style></head>`);
}

/**
 * docs/first-run.md's self-check step asks the province to open the sample report PDF the
 * self-check e-mails them, look at each point that e-mail lists (src/features/selfCheck/sheets/samplePdf.ts), and
 * forward it to the maintainers (issue 24, finding 9): the points are the same words in both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_CHECKS } from '../../src/features/selfCheck/sheets/samplePdf';

const FIRST_RUN = readFileSync(join(__dirname, '..', '..', 'docs', 'first-run.md'), 'utf8');

test('the self-check step lists every point of the sample PDF, and asks for it to be forwarded', () => {
  const step = FIRST_RUN.slice(FIRST_RUN.indexOf('3. **Run the self-check.**'), FIRST_RUN.indexOf('4. **'));
  const flat = step.replace(/\s+/g, ' ');
  const missing = SAMPLE_CHECKS.filter((check) => !flat.includes(check));
  expect(missing).toEqual([]);
  expect(flat).toContain('forward that e-mail **with its attachment** to the maintainers');
});

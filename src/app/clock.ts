/** The current time as the officers read it: BE dates, Arabic digits in sheets and messages. */
import { dayOfDate } from '../kernel/civilDate';
import { formatThaiDate } from '../kernel/thaiDate';

/**
 * A moment as Thai text with a BE date and 24-hour time, e.g. `24 พ.ย. 69 เวลา 21:30 น.` (the
 * script runs in Asia/Bangkok, so local getters give Bangkok time).
 * @param now the moment
 */
export function nowText(now: Date): string {
  const time = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
  return `${formatThaiDate(dayOfDate(now), { form: 'short', digits: 'arabic' })} เวลา ${time} น.`;
}

/**
 * A short stamp for sheet names (no characters Sheets dislikes), e.g. `24-11-69 21.30`.
 * @param now the moment
 */
export function stampText(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(now.getDate())}-${two(now.getMonth() + 1)}-${two((now.getFullYear() + 543) % 100)} ${two(now.getHours())}.${two(now.getMinutes())}`;
}

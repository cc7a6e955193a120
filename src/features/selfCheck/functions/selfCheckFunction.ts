/** OTOP_SELFCHECK: the self-check's probe (features/selfCheck/rules/selfCheckProbe.ts). */
import { probeAnswer } from '../rules/selfCheckProbe';

/**
 * OTOP_SELFCHECK(value): what reached the custom function, e.g. `OTOP:number:42`.
 * @param value a cell's value or a range
 */
export function otopSelfCheck(value: unknown): string {
  return probeAnswer(value);
}

/**
 * The column forms of the custom functions over 1 000 – 20 000 rows, through the bundle in an
 * ordinary global scope (as Apps Script's V8 runs it): they must be linear in rows (issue 16:
 * OTOP_TARGET and OTOP_LEVEL took 3.6 s together over 2 000 rows and 6 minutes over 20 000).
 * Each size is timed as batches of calls over about 200 000 rows in all, in CPU time (the
 * process's user + system time), so other work on a shared machine does not count; a single
 * call's wall time is kept for the 1 s target. Each size's input columns are made before its
 * calls are timed, as Sheets passes them made: made inside the timed call, their allocations
 * (superlinear, like any output's) were counted as the function's. A reference row does only
 * what any column function must: return one new row per input row; its 20 000 ÷ 2 000 ratio is
 * the floor that V8's generational garbage collector sets (a short run's output dies young, a
 * long run's survives and is copied).
 */
import { loadBundleGlobally, readBundle } from './bundle';
import { collectGarbage, median, medianMs } from './measure';
import { Rng } from './prng';

/** Rows per timed batch: small sizes run many calls, so each batch is long enough to time. */
const BATCH_ROWS = 200_000;
/** The reference: one new output row per input row, nothing else. */
export const OUTPUT_ONLY = 'output only';

/** Rows each function is timed at (2 000 for the 20 000 ÷ 2 000 ratio). */
export const COLUMN_ROWS = [1_000, 2_000, 10_000, 20_000] as const;

/** One function's times. */
export interface ColumnResult {
  readonly fn: string;
  /** How it was called, e.g. "OTOP_LEVEL(H2:K)". */
  readonly call: string;
  /** rows → CPU ms of a call (median of the batches). */
  readonly ms: Record<number, number>;
  /** Wall ms of one call over 20 000 rows (median of `runs`). */
  readonly wallMs: number;
  /** Batches timed per size. */
  readonly runs: number;
}

/** CPU time of the process so far, ms. */
function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** CPU ms per call of `run`, over `n` rows: the median of `runs` batches of calls. */
function batchedCpuMs(n: number, runs: number, run: () => unknown): number {
  const calls = Math.ceil(BATCH_ROWS / n);
  const times: number[] = [];
  for (let b = 0; b < runs; b++) {
    collectGarbage();
    const start = cpuMs();
    for (let i = 0; i < calls; i++) run();
    times.push((cpuMs() - start) / calls);
  }
  return median(times);
}

const column = (values: unknown[]) => values.map((v) => [v]);

/**
 * Times each column function at each size.
 * @param root the project's root
 * @param seed the values' seed
 * @param runs timed calls per size (after one warm-up call)
 */
export function benchColumns(root: string, seed: number, runs = 5): ColumnResult[] {
  const gas = loadBundleGlobally(readBundle(root));
  const rng = new Rng(seed);
  const max = COLUMN_ROWS[COLUMN_ROWS.length - 1];
  const registered = Array.from({ length: max }, () => rng.int(20, 400));
  const results = Array.from({ length: max }, (_, i) => [
    rng.int(0, 7),
    rng.int(0, 4),
    rng.int(0, Math.ceil(registered[i] / 10)),
    registered[i],
  ]);
  const dates = Array.from({ length: max }, () => new Date(2022, rng.int(0, 11), rng.int(1, 28)));
  const calls: [string, string, (n: number) => () => unknown][] = [
    [
      OUTPUT_ONLY,
      '[[value]] per row (reference)',
      (n) => {
        const input = registered.slice(0, n);
        return () => {
          const out: unknown[][] = new Array(n);
          for (let i = 0; i < n; i++) out[i] = [input[i] + 1];
          return out;
        };
      },
    ],
    [
      'OTOP_TARGET',
      'OTOP_TARGET(C2:C)',
      (n) => {
        const c = column(registered.slice(0, n));
        return () => gas.OTOP_TARGET(c);
      },
    ],
    [
      'OTOP_PERCENT',
      'OTOP_PERCENT(J2:J, C2:C)',
      (n) => {
        const done = column(results.slice(0, n).map((r) => r[2]));
        const c = column(registered.slice(0, n));
        return () => gas.OTOP_PERCENT(done, c);
      },
    ],
    [
      'OTOP_SCORE',
      'OTOP_SCORE(H2:H, I2:I, J2:J, C2:C)',
      (n) => {
        const cols = [0, 1, 2, 3].map((c) => column(results.slice(0, n).map((r) => r[c])));
        return () => gas.OTOP_SCORE(cols[0], cols[1], cols[2], cols[3]);
      },
    ],
    [
      'OTOP_LEVEL',
      'OTOP_LEVEL(H2:K)',
      (n) => {
        const rows = results.slice(0, n);
        return () => gas.OTOP_LEVEL(rows);
      },
    ],
    [
      'OTOP_NEXT',
      'OTOP_NEXT(H2:H, I2:I, J2:J, C2:C)',
      (n) => {
        const cols = [0, 1, 2, 3].map((c) => column(results.slice(0, n).map((r) => r[c])));
        return () => gas.OTOP_NEXT(cols[0], cols[1], cols[2], cols[3]);
      },
    ],
    [
      'OTOP_THAI',
      'OTOP_THAI(A2:C)',
      (n) => {
        const rows = dates.slice(0, n).map((d, i) => [d, registered[i], `รอบที่ ${i}`]);
        return () => gas.OTOP_THAI(rows);
      },
    ],
  ];
  return calls.map(([fn, call, make]) => {
    const ms: Record<number, number> = {};
    make(max)(); // warm-up at the largest size, so no size pays for the JIT's first tiers
    for (const n of COLUMN_ROWS) ms[n] = batchedCpuMs(n, runs, make(n));
    const largest = make(max);
    collectGarbage();
    const wallMs = medianMs(runs, largest);
    return { fn, call, ms, wallMs, runs };
  });
}

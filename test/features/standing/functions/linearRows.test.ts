/**
 * The column forms of the custom functions do work linear in rows: each range argument is an
 * instrumented array counting how often its rows are read, and the count must grow with the
 * rows, never with their square (a per-row re-check of a range's shape reads the whole range
 * once per row: 20 000 rows took minutes, issue 16). Counts, not times: exact on any machine.
 */
import {
  otopLevel,
  otopNext,
  otopPercent,
  otopScore,
  otopTarget,
} from '../../../../src/features/standing/functions/scoringFunctions';
import { otopThai } from '../../../../src/kernel/thaiFunction';

/** Reads of a row allowed per row of each range argument (the column functions need 3 or 4). */
const READS_PER_ROW = 4;

/**
 * Range arguments that count reads of their rows (index gets on the outer array) into one
 * count, and throw as soon as the count passes the budget: a quadratic implementation fails at
 * once instead of running for minutes.
 */
class Meter {
  reads = 0;
  private ranges = 0;
  private rows = 0;

  /** Wraps a range. */
  range(rows: unknown[][]): unknown[][] {
    this.ranges++;
    this.rows = Math.max(this.rows, rows.length);
    return new Proxy(rows, {
      get: (target, key, receiver) => {
        if (typeof key === 'string' && /^\d+$/.test(key) && ++this.reads > this.budget()) {
          throw new Error(`read rows ${this.reads} times: more than ${READS_PER_ROW} per row of each range`);
        }
        return Reflect.get(target, key, receiver);
      },
    });
  }

  /** The reads allowed: READS_PER_ROW per row of each range, and a few more. */
  budget(): number {
    return READS_PER_ROW * this.rows * this.ranges + 16;
  }
}

const column = (n: number, value: (i: number) => unknown) => Array.from({ length: n }, (_, i) => [value(i)]);

/** Each function's column call over n rows with metered ranges; the reads of rows it made. */
const CALLS: Record<string, (n: number) => number> = {
  OTOP_TARGET: (n) => {
    const m = new Meter();
    otopTarget(m.range(column(n, (i) => 20 + (i % 300))));
    return m.reads;
  },
  OTOP_PERCENT: (n) => {
    const m = new Meter();
    otopPercent(
      m.range(column(n, (i) => i % 7)),
      m.range(column(n, (i) => 50 + (i % 300))),
      m.range(column(n, (i) => i % 5)),
    );
    return m.reads;
  },
  'OTOP_SCORE (four columns)': (n) => {
    const m = new Meter();
    otopScore(
      m.range(column(n, (i) => i % 6)),
      m.range(column(n, (i) => i % 4)),
      m.range(column(n, (i) => i % 13)),
      m.range(column(n, (i) => 29 + (i % 200))),
    );
    return m.reads;
  },
  'OTOP_LEVEL (one four-column range)': (n) => {
    const m = new Meter();
    otopLevel(m.range(Array.from({ length: n }, (_, i) => [i % 6, i % 4, i % 13, 29 + (i % 200)])));
    return m.reads;
  },
  'OTOP_NEXT (four columns)': (n) => {
    const m = new Meter();
    otopNext(
      m.range(column(n, (i) => i % 6)),
      m.range(column(n, (i) => i % 4)),
      m.range(column(n, (i) => (i % 9 === 0 ? '' : i % 13))),
      m.range(column(n, (i) => 29 + (i % 200))),
    );
    return m.reads;
  },
  OTOP_THAI: (n) => {
    const m = new Meter();
    otopThai(m.range(Array.from({ length: n }, (_, i) => [i, `รอบที่ ${i}`, ''])));
    return m.reads;
  },
};

describe.each(Object.entries(CALLS))('%s over a column', (_, call) => {
  test('reads each row a bounded number of times, whatever the rows', () => {
    const small = call(1000);
    const large = call(4000);
    // Linear: 4× the rows, 4× the reads up to a constant (a whole-range re-check per row reads 16×).
    expect(large).toBeLessThanOrEqual(4 * small + 16);
    expect(large).toBeGreaterThanOrEqual(4000); // the meter counts: every row is read
  });

  test('20 000 rows stay within the budget of reads', () => {
    expect(() => call(20_000)).not.toThrow();
  });
});

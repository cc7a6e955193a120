/**
 * A pure function's answers remembered for the rest of an execution: a sheet repeats its texts,
 * dates and numbers, and every row of it is read (header keys, registration numbers, a report's
 * line breaks, date cells). At most `kept` answers are kept: the memory of a run stays bounded,
 * and the cache restarts when full.
 */
export class Remembered<K, V> {
  private readonly answers = new Map<K, V>();

  /**
   * @param make the function (the same key always gives the same answer)
   * @param kept the most answers kept
   */
  constructor(
    private readonly make: (key: K) => V,
    private readonly kept: number,
  ) {}

  /**
   * The answer for a key, made on first use.
   * @param key the key
   */
  of(key: K): V {
    let answer = this.answers.get(key);
    if (answer === undefined) {
      if (this.answers.size >= this.kept) this.answers.clear();
      answer = this.make(key);
      this.answers.set(key, answer);
    }
    return answer;
  }
}

/**
 * A value made on its first use and kept for the rest of the execution: a table the top level
 * would otherwise build at every load (every custom-function recalculation loads Code.js afresh,
 * docs/performance.md "cold start"), though most executions never read it.
 * @param make makes the value (pure: the same value whenever it is made)
 */
export function madeOnFirstUse<T>(make: () => T): () => T {
  let made: { readonly value: T } | null = null;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

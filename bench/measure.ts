/** Timing and memory helpers of the bench. */
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

/**
 * Runs `fn` once and returns its result and wall time in ms.
 * @param fn the work
 */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/**
 * The median of a list of numbers.
 * @param values at least one number
 */
export function median(values: readonly number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `fn` `runs` times; the median wall time in ms.
 * @param runs how many runs
 * @param fn the work
 */
export function medianMs(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timed(fn).ms);
  return median(times);
}

/** High-water marks of memory, sampled (heap) and from the OS (peak resident set). */
export interface MemoryPeak {
  /** Peak resident set size of the process so far, MB (the OS's own high-water mark). */
  readonly rssMb: number;
  /** Highest heap used (V8's used_heap_size, as process.memoryUsage().heapUsed) seen at a sample, MB. */
  readonly heapMb: number;
}

let heapPeak = 0;

/** Samples heapUsed now (call often: synchronous work blocks timers, so there is no background sampler). */
export function sampleMemory(): void {
  const used = getHeapStatistics().used_heap_size;
  if (used > heapPeak) heapPeak = used;
}

/** The high-water marks so far. */
export function memoryPeak(): MemoryPeak {
  sampleMemory();
  return { rssMb: process.resourceUsage().maxRSS / 1024, heapMb: heapPeak / 1048576 };
}

/** Forgets the sampled heap peak (the OS's RSS peak cannot be reset). */
export function resetHeapPeak(): void {
  heapPeak = 0;
  sampleMemory();
}

/** Runs a full garbage collection when node was started with --expose-gc. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/**
 * Measures what each test file costs, for test/support/testCosts.json (sequencer.js):
 *   npx jest --runInBand --reporters=default --reporters=./test/support/costReporter.js [paths]
 * With --runInBand the tests run in this process, so its CPU time (user + system) while a file
 * runs is that file's; a file that waits on other processes (Chromium, clasp) is busy for its
 * wall time, so the larger of CPU and wall ÷ OTOP_COST_LOAD (default 1: an idle machine; on a
 * shared one pass its load, e.g. 3) is kept. Writes test-artifacts/testCosts.json, merged over
 * an earlier one (copy it over test/support/testCosts.json to use it).
 */
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

class CostReporter {
  /** @param {{rootDir: string}} config jest's global config */
  constructor(config) {
    this.root = config.rootDir;
    this.load = Number(process.env.OTOP_COST_LOAD ?? 1);
    this.started = new Map();
    this.out = join(this.root, 'test-artifacts', 'testCosts.json');
    this.costs = existsSync(this.out) ? JSON.parse(readFileSync(this.out, 'utf8')) : {};
  }

  /** @param {{path: string}} test a test file starting */
  onTestStart(test) {
    this.started.set(test.path, { cpu: process.cpuUsage(), at: Date.now() });
  }

  /** @param {{path: string}} test a test file done */
  onTestResult(test) {
    const start = this.started.get(test.path);
    if (!start) return;
    const cpu = process.cpuUsage(start.cpu);
    const seconds = Math.max((cpu.user + cpu.system) / 1e6, (Date.now() - start.at) / 1000 / this.load);
    this.costs[relative(this.root, test.path).split('\\').join('/')] = Math.round(seconds * 10) / 10;
  }

  /** Writes the table, costliest first. */
  onRunComplete() {
    const sorted = Object.fromEntries(Object.entries(this.costs).sort((a, b) => b[1] - a[1]));
    mkdirSync(join(this.root, 'test-artifacts'), { recursive: true });
    writeFileSync(this.out, `${JSON.stringify(sorted, null, 2)}\n`);
  }
}

module.exports = CostReporter;

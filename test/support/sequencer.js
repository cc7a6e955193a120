/**
 * Jest's order of the test files: the costliest first, by test/support/testCosts.json (seconds a
 * file keeps a worker busy, measured with test/support/costReporter.js), so that the two
 * workers finish together. Jest's own order on a clean clone (no timing cache, as in CI) is by
 * file size, which put the fault sweeps (short files, the longest runs) last: one worker then
 * ran the last sweep alone for minutes. Files not in the table (new ones) come after the
 * known ones, in path order; re-measure when a file's cost changes much.
 */
const Sequencer = require('@jest/test-sequencer').default;
const { relative } = require('node:path');
const costs = require('./testCosts.json');

class CostSequencer extends Sequencer {
  /**
   * @param {import('@jest/test-result').Test[]} tests the test files
   * @return {import('@jest/test-result').Test[]} costliest first
   */
  sort(tests) {
    const cost = (test) => costs[relative(test.context.config.rootDir, test.path).split('\\').join('/')] ?? -1;
    return [...tests].sort((a, b) => cost(b) - cost(a) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

module.exports = CostSequencer;

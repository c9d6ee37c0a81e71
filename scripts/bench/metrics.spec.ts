import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { BenchRun, formatTable, parseBenchResult, regressions } from './metrics';

const run = (metrics: [string, number, 'higher' | 'lower'][]): BenchRun => ({
  startedAt: '2026-01-01T00:00:00Z',
  machine: {},
  options: {},
  skipped: [],
  metrics: metrics.map(([name, value, better]) => ({
    section: 'api',
    name,
    value,
    unit: 'x',
    better,
  })),
});

test('a throughput that fell or a latency that rose beyond the tolerance is a regression', () => {
  const previous = run([
    ['rps', 1000, 'higher'],
    ['p95', 10, 'lower'],
    ['steady', 50, 'higher'],
  ]);
  const current = run([
    ['rps', 800, 'higher'],
    ['p95', 13, 'lower'],
    ['steady', 48, 'higher'],
  ]);
  const found = regressions(current, previous, 0.1);
  assert.deepEqual(
    found.map((r) => [r.metric.name, Number(r.worseBy.toFixed(2))]),
    [
      ['rps', 0.2],
      ['p95', 0.3],
    ],
  );
});

test('improvements and metrics new in this run are not regressions', () => {
  const previous = run([
    ['rps', 1000, 'higher'],
    ['p95', 10, 'lower'],
  ]);
  const current = run([
    ['rps', 1500, 'higher'],
    ['p95', 5, 'lower'],
    ['new', 1, 'higher'],
  ]);
  assert.deepEqual(regressions(current, previous), []);
});

test('the table shows the previous value and the change when comparing', () => {
  const table = formatTable(run([['rps', 1200, 'higher']]), run([['rps', 1000, 'higher']]));
  assert.match(table, /rps\s+1,200\s+x\s+1,000\s+20\.0%/);
});

test('the runner reads the last BENCH_RESULT line of a section script', () => {
  const output =
    'warming up\nBENCH_RESULT {"metrics":[{"name":"p95","value":12,"unit":"ms","better":"lower"}]}\n';
  assert.deepEqual(parseBenchResult(output, 'search'), [
    { section: 'search', name: 'p95', value: 12, unit: 'ms', better: 'lower' },
  ]);
  assert.equal(parseBenchResult('no result here', 'search'), undefined);
});

import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { BenchRun } from './metrics';
import { formatTargets, targetVerdicts } from './targets';

const run = (vacancies: number, metrics: [string, string, number][]): BenchRun => ({
  startedAt: '2026-01-01T00:00:00Z',
  machine: { vacancies },
  options: {},
  skipped: [],
  metrics: metrics.map(([section, name, value]) => ({
    section,
    name,
    value,
    unit: 'x',
    better: 'higher',
  })),
});

const verdict = (verdicts: ReturnType<typeof targetVerdicts>, starts: string) =>
  verdicts.find((v) => v.target.startsWith(starts));

test('each target of issue 23 is met, not met, or not measured', () => {
  const verdicts = targetVerdicts(
    run(5000, [
      ['api', 'health/live (no database) req/s', 5223],
      ['api', 'vacancy list req/s', 1600],
      ['api', 'vacancy list failed', 0],
      ['api', 'apply req/s', 200],
      ['api', 'apply API CPU per request', 2.5],
      ['api', 'apply failed', 0],
      ['memory', 'API peak RSS', 240],
    ]),
  );
  assert.equal(verdict(verdicts, 'api / vacancy list req/s')?.met, true);
  assert.equal(verdict(verdicts, 'api / apply req/s')?.met, false);
  // Half the ceiling: 200 req/s is more than half of 300.
  assert.equal(verdict(verdicts, 'api / apply req/s')?.relative, true);
  assert.equal(verdict(verdicts, 'api / apply API CPU')?.met, false);
  assert.equal(verdict(verdicts, 'memory / API peak RSS')?.met, true);
  assert.equal(verdict(verdicts, 'api / login req/s')?.met, false);
  assert.equal(verdict(verdicts, 'api / login req/s')?.value, undefined);
  assert.equal(verdict(verdicts, 'no request failed')?.met, true);
  assert.match(formatTargets(verdicts), /NOT MET {2}api \/ login req\/s ≥ 200: not measured/);
});

test('a failed request fails the run', () => {
  const verdicts = targetVerdicts(run(5000, [['api', 'apply failed', 3]]));
  assert.deepEqual(verdict(verdicts, 'no request failed'), {
    target: 'no request failed (0 shed under overload with 503 and Retry-After)',
    value: 3,
    met: false,
  });
});

test('requests shed under overload are shown, and are not failures', () => {
  const verdicts = targetVerdicts(
    run(5000, [
      ['api', 'login failed', 0],
      ['api', 'login shed (503, Retry-After)', 12],
    ]),
  );
  assert.deepEqual(verdict(verdicts, 'no request failed'), {
    target: 'no request failed (12 shed under overload with 503 and Retry-After)',
    value: 0,
    met: true,
  });
});

test('at a bigger size than the compared run, list and apply must stay within 2×', () => {
  const county = run(5000, [
    ['api', 'vacancy list req/s', 1000],
    ['api', 'apply req/s', 300],
  ]);
  const province = run(1000000, [
    ['api', 'vacancy list req/s', 600],
    ['api', 'apply req/s', 100],
  ]);
  const verdicts = targetVerdicts(province, county);
  assert.equal(verdict(verdicts, 'api / vacancy list req/s at 1000000')?.met, true);
  assert.equal(verdict(verdicts, 'api / apply req/s at 1000000')?.met, false);
  assert.equal(verdict(targetVerdicts(county, county), 'api / apply req/s at'), undefined);
});

import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { compiledFile } from '@jipin/core';
import { testServerUrl } from '@jipin/testing';
import { runSectionScript } from './bench/section-scripts';

test('npm run bench reads the check-in figures from bench-checkin (a tiny run)', async () => {
  const env = {
    BENCH_DATABASE_URL: testServerUrl(),
    BENCH_API_URL: 'http://127.0.0.1:1', // the script starts its own API
    BENCH_SIZE: 'tiny',
    BENCH_SEED: '1',
    BENCH_PII_KEY: '',
    BENCH_PASSWORD: '',
    BENCH_SEEKER_PHONES: '',
    BENCH_DURATION_SECONDS: '1',
    BENCH_CONNECTIONS: '4',
    BENCH_SEEKERS: '40',
    BENCH_WARM_UP: '20',
  };
  const outcome = await runSectionScript(
    compiledFile('scripts'),
    'bench-checkin',
    env,
    5 * 60 * 1000,
  );
  assert.ok('metrics' in outcome, JSON.stringify(outcome));
  assert.deepEqual(
    outcome.metrics.map((m) => [m.section, m.name, m.unit, m.better]),
    [
      ['checkin', 'first scans', 'check-ins/s', 'higher'],
      ['checkin', 'first scans p99', 'ms', 'lower'],
      ['checkin', 'first scans API CPU', 'ms/check-in', 'lower'],
      ['checkin', 'repeat scans', 'check-ins/s', 'higher'],
      ['checkin', 'repeat scans p99', 'ms', 'lower'],
    ],
  );
  assert.ok(outcome.metrics[0].value > 0, 'some check-ins were measured');
});

import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { compiledFile } from '@jipin/core';
import { testServerUrl } from '@jipin/testing';
import { runSectionScript } from './bench/section-scripts';

test('npm run bench reads the gig figures from bench-gigs (a tiny run)', async () => {
  const env = {
    BENCH_DATABASE_URL: testServerUrl(),
    BENCH_API_URL: 'http://127.0.0.1:1', // the script starts its own API and worker
    BENCH_SIZE: 'tiny',
    BENCH_SEED: '1',
    BENCH_PII_KEY: '',
    BENCH_PASSWORD: '',
    BENCH_SEEKER_PHONES: '',
    BENCH_DURATION_SECONDS: '1',
    BENCH_CONNECTIONS: '4',
    BENCH_GIG_WORKERS: '500',
    BENCH_GIG_POSTS: '2',
    BENCH_ACCEPTS: '40',
  };
  const outcome = await runSectionScript(compiledFile('scripts'), 'bench-gigs', env, 5 * 60 * 1000);
  assert.ok('metrics' in outcome, JSON.stringify(outcome));
  assert.deepEqual(
    outcome.metrics.map((m) => [m.section, m.name, m.unit, m.better]),
    [
      ['gigs', 'posting → first notified p50', 'ms', 'lower'],
      ['gigs', 'posting → first notified p95', 'ms', 'lower'],
      ['gigs', 'accepts', 'accepts/s', 'higher'],
      ['gigs', 'accepts p99', 'ms', 'lower'],
      ['gigs', 'accept API CPU', 'ms/accept', 'lower'],
    ],
  );
  assert.ok(outcome.metrics[2].value > 0, 'some accepts were measured');
});

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'jipin-config-'));

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: dataDir(), ...env });
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('expected a ConfigError');
}

describe('config', () => {
  test('defaults to embedded mode with the postgres queue and search', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    assert.equal(config.database.url, undefined);
    assert.equal(config.queue.backend, 'postgres');
    assert.equal(config.search.driver, 'postgres');
    assert.equal(config.privacy.piiKey.length, 32);
  });

  test('keeps generated development secrets across restarts', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    assert.equal(first.auth.jwtSecret, second.auth.jwtSecret);
    assert.deepEqual(first.privacy.piiKey, second.privacy.piiKey);
  });

  test('names the variable when the queue backend is unknown', () => {
    assert.deepEqual(problemsOf({ QUEUE_BACKEND: 'kafka' }), [
      'QUEUE_BACKEND must be one of redis, postgres; got "kafka".',
    ]);
  });

  test('requires REDIS_URL only when the redis backend is chosen', () => {
    assert.match(
      problemsOf({ QUEUE_BACKEND: 'redis' })[0],
      /^REDIS_URL is required when QUEUE_BACKEND=redis/,
    );
    assert.equal(
      loadConfig({
        DATA_DIR: dataDir(),
        QUEUE_BACKEND: 'redis',
        REDIS_URL: 'redis://127.0.0.1:6379',
      }).queue.backend,
      'redis',
    );
  });

  test('requires MEILI_URL only when the meilisearch driver is chosen', () => {
    assert.match(problemsOf({ SEARCH_DRIVER: 'meilisearch' })[0], /^MEILI_URL is required/);
  });

  test('refuses a malformed DATABASE_URL and a bad port together', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://x', PORT: 'eighty' });
    assert.equal(problems.length, 2);
    assert.match(problems[0], /^DATABASE_URL must be a URL starting with postgres:\/\//);
    assert.match(problems[1], /^PORT must be a whole number/);
  });

  test('production demands real secrets', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    assert.ok(problems.some((p) => p.startsWith('JWT_SECRET is required in production')));
    assert.ok(problems.some((p) => p.startsWith('PII_KEY must be 32 random bytes')));
  });

  test('matching weights are config and unknown weights are refused', () => {
    assert.equal(
      loadConfig({ DATA_DIR: dataDir(), MATCH_WEIGHTS: '{"pay":0.5}' }).matching.weights.pay,
      0.5,
    );
    assert.match(
      problemsOf({ MATCH_WEIGHTS: '{"luck":1}' })[0],
      /^MATCH_WEIGHTS must be a JSON object/,
    );
  });
});

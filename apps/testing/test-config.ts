import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, loadConfig, REPO_ROOT } from '@jipin/core';

/** Redis for tests, when one is reachable (scripts/test.sh sets it); tests that need it skip otherwise. */
export function testRedisUrl(): string | undefined {
  return process.env.TEST_REDIS_URL || undefined;
}

/** The environment of a test process: its own secrets, data folder and queue prefix. */
export function testEnv(
  env: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'jipin-test-')),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
    PII_KEY: randomBytes(32).toString('base64'),
    QUEUE_PREFIX: `jipintest${randomBytes(3).toString('hex')}`,
    REGIONS_FILE: join(REPO_ROOT, 'libs', 'regions', 'data', '360822-jishui.json'),
    WEB_DIST: join(tmpdir(), 'jipin-no-web'),
    // Tests sign many people up from one address; tests of the limits set their own.
    RATE_LIMIT_SMS: '10000',
    RATE_LIMIT_LOGIN: '10000',
    RATE_LIMIT_SEARCH: '1000000',
    ...env,
  };
}

/** A real, validated config for a test. */
export function testConfig(env: Record<string, string | undefined> = {}): AppConfig {
  return loadConfig(testEnv(env));
}

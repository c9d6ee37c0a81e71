import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import IORedis from 'ioredis';
import { CoreModule, createLogger, JobName } from '@jipin/core';
import { createTestDatabase, TestDatabase, testConfig, testRedisUrl } from '@jipin/testing';
import { JobWorkerHost } from '../job-worker-host';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('worker_startup');
});
afterAll(async () => database.drop());

test('the worker refuses to start when a job has no handler', async () => {
  const config = testConfig();
  const moduleRef = await Test.createTestingModule({
    imports: [
      CoreModule.forRoot({ config, databaseUrl: database.url, logger: createLogger('warn', 't') }),
      DiscoveryModule,
    ],
    providers: [JobWorkerHost],
  }).compile();
  try {
    assert.throws(
      () => moduleRef.get(JobWorkerHost).collectHandlers(),
      new RegExp(`job "${JobName.SendWelcome}" has no handler`),
    );
  } finally {
    await moduleRef.close();
  }
});

const redisUrl = testRedisUrl();
// Skipped when no Redis is reachable (set TEST_REDIS_URL).
(redisUrl ? test : test.skip)(
  'the worker refuses to start on a Redis that may evict queue keys',
  async () => {
    const admin = new IORedis(redisUrl!);
    const [, original] = (await admin.config('GET', 'maxmemory-policy')) as string[];
    const config = testConfig({ QUEUE_BACKEND: 'redis', REDIS_URL: redisUrl });
    const moduleRef = await Test.createTestingModule({
      imports: [
        CoreModule.forRoot({
          config,
          databaseUrl: database.url,
          logger: createLogger('warn', 't'),
        }),
        DiscoveryModule,
      ],
      providers: [JobWorkerHost],
    }).compile();
    try {
      await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
      const host = moduleRef.get(JobWorkerHost);
      await assert.rejects(() => host.start(), /maxmemory-policy is "allkeys-lru".*noeviction/);
    } finally {
      await admin.config('SET', 'maxmemory-policy', original);
      admin.disconnect();
      await moduleRef.close();
    }
  },
);

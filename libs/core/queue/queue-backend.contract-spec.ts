import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Job, Queue, Worker } from 'bullmq';
import { createTestDatabase, eventually, TestDatabase, testRedisUrl } from '@jipin/testing';
import { QueueBackend, QueueBackendSettings } from './queue-backend';

/**
 * One contract, every backend: what the rest of the code relies on when it
 * enqueues jobs, whichever backend runs underneath.
 */
function queueContract(kind: 'postgres' | 'redis', settings: () => QueueBackendSettings) {
  describe(`queue contract on ${kind}`, () => {
    let backend: QueueBackend;
    let queue: Queue;
    let worker: Worker | undefined;
    const seen: { id: string; name: string; data: unknown; attempt: number }[] = [];
    let behaviour: (job: Job) => Promise<unknown> = async () => undefined;

    beforeAll(async () => {
      backend = new QueueBackend(settings());
      await backend.assertSafe();
      queue = backend.createQueue('contract');
      worker = backend.createWorker(
        'contract',
        async (job) => {
          seen.push({
            id: String(job.id),
            name: job.name,
            data: job.data,
            attempt: job.attemptsMade + 1,
          });
          return behaviour(job);
        },
        { concurrency: 2 },
      );
    });

    afterAll(async () => {
      await worker?.close();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await backend.close();
    });

    test('runs an enqueued job once with its payload', async () => {
      await queue.add('greet', { userId: 'u-1' }, { jobId: 'greet-1' });
      await eventually(async () => seen.some((s) => s.id === 'greet-1'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const runs = seen.filter((s) => s.id === 'greet-1');
      assert.equal(runs.length, 1);
      assert.deepEqual(runs[0].data, { userId: 'u-1' });
    });

    test('a job id sent twice makes one job', async () => {
      await queue.add('dedupe', { n: 1 }, { jobId: 'same-id', removeOnComplete: { age: 3600 } });
      await eventually(async () => seen.some((s) => s.id === 'same-id'));
      await queue.add('dedupe', { n: 2 }, { jobId: 'same-id', removeOnComplete: { age: 3600 } });
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(seen.filter((s) => s.id === 'same-id').length, 1);
    });

    test('a failing job is retried and then succeeds', async () => {
      behaviour = async (job) => {
        if (job.name === 'flaky' && job.attemptsMade < 2) throw new Error('not yet');
      };
      await queue.add(
        'flaky',
        {},
        { jobId: 'flaky-1', attempts: 4, backoff: { type: 'fixed', delay: 50 } },
      );
      const job = await eventually(async () => {
        const found = await queue.getJob('flaky-1');
        return (await found?.isCompleted()) ? found : undefined;
      });
      assert.equal(seen.filter((s) => s.id === 'flaky-1').length, 3);
      assert.ok(job);
    });

    test('a job that keeps failing lands in the failed list and can be retried from there', async () => {
      let healed = false;
      behaviour = async (job) => {
        if (job.name === 'broken' && !healed) throw new Error('always broken');
      };
      await queue.add(
        'broken',
        {},
        { jobId: 'broken-1', attempts: 2, backoff: { type: 'fixed', delay: 20 } },
      );
      const failed = await eventually(async () => {
        const jobs = await queue.getFailed();
        return jobs.find((j) => j.id === 'broken-1');
      });
      assert.equal(failed.failedReason, 'always broken');
      healed = true;
      await failed.retry();
      await eventually(async () => (await queue.getJob('broken-1'))?.isCompleted());
    });

    test('a delayed job waits for its time', async () => {
      const start = Date.now();
      await queue.add('later', {}, { jobId: 'later-1', delay: 700 });
      await eventually(async () => seen.some((s) => s.id === 'later-1'));
      assert.ok(Date.now() - start >= 650, 'ran too early');
    });

    test('counts jobs by state for the operations screen', async () => {
      const counts = await queue.getJobCounts('completed', 'failed', 'waiting');
      assert.ok(counts.completed >= 4);
      assert.equal(typeof counts.failed, 'number');
    });
  });
}

let database: TestDatabase | undefined;
const prefix = `contract${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  database = await createTestDatabase('queue_contract');
});
afterAll(async () => {
  await database?.drop();
});

queueContract('postgres', () => ({ kind: 'postgres', databaseUrl: database!.url, prefix }));

const redisUrl = testRedisUrl();
if (redisUrl) {
  queueContract('redis', () => ({ kind: 'redis', redisUrl, databaseUrl: '', prefix }));
} else {
  test.skip('queue contract on redis', () => undefined);
}

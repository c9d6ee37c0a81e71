import { randomBytes } from 'node:crypto';
import { QueueBackend } from '@jipin/core';
import { BenchMetric } from './metrics';

/**
 * Jobs/s of one backend: enqueue `count` no-op jobs in bulk, then drain them
 * with one worker of the concurrency the platform's workers use.
 */
export async function queueThroughput(
  kind: 'redis' | 'postgres',
  settings: { redisUrl?: string; databaseUrl: string },
  count: number,
  concurrency = 16,
): Promise<BenchMetric[]> {
  const backend = new QueueBackend({
    kind,
    ...settings,
    prefix: `bench${randomBytes(3).toString('hex')}`,
  });
  const queue = backend.createQueue('bench');
  try {
    const enqueueStart = process.hrtime.bigint();
    for (let i = 0; i < count; i += 500) {
      const chunk = Array.from({ length: Math.min(500, count - i) }, (_, j) => ({
        name: 'noop',
        data: { n: i + j },
        opts: { jobId: `noop-${i + j}`, removeOnComplete: true },
      }));
      await queue.addBulk(chunk);
    }
    const enqueueSeconds = Number(process.hrtime.bigint() - enqueueStart) / 1e9;
    let done = 0;
    const drainStart = process.hrtime.bigint();
    let allDone: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (allDone = resolve));
    const worker = backend.createWorker(
      'bench',
      async () => {
        done += 1;
        if (done === count) allDone();
      },
      { concurrency },
    );
    await finished;
    const drainSeconds = Number(process.hrtime.bigint() - drainStart) / 1e9;
    await worker.close();
    const section = `queue ${kind}`;
    return [
      {
        section,
        name: 'enqueue (bulk)',
        value: count / enqueueSeconds,
        unit: 'jobs/s',
        better: 'higher',
      },
      {
        section,
        name: `process (concurrency ${concurrency})`,
        value: count / drainSeconds,
        unit: 'jobs/s',
        better: 'higher',
      },
    ];
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await backend.close();
  }
}

import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobRequest, QUEUE_OF_JOB, QueueName } from './jobs';
import { QueueBackend } from './queue-backend';

/** Default retry policy: failed jobs come back with exponential backoff, then go to the failed list. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  // Completed jobs are kept a day so that a re-sent jobId is recognised as a duplicate.
  removeOnComplete: { age: 24 * 3600, count: 100000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;

export const QUEUE_BACKEND = Symbol('QUEUE_BACKEND');

/** Enqueues typed jobs; the only way the rest of the code talks to queues. */
@Injectable()
export class JobQueue implements OnModuleDestroy {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(QUEUE_BACKEND) readonly backend: QueueBackend) {}

  async enqueue(job: JobRequest): Promise<void> {
    await this.enqueueMany([job]);
  }

  async enqueueMany(jobs: JobRequest[]): Promise<void> {
    const byQueue = new Map<QueueName, JobRequest[]>();
    for (const job of jobs) {
      const queue = QUEUE_OF_JOB[job.name];
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), job]);
    }
    for (const [queueName, queueJobs] of byQueue) {
      await this.queue(queueName).addBulk(
        queueJobs.map((job) => ({
          name: job.name,
          data: job.data,
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: job.jobId, delay: job.delayMs },
        })),
      );
    }
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.backend.createQueue(name);
      queue.on('error', () => undefined); // surfaced through the failing call instead
      this.queues.set(name, queue);
      this.forgetIfUnreachable(name, queue);
    }
    return queue;
  }

  /**
   * A PostgreSQL-backed queue remembers a failed first connection for good (BullMQ
   * memoises its readiness): one first used while the database was down stays broken
   * after the database is back. Such a queue is dropped; the next call builds a new one.
   */
  private forgetIfUnreachable(name: QueueName, queue: Queue): void {
    queue.waitUntilReady().catch(() => {
      if (this.queues.get(name) !== queue) return;
      this.queues.delete(name);
      queue.close().catch(() => undefined);
    });
  }

  allQueues(): Queue[] {
    return Object.values(QueueName).map((name) => this.queue(name));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
    await this.backend.close();
  }
}

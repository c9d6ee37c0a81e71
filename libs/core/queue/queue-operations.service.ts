import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { notFound } from '../errors/domain-error';
import { JobQueue } from './job-queue.service';
import { QueueName } from './jobs';

export interface QueueCounts {
  queue: QueueName;
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

export interface FailedJobView {
  id: string;
  queue: QueueName;
  name: string;
  data: unknown;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
}

/** What staff and admins see of the queues: counts, the dead-letter (failed) list, and retry. */
@Injectable()
export class QueueOperations {
  constructor(private readonly jobs: JobQueue) {}

  async counts(): Promise<QueueCounts[]> {
    return Promise.all(
      Object.values(QueueName).map(async (queue) => {
        const counts = await this.jobs
          .queue(queue)
          .getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
        return {
          queue,
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          completed: counts.completed ?? 0,
          failed: counts.failed ?? 0,
        };
      }),
    );
  }

  async failed(
    queue: QueueName,
    offset = 0,
    limit = 50,
  ): Promise<{ total: number; items: FailedJobView[] }> {
    const target = this.jobs.queue(queue);
    const [jobs, counts] = await Promise.all([
      target.getFailed(offset, offset + limit - 1),
      target.getJobCounts('failed'),
    ]);
    return { total: counts.failed ?? 0, items: jobs.map((job) => this.view(queue, job)) };
  }

  async retry(queue: QueueName, jobId: string): Promise<void> {
    const job = await this.jobs.queue(queue).getJob(jobId);
    if (!job || !(await job.isFailed())) throw notFound('失败任务', 'failed_job_not_found');
    await job.retry('failed');
  }

  private view(queue: QueueName, job: Job): FailedJobView {
    return {
      id: String(job.id),
      queue,
      name: job.name,
      data: job.data,
      failedReason: job.failedReason,
      attemptsMade: job.attemptsMade,
      failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    };
  }
}

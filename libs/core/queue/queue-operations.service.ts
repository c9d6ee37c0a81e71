import { Injectable } from '@nestjs/common';
import { Job, Metrics } from 'bullmq';
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

/**
 * BullMQ keeps one data point per finished minute (newest first) and the
 * running minute as the difference between the total and the last point's total.
 */
function lastHour(metrics: Metrics): number {
  const running = Number(metrics.meta.count ?? 0) - Number(metrics.meta.prevCount ?? 0);
  return metrics.data.reduce((total, n) => total + (Number(n) || 0), Math.max(0, running));
}

/** One queue on the admin dashboard: counts, throughput, lag and the latest failures. */
export interface QueueDashboard extends QueueCounts {
  /** Jobs completed and failed in the last 60 minutes (BullMQ per-minute metrics). */
  completedLastHour: number;
  failedLastHour: number;
  /** How long the oldest waiting job has waited: the queue's lag. */
  oldestWaitingSeconds: number | null;
  recentFailures: FailedJobView[];
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

  async dashboard(): Promise<QueueDashboard[]> {
    const counts = await this.counts();
    return Promise.all(
      counts.map(async (count) => {
        const queue = this.jobs.queue(count.queue);
        const [completed, failed, [oldest], recent] = await Promise.all([
          queue.getMetrics('completed', 0, 58),
          queue.getMetrics('failed', 0, 58),
          queue.getWaiting(-1, -1),
          this.failed(count.queue, 0, 5),
        ]);
        return {
          ...count,
          completedLastHour: lastHour(completed),
          failedLastHour: lastHour(failed),
          oldestWaitingSeconds: oldest ? Math.round((Date.now() - oldest.timestamp) / 1000) : null,
          recentFailures: recent.items,
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

import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Job, MetricsTime, Worker } from 'bullmq';
import { type Logger } from 'pino';
import { JobName, JobQueue, LOGGER, QUEUE_OF_JOB, QueueName, SCHEDULED_JOBS } from '@jipin/core';
import { JOB_HANDLER_KEY } from './job-handler.decorator';

type Handler = (data: unknown, job: Job) => Promise<unknown>;

/** Finds every @JobHandler, checks the set is complete, and runs one BullMQ worker per queue. */
@Injectable()
export class JobWorkerHost implements OnApplicationShutdown {
  private readonly handlers = new Map<JobName, Handler>();
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly jobs: JobQueue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Throws unless every job has exactly one handler. */
  collectHandlers(): void {
    const problems: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER_KEY, prototype[method]);
        if (!name) continue;
        if (this.handlers.has(name)) problems.push(`job "${name}" has two handlers`);
        this.handlers.set(name, (prototype[method] as Handler).bind(instance));
      }
    }
    for (const name of Object.values(JobName)) {
      if (!this.handlers.has(name)) problems.push(`job "${name}" has no handler`);
    }
    if (problems.length) throw new Error(`The worker cannot start: ${problems.join('; ')}`);
  }

  async start(options: { concurrency?: number; queues?: QueueName[] } = {}): Promise<void> {
    await this.jobs.backend.assertSafe();
    this.collectHandlers();
    // Side by side: each waits for its connection, and a start is what a restart waits for.
    const started = await Promise.allSettled(
      (options.queues ?? Object.values(QueueName)).map((queueName) =>
        this.jobs.backend.createReadyWorker(
          queueName,
          (job) => this.run(job),
          {
            concurrency: options.concurrency ?? 4,
            // A worker killed mid-job leaves it locked; these bound how soon another worker takes it over.
            lockDuration: 10000,
            stalledInterval: 5000,
            // Per-minute completed/failed counts for the admin queue dashboard, kept a week.
            metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
          },
          (attempt) => this.listen(queueName, attempt),
        ),
      ),
    );
    for (const outcome of started)
      if (outcome.status === 'fulfilled') this.workers.push(outcome.value);
    const failed = started.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    for (const scheduled of SCHEDULED_JOBS) {
      await this.jobs
        .queue(QUEUE_OF_JOB[scheduled.name])
        .upsertJobScheduler(
          `every-${scheduled.name}`,
          scheduled.pattern
            ? { pattern: scheduled.pattern, tz: 'Asia/Shanghai' }
            : { every: scheduled.everyMs },
          { name: scheduled.name, data: {} },
        );
    }
    this.logger.info(
      { queues: options.queues ?? Object.values(QueueName), handlers: this.handlers.size },
      'worker started',
    );
  }

  private listen(queueName: QueueName, worker: Worker): void {
    worker.on('failed', (job, error) =>
      this.logger.warn(
        {
          queue: queueName,
          job: job?.name,
          jobId: job?.id,
          attempts: job?.attemptsMade,
          err: error,
        },
        'job failed',
      ),
    );
    worker.on('error', (error) =>
      this.logger.error({ queue: queueName, err: error }, 'worker error'),
    );
  }

  private async run(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job "${job.name}"`);
    return handler(job.data, job);
  }

  /** Takes no new job and waits for the running ones to finish. */
  async stopWorkers(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stopWorkers();
  }
}

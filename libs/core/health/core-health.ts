import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobQueue } from '../queue/job-queue.service';
import { QueueName } from '../queue/jobs';
import { HealthRegistry } from './health-indicator';

/** Registers the database and the queue backend with /health/ready. */
@Injectable()
export class CoreHealth implements OnModuleInit {
  constructor(
    private readonly registry: HealthRegistry,
    private readonly dataSource: DataSource,
    @Inject(JobQueue) private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'database',
      part: 'database',
      check: async () => void (await this.dataSource.query('select 1')),
    });
    this.registry.register({
      name: `queue:${this.jobs.backend.settings.kind}`,
      part: 'queue',
      check: async () => {
        await this.jobs.backend.ping();
        await this.jobs.queue(QueueName.Maintenance).getJobCounts('waiting');
      },
    });
  }
}

import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AppConfig, JobQueue, OutboxRelay, PinoNestLogger } from '@jipin/core';
import { JobWorkerHost } from './job-worker-host';
import { WorkerModule } from './worker.module';

export interface RunningWorker {
  app: INestApplicationContext;
  relay: OutboxRelay;
  stop(): Promise<void>;
}

/** Boots the worker (no HTTP server): job processors plus the outbox relay. */
export async function startWorker(
  config: AppConfig,
  databaseUrl: string,
  logger: Logger,
): Promise<RunningWorker> {
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({ config, databaseUrl, logger }),
    {
      logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    },
  );
  try {
    await app.get(JobWorkerHost).start();
  } catch (error) {
    // The queues it did start must not run on, orphaned, after a failed start.
    await app.close();
    throw error;
  }
  const relay = new OutboxRelay(
    app.get<DataSource>(getDataSourceToken()),
    app.get(JobQueue),
    logger,
    { databaseUrl },
  );
  relay.start();
  return {
    app,
    relay,
    async stop() {
      // Running jobs finish first, while the queues and the database they use are
      // still open (a follow-up enqueued after the queues closed opened a new one
      // that nothing closed).
      await app.get(JobWorkerHost).stopWorkers();
      await relay.stop();
      await app.close();
    },
  };
}

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
  await app.get(JobWorkerHost).start();
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
      await relay.stop();
      await app.close();
    },
  };
}

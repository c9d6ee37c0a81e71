import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Logger } from 'pino';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { LoggingModule } from './logging/logging.module';
import { OutboxService } from './outbox/outbox.service';
import { PiiCipher } from './privacy/pii-cipher';
import { JobQueue, QUEUE_BACKEND } from './queue/job-queue.service';
import { QueueBackend, queueBackendSettings } from './queue/queue-backend';
import { RateLimiter } from './rate-limit/rate-limiter.service';
import { BatchedRateLimiter } from './rate-limit/batched-rate-limiter';
import { HealthRegistry } from './health/health-indicator';
import { CoreHealth } from './health/core-health';
import { QueueOperations } from './queue/queue-operations.service';
import { IdempotencyService } from './idempotency/idempotency.service';

export interface CoreModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  logger: Logger;
  poolSize?: number;
}

/** Config, logging, database, queues, outbox and privacy primitives, shared by every process. */
@Global()
@Module({})
export class CoreModule {
  static forRoot({ config, databaseUrl, logger, poolSize }: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, { logQueries: config.database.logQueries, poolSize }),
        }),
      ],
      providers: [
        {
          provide: QUEUE_BACKEND,
          useFactory: () => new QueueBackend(queueBackendSettings(config, databaseUrl)),
        },
        { provide: PiiCipher, useFactory: () => new PiiCipher(config.privacy.piiKey) },
        { provide: DATABASE_URL, useValue: databaseUrl },
        JobQueue,
        OutboxService,
        RateLimiter,
        BatchedRateLimiter,
        HealthRegistry,
        CoreHealth,
        QueueOperations,
        IdempotencyService,
      ],
      exports: [
        QUEUE_BACKEND,
        PiiCipher,
        DATABASE_URL,
        JobQueue,
        OutboxService,
        RateLimiter,
        BatchedRateLimiter,
        HealthRegistry,
        QueueOperations,
        IdempotencyService,
        ConfigModule,
        LoggingModule,
      ],
    };
  }
}

export const DATABASE_URL = Symbol('DATABASE_URL');

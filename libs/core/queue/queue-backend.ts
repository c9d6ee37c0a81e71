import {
  PostgresConnectionOptions,
  Queue,
  QueueOptions,
  Worker,
  WorkerOptions,
  Processor,
  createPostgresBackend,
} from 'bullmq';
import IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';

/** Schema that BullMQ's PostgreSQL backend keeps its tables in, apart from ours. */
export const BULLMQ_SCHEMA = 'bullmq';

export interface QueueBackendSettings {
  kind: 'redis' | 'postgres';
  redisUrl?: string;
  databaseUrl: string;
  prefix: string;
}

export function queueBackendSettings(config: AppConfig, databaseUrl: string): QueueBackendSettings {
  return {
    kind: config.queue.backend,
    redisUrl: config.queue.redisUrl,
    databaseUrl,
    prefix: config.queue.prefix,
  };
}

/**
 * Builds BullMQ queues and workers on the configured backend. The rest of the
 * code sees plain BullMQ Queue and Worker objects and does not care which
 * backend runs underneath.
 */
export class QueueBackend {
  private readonly redisClients: IORedis[] = [];

  constructor(readonly settings: QueueBackendSettings) {}

  createQueue(name: string, options: Omit<QueueOptions, 'connection'> = {}): Queue {
    if (this.settings.kind === 'postgres') {
      const queue = new Queue(
        name,
        { ...options, connection: this.postgresConnection(1), prefix: this.settings.prefix },
        createPostgresBackend,
      );
      // Same API on either backend; only the type parameters differ.
      return queue as unknown as Queue;
    }
    // Producers fail fast so a request does not hang while Redis is down;
    // the outbox keeps the event and the relay tries again.
    return new Queue(name, {
      ...options,
      connection: this.redis({ maxRetriesPerRequest: 1 }),
      prefix: this.settings.prefix,
    });
  }

  createWorker(
    name: string,
    processor: Processor,
    options: Omit<WorkerOptions, 'connection'> = {},
  ): Worker {
    if (this.settings.kind === 'postgres') {
      const worker = new Worker(
        name,
        processor,
        { ...options, connection: this.postgresConnection(3), prefix: this.settings.prefix },
        createPostgresBackend,
      );
      return worker as unknown as Worker;
    }
    return new Worker(name, processor, {
      ...options,
      connection: this.redis({ maxRetriesPerRequest: null }),
      prefix: this.settings.prefix,
    });
  }

  /**
   * A worker whose connection is up, already running. BullMQ remembers a failed
   * first connection of a PostgreSQL worker for good and then spins on it for
   * ever (seen when the server refused with "too many clients"): such a worker is
   * closed and built again, a little later each time, until it connects or the
   * attempts run out. `listen` attaches the caller's event handlers to each try.
   */
  async createReadyWorker(
    name: string,
    processor: Processor,
    options: Omit<WorkerOptions, 'connection' | 'autorun'>,
    listen: (worker: Worker) => void,
    retry: { attempts: number; delayMs: number } = { attempts: 10, delayMs: 500 },
  ): Promise<Worker> {
    for (let attempt = 1; ; attempt++) {
      const worker = this.createWorker(name, processor, { ...options, autorun: false });
      listen(worker);
      try {
        await worker.waitUntilReady();
      } catch (error) {
        await worker.close(true).catch(() => undefined);
        if (attempt >= retry.attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, retry.delayMs * attempt));
        continue;
      }
      worker.run().catch((error) => worker.emit('error', error));
      return worker;
    }
  }

  /** Redis must never evict queue keys: jobs would vanish silently. */
  async assertSafe(): Promise<void> {
    if (this.settings.kind !== 'redis') return;
    const client = this.redis({ maxRetriesPerRequest: 1 });
    try {
      const reply = (await client.config('GET', 'maxmemory-policy')) as string[];
      const policy = reply[1];
      if (policy && policy !== 'noeviction') {
        throw new Error(
          `Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction" or jobs can be lost. Set it with: redis-cli CONFIG SET maxmemory-policy noeviction`,
        );
      }
    } finally {
      client.disconnect();
    }
  }

  async ping(): Promise<void> {
    if (this.settings.kind === 'redis') {
      const client = this.redis({ maxRetriesPerRequest: 1, connectTimeout: 2000 });
      try {
        await client.ping();
      } finally {
        client.disconnect();
      }
    }
  }

  async close(): Promise<void> {
    for (const client of this.redisClients.splice(0)) client.disconnect();
  }

  /**
   * Each queue and worker owns a small pool, kept small so that an API, a worker
   * and their queues fit well inside PostgreSQL's 100 connections: a producer
   * adds one batch at a time (one connection); a worker's jobs fetch, extend and
   * finish side by side (three). Idle connections go after two seconds.
   */
  private postgresConnection(max: number): PostgresConnectionOptions {
    return {
      connectionString: this.settings.databaseUrl,
      schema: BULLMQ_SCHEMA,
      migrate: true,
      max,
      idleTimeoutMillis: 2000,
    };
  }

  private redis(options: {
    maxRetriesPerRequest: number | null;
    connectTimeout?: number;
  }): IORedis {
    if (!this.settings.redisUrl) throw new Error('REDIS_URL is required when QUEUE_BACKEND=redis');
    const client = new IORedis(this.settings.redisUrl, { ...options, lazyConnect: false });
    client.on('error', () => undefined); // reconnects by itself; errors surface on commands
    this.redisClients.push(client);
    return client;
  }
}

import { Client } from 'pg';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { JobQueue } from '../queue/job-queue.service';
import { jobsForEvents, StoredOutboxEvent } from './outbox-events';
import { OUTBOX_CHANNEL } from './outbox.service';

/** How long a relay waits after a batch that did not fill (a wake-up does not cut it short). */
const GATHER_MS = 25;

/**
 * Moves committed outbox events to the queues. At-least-once: an event is
 * marked delivered only after its jobs were accepted, and its jobs carry
 * deterministic ids, so a relay killed between the two re-sends the same jobs
 * and the queue (plus idempotent consumers) keeps the effect single. Several
 * relays may run: SKIP LOCKED gives each its own rows.
 */
export class OutboxRelay {
  private running = false;
  private wake: (() => void) | undefined;
  /** A wake-up that came while a batch ran: the batch may have started before that commit. */
  private wokenWhileBusy = false;
  private listener: Client | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly logger: Logger,
    private readonly options: { batchSize?: number; pollMs?: number; databaseUrl?: string } = {},
  ) {}

  private get batchSize(): number {
    return this.options.batchSize ?? 200;
  }

  /** Delivers one batch; returns how many events left the outbox. */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: {
        id: string;
        type: string;
        aggregate_id: string;
        payload: Record<string, unknown>;
      }[] = await manager.query(
        `select id, type, aggregate_id, payload from outbox_events
          where delivered_at is null order by id limit $1 for update skip locked`,
        [this.batchSize],
      );
      if (!rows.length) return 0;
      const events: StoredOutboxEvent[] = rows.map((row) => ({
        id: String(row.id),
        type: row.type,
        aggregateId: row.aggregate_id,
        payload: row.payload,
      }));
      await this.jobs.enqueueMany(jobsForEvents(events));
      await manager.query(
        `update outbox_events set delivered_at = now() where id = any($1::bigint[])`,
        [events.map((e) => e.id)],
      );
      return events.length;
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    void this.listen();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const delivered = await this.relayBatch();
        failures = 0;
        if (delivered >= this.batchSize) continue;
        if (delivered > 0) {
          // Events keep coming: let a few gather, so that a busy minute is relayed in batches
          // of dozens rather than of one or two (each batch is a transaction and a queue write).
          await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
          continue;
        }
      } catch (error) {
        failures += 1;
        this.logger.warn({ err: error, failures }, 'outbox relay could not deliver; will retry');
      }
      if (!failures && this.wokenWhileBusy) {
        this.wokenWhileBusy = false;
        continue;
      }
      const backoff = failures
        ? Math.min(30000, 500 * 2 ** failures)
        : (this.options.pollMs ?? 1000);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoff);
        this.wake = () => {
          this.wake = undefined;
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** LISTEN makes delivery immediate; polling remains the safety net. */
  private async listen(): Promise<void> {
    if (!this.options.databaseUrl) return;
    try {
      const client = new Client({ connectionString: this.options.databaseUrl });
      client.on('error', () => {
        this.listener = undefined;
      });
      await client.connect();
      await client.query(`listen ${OUTBOX_CHANNEL}`);
      client.on('notification', () => {
        if (this.wake) this.wake();
        else this.wokenWhileBusy = true;
      });
      this.listener = client;
      if (!this.running) await client.end();
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox relay could not LISTEN; polling only');
    }
  }
}

import { Injectable, OnModuleDestroy } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { PreparedStatement, queryPreparedIn } from '../database/prepared-statement';
import { OutboxEventInput } from './outbox-events';

export const OUTBOX_CHANNEL = 'jipin_outbox';

/**
 * For a change made in one SQL statement (a statement is its own transaction,
 * so the event is stored exactly when the change is): a data-modifying CTE
 * body that records one event of the type in parameter `typeParam` per row of
 * `rows`, a select of (aggregate_id, payload jsonb). Call
 * `OutboxService.wakeRelay()` once the statement has returned. Saves the
 * BEGIN, the separate insert and the COMMIT round trips of `record`.
 */
export function outboxInsertSql(typeParam: string, rows: string): string {
  return `insert into outbox_events (type, aggregate_id, payload)
    select ${typeParam}, aggregate_id, payload from (${rows}) as outbox_rows`;
}

/**
 * The relay is woken at most this often per process. A pg_notify in the writing transaction
 * held PostgreSQL's global notify lock through every commit and its WAL flush, so the
 * commits of all writers queued behind one another (docs/benchmarks.md, issue 23).
 */
const WAKE_EVERY_MS = 10;

/** The event types a query runner's transaction recorded: announced after its commit. */
const RECORDED = Symbol('outbox event types recorded');

/** Told, in the process that committed them, which event types a transaction recorded. */
export type CommittedListener = (types: ReadonlySet<string>) => void;

/** Writes of up to this many events at once are prepared statements. */
const PREPARED_UP_TO = 4;

/** The insert of `count` events, one prepared statement per count. */
function recordStatement(count: number): PreparedStatement {
  const values = Array.from(
    { length: count },
    (_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}::jsonb)`,
  ).join(', ');
  return {
    name: `outbox_record_${count}`,
    text: `insert into outbox_events (type, aggregate_id, payload) values ${values}`,
  };
}

/**
 * Writes events in the caller's transaction; they leave only if it commits. After the commit
 * the relay is woken (LISTEN/NOTIFY) within WAKE_EVERY_MS; its poll is the safety net.
 */
@Injectable()
export class OutboxService implements EntitySubscriberInterface, OnModuleDestroy {
  private wakeTimer?: NodeJS.Timeout;
  private readonly listeners: CommittedListener[] = [];

  constructor(private readonly dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    const data = queryRunner.data as Record<symbol, Set<string> | undefined>;
    const types = data[RECORDED];
    if (!types) return;
    delete data[RECORDED];
    this.wakeRelay();
    for (const listener of this.listeners) listener(types);
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    delete (queryRunner.data as Record<symbol, Set<string> | undefined>)[RECORDED];
  }

  /**
   * Hears of this process's committed events before the request that made them answers (a
   * cache of what they change is dropped at once here; other processes learn it their own way).
   */
  onCommitted(listener: CommittedListener): void {
    this.listeners.push(listener);
  }

  /** Events were committed: the relay hears of it soon, once for every commit of the moment. */
  wakeRelay(): void {
    if (this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      if (!this.dataSource.isInitialized) return;
      // A lost wake-up costs only the relay's poll interval.
      this.dataSource.query(`select pg_notify($1, '')`, [OUTBOX_CHANNEL]).catch(() => undefined);
    }, WAKE_EVERY_MS);
  }

  onModuleDestroy(): void {
    clearTimeout(this.wakeTimer);
  }

  async record(manager: EntityManager, ...events: OutboxEventInput[]): Promise<void> {
    if (!events.length) return;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        'Outbox events must be recorded inside the transaction of the change they announce',
      );
    }
    const statement = recordStatement(events.length);
    markRecorded(manager.queryRunner, events);
    const values = events.flatMap((event) => [
      event.type,
      event.aggregateId,
      JSON.stringify(event.payload),
    ]);
    // A batch of many events is rare (imports): not worth a statement kept on every connection.
    if (events.length > PREPARED_UP_TO) await manager.query(statement.text, values);
    else await queryPreparedIn(manager, statement, values);
  }
}

function markRecorded(queryRunner: QueryRunner, events: OutboxEventInput[]): void {
  const data = queryRunner.data as Record<symbol, Set<string> | undefined>;
  const types = (data[RECORDED] ??= new Set());
  for (const event of events) types.add(event.type);
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxEventInput } from './outbox-events';

export const OUTBOX_CHANNEL = 'jipin_outbox';

/**
 * For a change made in one SQL statement (a statement is its own transaction,
 * so the event is stored exactly when the change is): a data-modifying CTE
 * body that records one event of the type in parameter `typeParam` per row of
 * `rows`, a select of (aggregate_id, payload jsonb). Put OUTBOX_WAKE_SQL in
 * the statement's final select so the relay is woken at commit. Saves the
 * BEGIN, the separate insert and the COMMIT round trips of `record`.
 */
export function outboxInsertSql(typeParam: string, rows: string): string {
  return `insert into outbox_events (type, aggregate_id, payload)
    select ${typeParam}, aggregate_id, payload from (${rows}) as outbox_rows`;
}

/** Wakes the relay at commit (an expression for a select list). */
export const OUTBOX_WAKE_SQL = `pg_notify('${OUTBOX_CHANNEL}', '')`;

/** Writes events in the caller's transaction; they leave only if it commits. */
@Injectable()
export class OutboxService {
  async record(manager: EntityManager, ...events: OutboxEventInput[]): Promise<void> {
    if (!events.length) return;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        'Outbox events must be recorded inside the transaction of the change they announce',
      );
    }
    const values = events
      .map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}::jsonb)`)
      .join(', ');
    // pg_notify is delivered at commit: it wakes the relay at once instead of at its next poll.
    // One statement, one round trip: a data-modifying CTE runs whether or not it is read.
    await manager.query(
      `with recorded as (insert into outbox_events (type, aggregate_id, payload) values ${values})
       select pg_notify($${events.length * 3 + 1}, '')`,
      [
        ...events.flatMap((event) => [
          event.type,
          event.aggregateId,
          JSON.stringify(event.payload),
        ]),
        OUTBOX_CHANNEL,
      ],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PreparedStatement, queryPreparedIn } from '../database/prepared-statement';
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

/** Writes of up to this many events at once are prepared statements. */
const PREPARED_UP_TO = 4;

/**
 * The insert of `count` events and the relay's wake-up, one prepared statement per count:
 * pg_notify is delivered at commit, so it wakes the relay at once instead of at its next poll,
 * and a data-modifying CTE runs whether or not it is read.
 */
function recordStatement(count: number): PreparedStatement {
  const values = Array.from(
    { length: count },
    (_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}::jsonb)`,
  ).join(', ');
  return {
    name: `outbox_record_${count}`,
    text: `with recorded as (insert into outbox_events (type, aggregate_id, payload) values ${values})
      select pg_notify($${count * 3 + 1}, '')`,
  };
}

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
    const statement = recordStatement(events.length);
    const values = [
      ...events.flatMap((event) => [event.type, event.aggregateId, JSON.stringify(event.payload)]),
      OUTBOX_CHANNEL,
    ];
    // A batch of many events is rare (imports): not worth a statement kept on every connection.
    if (events.length > PREPARED_UP_TO) await manager.query(statement.text, values);
    else await queryPreparedIn(manager, statement, values);
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PreparedStatement, queryPrepared } from '../database/prepared-statement';
import { refuseOver, Slot, SLOTS_PER_WINDOW } from './rate-window';

/**
 * Adds `$4` hits to the current slot of key `$1` and reads the slots of its last window.
 * Prepared: every public list and search runs it, and planning it cost more than running it.
 */
const SLOTS: PreparedStatement = {
  name: 'rate_limit_slots',
  text: `with current_slot as (
      select to_timestamp(floor(extract(epoch from now()) / $2) * $2) as start
    ), added as (
      insert into rate_limit_buckets (key, window_start, expires_at, hits)
      select $1, start, start + make_interval(secs => $3 + 2 * $2), 1
        from current_slot where $4
      on conflict (key, window_start) do update set hits = rate_limit_buckets.hits + 1
      returning window_start, hits
    )
    select extract(epoch from b.window_start)::float8 as start, b.hits,
           extract(epoch from now())::float8 as now
      from rate_limit_buckets b, current_slot c
     where b.key = $1 and b.window_start >= c.start - make_interval(secs => $3)
       and not exists (select 1 from added a where a.window_start = b.window_start)
    union all
    select extract(epoch from window_start)::float8, hits, extract(epoch from now())::float8
      from added
    order by start`,
};

/**
 * Sliding-window counters kept in PostgreSQL, so that every API instance sees
 * the same counts (the API holds no state of its own). Each counter row is one
 * slot of a key's window; a hit adds to the current slot in the same statement
 * that reads the others, so concurrent hits are counted exactly.
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts one hit; throws rate_limited when the last window holds more than
   * the limit. Refused hits count too, so hammering does not get through.
   * reason says what is too frequent, e.g. '登录尝试过于频繁'; the message adds
   * the wait, the same number of seconds as the Retry-After header.
   */
  async hit(key: string, limit: number, windowSeconds: number, reason: string): Promise<void> {
    const { now, slots } = await this.slots(key, windowSeconds, 1);
    refuseOver(slots, limit, { limit, now, windowSeconds, reason });
  }

  /** Refuses when one more hit would exceed the limit, without counting one. */
  async check(key: string, limit: number, windowSeconds: number, reason: string): Promise<void> {
    const { now, slots } = await this.slots(key, windowSeconds, 0);
    refuseOver(slots, limit - 1, { limit, now, windowSeconds, reason });
  }

  /** Counts one hit without checking a limit (see check). */
  async record(key: string, windowSeconds: number): Promise<void> {
    await this.slots(key, windowSeconds, 1);
  }

  async purgeExpired(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `delete from rate_limit_buckets where expires_at < now()`,
    );
    return result[1];
  }

  /** The slots of the key's last window, oldest first, after adding `add` hits to the current one. */
  async slots(
    key: string,
    windowSeconds: number,
    add: 0 | 1,
  ): Promise<{ now: number; slots: Slot[] }> {
    const slotSeconds = windowSeconds / SLOTS_PER_WINDOW;
    const rows = await queryPrepared<{ start: number; hits: number; now: number }>(
      this.dataSource,
      SLOTS,
      [key, slotSeconds, windowSeconds, add === 1],
    );
    const now = rows[0]?.now ?? Date.now() / 1000;
    return { now, slots: rows.map((row) => ({ start: row.start, hits: row.hits })) };
  }
}

import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { type Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../logging/logging.module';
import { RateLimiter } from './rate-limiter.service';
import { refuseOver, Slot, SLOTS_PER_WINDOW } from './rate-window';

/** How often this process writes its hits and reads everyone's. */
export const FLUSH_INTERVAL_MS = 250;

interface KeyState {
  windowSeconds: number;
  /** Hits taken here and not yet written. */
  pending: number;
  /** Hits being written by the flush under way. */
  writing: number;
  /** The key's slots, every instance's hits, as of the last write. */
  shared: Slot[];
  lastHit: number;
}

/**
 * Adds each key's hits to its current slot and reads back the slots of its last
 * window, for many keys in one statement. Same table and slots as RateLimiter.
 */
const FLUSH_SQL = `with input as (
    select key, hits, slot_seconds, window_seconds,
           to_timestamp(floor(extract(epoch from now()) / slot_seconds) * slot_seconds) as slot_start
      from unnest($1::text[], $2::int[], $3::float8[], $4::float8[])
        as i(key, hits, slot_seconds, window_seconds)
  ), added as (
    insert into rate_limit_buckets (key, window_start, expires_at, hits)
    select key, slot_start, slot_start + make_interval(secs => window_seconds + 2 * slot_seconds), hits
      from input where hits > 0
    on conflict (key, window_start) do update set hits = rate_limit_buckets.hits + excluded.hits
    returning key, window_start, hits
  )
  select i.key, extract(epoch from b.window_start)::float8 as start, b.hits
    from input i join rate_limit_buckets b
      on b.key = i.key and b.window_start >= i.slot_start - make_interval(secs => i.window_seconds)
   where not exists (select 1 from added a where a.key = b.key and a.window_start = b.window_start)
  union all
  select key, extract(epoch from window_start)::float8, hits from added
  order by start`;

/**
 * The budget of the public reads (list, search, suggestions), which every
 * visitor spends many times a minute. A key's first hit is counted in
 * PostgreSQL at once, like RateLimiter; later hits are counted here and written
 * for all keys in one statement within FLUSH_INTERVAL_MS, which also brings back
 * the other instances' hits. A request thus costs no round trip, and several
 * instances still share one budget: together they can pass it only by what
 * each takes between two of its flushes. Logins and other guarded writes keep the
 * exact RateLimiter.
 */
@Injectable()
export class BatchedRateLimiter implements OnModuleDestroy {
  private readonly keys = new Map<string, KeyState>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly exact: RateLimiter,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Counts one hit; throws rate_limited when the last window holds more than the limit. */
  async hit(key: string, limit: number, windowSeconds: number, reason: string): Promise<void> {
    let state = this.keys.get(key);
    if (!state || state.windowSeconds !== windowSeconds) {
      const { now, slots } = await this.exact.slots(key, windowSeconds, 1);
      state = { windowSeconds, pending: 0, writing: 0, shared: slots, lastHit: now };
      this.keys.set(key, state);
      refuseOver(slots, limit, { limit, now, windowSeconds, reason });
      return;
    }
    state.pending++;
    state.lastHit = Date.now() / 1000;
    this.scheduleFlush();
    refuseOver(this.windowOf(state, state.lastHit), limit, {
      limit,
      now: state.lastHit,
      windowSeconds,
      reason,
    });
  }

  /** Writes every key's pending hits now; waits for a flush already under way. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = this.writeAll().finally(() => (this.flushing = undefined));
    await this.flushing;
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** The shared slots still inside the window, then this process's unwritten hits in the current slot. */
  private windowOf(state: KeyState, now: number): Slot[] {
    const slotSeconds = state.windowSeconds / SLOTS_PER_WINDOW;
    const current = Math.floor(now / slotSeconds) * slotSeconds;
    const inside = state.shared.filter((slot) => slot.start >= current - state.windowSeconds);
    return [...inside, { start: current, hits: state.pending + state.writing }];
  }

  private scheduleFlush(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, FLUSH_INTERVAL_MS);
    // Pending hits alone must not keep a process alive; the shutdown hook writes them.
    this.timer.unref();
  }

  private async writeAll(): Promise<void> {
    const now = Date.now() / 1000;
    const batch = [...this.keys].filter(([, state]) => state.pending > 0);
    this.forgetQuiet(now);
    if (!batch.length) return;
    for (const [, state] of batch) [state.writing, state.pending] = [state.pending, 0];
    try {
      const rows: { key: string; start: number; hits: number }[] = await this.dataSource.query(
        FLUSH_SQL,
        [
          batch.map(([key]) => key),
          batch.map(([, state]) => state.writing),
          batch.map(([, state]) => state.windowSeconds / SLOTS_PER_WINDOW),
          batch.map(([, state]) => state.windowSeconds),
        ],
      );
      const slotsByKey = new Map<string, Slot[]>();
      for (const { key, start, hits } of rows) {
        const slots = slotsByKey.get(key) ?? [];
        slots.push({ start, hits });
        slotsByKey.set(key, slots);
      }
      for (const [key, state] of batch) {
        state.shared = slotsByKey.get(key) ?? [];
        state.writing = 0;
      }
    } catch (error) {
      // Kept for the next flush; meanwhile they still count here.
      for (const [, state] of batch)
        [state.pending, state.writing] = [state.pending + state.writing, 0];
      this.logger.warn(
        { err: error, keys: batch.length },
        'rate limit counts not written; retrying',
      );
      this.scheduleFlush();
    }
  }

  /** Keys without a hit for a whole window hold nothing worth keeping. */
  private forgetQuiet(now: number): void {
    for (const [key, state] of this.keys)
      if (state.pending === 0 && state.writing === 0 && now - state.lastHit > state.windowSeconds)
        this.keys.delete(key);
  }
}

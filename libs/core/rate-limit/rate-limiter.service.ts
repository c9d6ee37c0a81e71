import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../errors/domain-error';

/**
 * Fixed-window counters kept in PostgreSQL, so that every API instance sees the
 * same counts (the API holds no state of its own).
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one hit; throws rate_limited when the window's limit is exceeded. */
  async hit(
    key: string,
    limit: number,
    windowSeconds: number,
    message = '操作过于频繁，请稍后再试',
  ): Promise<void> {
    const rows: { hits: number; retry_after: number }[] = await this.dataSource.query(
      `insert into rate_limit_buckets (key, window_start, expires_at, hits)
       values ($1, to_timestamp(floor(extract(epoch from now()) / $2) * $2),
               to_timestamp(floor(extract(epoch from now()) / $2) * $2 + $2), 1)
       on conflict (key, window_start) do update set hits = rate_limit_buckets.hits + 1
       returning hits, ceil(extract(epoch from expires_at - now()))::int as retry_after`,
      [key, windowSeconds],
    );
    const { hits, retry_after } = rows[0];
    if (hits > limit) throw tooMany(message, retry_after);
  }

  /** Throws rate_limited when the window already holds `limit` hits; counts none itself. */
  async assertUnder(key: string, limit: number, windowSeconds: number, message?: string) {
    const rows: { hits: number; retry_after: number }[] = await this.dataSource.query(
      `select hits, ceil(extract(epoch from expires_at - now()))::int as retry_after
         from rate_limit_buckets
        where key = $1 and window_start = to_timestamp(floor(extract(epoch from now()) / $2) * $2)`,
      [key, windowSeconds],
    );
    const bucket = rows[0];
    if (bucket && bucket.hits >= limit) throw tooMany(message, bucket.retry_after);
  }

  async purgeExpired(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `delete from rate_limit_buckets where expires_at < now()`,
    );
    return result[1];
  }
}

function tooMany(message = '操作过于频繁，请稍后再试', retryAfter: number): DomainError {
  return new DomainError('rate_limited', 'rate_limited', message, [
    { message: `请在${retryAfter}秒后重试`, retryAfterSeconds: retryAfter },
  ]);
}

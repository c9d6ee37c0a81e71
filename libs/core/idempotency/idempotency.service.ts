import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conflict, invalid, unprocessable } from '../errors/domain-error';

export type IdempotencyClaim =
  { kind: 'fresh' } | { kind: 'replay'; status: number; body: unknown };

/** A request left in flight longer than this is taken to be abandoned (its process died). */
const ABANDONED_AFTER_SECONDS = 60;
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;

/**
 * Idempotency-Key semantics: same key and body → the same answer; same key
 * with another body → 422; same key while the first is still running → 409.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  requestHash(method: string, route: string, body: unknown): string {
    return createHash('sha256')
      .update(`${method} ${route}\n${stableJson(body)}`)
      .digest('hex');
  }

  async claim(scope: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    if (!KEY_PATTERN.test(key)) {
      throw invalid('invalid_idempotency_key', 'Idempotency-Key 须为1到100位字母、数字或 _ . : -');
    }
    const inserted: unknown[] = await this.dataSource.query(
      `insert into idempotency_keys (scope, key, request_hash, state) values ($1, $2, $3, 'in_flight')
       on conflict (scope, key) do update set state = 'in_flight', created_at = now()
         where idempotency_keys.state = 'in_flight'
           and idempotency_keys.request_hash = excluded.request_hash
           and idempotency_keys.created_at < now() - make_interval(secs => $4)
       returning 1`,
      [scope, key, requestHash, ABANDONED_AFTER_SECONDS],
    );
    if (inserted.length) return { kind: 'fresh' };
    const rows: {
      request_hash: string;
      state: string;
      response_status: number;
      response_body: unknown;
    }[] = await this.dataSource.query(
      `select request_hash, state, response_status, response_body from idempotency_keys where scope = $1 and key = $2`,
      [scope, key],
    );
    const existing = rows[0];
    if (!existing) return this.claim(scope, key, requestHash); // released meanwhile: try again
    if (existing.request_hash !== requestHash) {
      throw unprocessable(
        'idempotency_key_reused',
        '该 Idempotency-Key 已用于另一请求，请换一个新的',
      );
    }
    if (existing.state === 'in_flight')
      throw conflict('idempotency_in_flight', '相同的请求正在处理中，请稍候');
    return { kind: 'replay', status: existing.response_status, body: existing.response_body };
  }

  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `update idempotency_keys set state = 'done', response_status = $3, response_body = $4::jsonb where scope = $1 and key = $2`,
      [scope, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** A failed request leaves no trace, so the client may try again with the same key. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(
      `delete from idempotency_keys where scope = $1 and key = $2 and state = 'in_flight'`,
      [scope, key],
    );
  }

  async purgeOlderThan(hours: number): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `delete from idempotency_keys where created_at < now() - make_interval(hours => $1)`,
      [hours],
    );
    return result[1];
  }
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

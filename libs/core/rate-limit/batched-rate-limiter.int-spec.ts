import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@jipin/testing';
import { dataSourceOptions } from '../database/data-source-options';
import { DomainError } from '../errors/domain-error';
import { BatchedRateLimiter } from './batched-rate-limiter';
import { RateLimiter } from './rate-limiter.service';

/**
 * The public reads' budget on real PostgreSQL, as two API instances share it:
 * each counts in its own memory, writes in batches, and sees the other's hits.
 */
let database: TestDatabase;
const sources: DataSource[] = [];

beforeAll(async () => {
  database = await createTestDatabase('batched-rate');
});
afterAll(async () => {
  await Promise.all(sources.map((source) => source.destroy()));
  await database?.drop();
});

/** An instance of its own: its own pool, its own counts in memory. */
async function instance(): Promise<BatchedRateLimiter> {
  const source = await new DataSource(
    dataSourceOptions(database.url, { poolSize: 2 }),
  ).initialize();
  sources.push(source);
  return new BatchedRateLimiter(source, new RateLimiter(source), pino({ level: 'silent' }));
}

async function refusal(attempt: Promise<void>): Promise<DomainError | undefined> {
  try {
    await attempt;
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

async function storedHits(key: string): Promise<number> {
  const [row] = await sources[0].query(
    `select coalesce(sum(hits), 0)::int as n from rate_limit_buckets where key = $1`,
    [key],
  );
  return row.n;
}

test('the hit past the limit is refused at once, in Chinese, with the wait; refused hits count', async () => {
  const limiter = await instance();
  for (let i = 0; i < 5; i++) await limiter.hit('alone', 5, 60, '搜索过于频繁');
  const refused = await refusal(limiter.hit('alone', 5, 60, '搜索过于频繁'));
  assert.equal(refused?.code, 'rate_limited');
  assert.match(refused!.message, /^搜索过于频繁，请在\d+秒后重试$/);
  await refusal(limiter.hit('alone', 5, 60, '搜索过于频繁'));
  await limiter.flush();
  assert.equal(await storedHits('alone'), 7, 'every hit is written, the refused ones too');
});

test('two instances share one budget: each sees the other at its own next flush', async () => {
  const [first, second] = [await instance(), await instance()];
  for (let i = 0; i < 4; i++) await first.hit('shared', 6, 60, '搜索过于频繁');
  await first.flush();
  // The second instance's first hit is counted in PostgreSQL and sees the first's four.
  await second.hit('shared', 6, 60, '搜索过于频繁');
  await second.hit('shared', 6, 60, '搜索过于频繁');
  assert.ok(await refusal(second.hit('shared', 6, 60, '搜索过于频繁')), 'the seventh hit');
  await second.flush();
  // The first learns of the second's hits when it writes its own (within FLUSH_INTERVAL_MS).
  await first.hit('shared', 6, 60, '搜索过于频繁');
  await first.flush();
  assert.ok(
    await refusal(first.hit('shared', 6, 60, '搜索过于频繁')),
    'after its flush the first sees the second',
  );
  await first.flush();
  assert.equal(await storedHits('shared'), 9);
});

test('hits leave the window as it slides', async () => {
  const limiter = await instance();
  for (let i = 0; i < 3; i++) await limiter.hit('sliding', 3, 1, '搜索过于频繁');
  assert.ok(await refusal(limiter.hit('sliding', 3, 1, '搜索过于频繁')));
  await limiter.flush();
  await new Promise((resolve) => setTimeout(resolve, 1300));
  await limiter.hit('sliding', 3, 1, '搜索过于频繁');
});

test('hits not yet written are written by the periodic flush without being asked', async () => {
  const limiter = await instance();
  await limiter.hit('periodic', 100, 60, '搜索过于频繁');
  for (let i = 0; i < 9; i++) await limiter.hit('periodic', 100, 60, '搜索过于频繁');
  assert.equal(await storedHits('periodic'), 1, 'only the first hit went to PostgreSQL at once');
  const deadline = Date.now() + 10000;
  while ((await storedHits('periodic')) < 10 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(await storedHits('periodic'), 10);
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, test } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@jipin/core';
import { createTestDatabase, TestDatabase } from '@jipin/testing';
import { VacancySearchDocument } from '../search-types';
import { PostgresVacancySearch } from './postgres-vacancy-search';

const DAY = 86400000;
const WINDOW = 3;

function driver(overrides: Partial<VacancySearchDocument>): VacancySearchDocument {
  return {
    id: randomUUID(),
    title: '货车司机',
    occupationCode: '4-02-02-01',
    occupationName: '道路货运汽车驾驶员',
    description: '县内配送，持B2驾照。',
    employerId: randomUUID(),
    employerName: '吉水县顺通物流有限公司',
    tags: ['全职'],
    kind: 'regular',
    townshipCode: '360822100000',
    payMin: 5000,
    payMax: 7000,
    payUnit: 'month',
    education: 'any',
    welfareTags: ['包住'],
    keyGroupFriendly: false,
    publishedAt: new Date().toISOString(),
    fairIds: [],
    lat: 27.2,
    lng: 115.13,
    version: 1,
    ...overrides,
  };
}

const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/**
 * The PostgreSQL driver answers from a window of the newest matches (here 3),
 * found through recency tiers; what it says of the rest is that there is more.
 */
describe('postgres search: the match window', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let search: PostgresVacancySearch;
  const today = [driver({ publishedAt: daysAgo(0.1) }), driver({ publishedAt: daysAgo(0.2) })];
  const lastWeek = [5, 5.5, 6.5].map((days) =>
    driver({ publishedAt: daysAgo(days), townshipCode: '360822101000' }),
  );
  const older = driver({ publishedAt: daysAgo(40), title: '叉车司机' });

  beforeAll(async () => {
    database = await createTestDatabase('search_window');
    dataSource = new DataSource(dataSourceOptions(database.url, { poolSize: 2 }));
    await dataSource.initialize();
    search = new PostgresVacancySearch(dataSource, { matchWindow: WINDOW, tiersFromDocuments: 0 });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });
  beforeEach(async () => {
    await search.reindex({
      batches: async function* () {
        yield [...today, ...lastWeek, older];
      },
    });
  });

  test('a broad query answers from its newest matches across tiers and says the total is capped', async () => {
    const result = await search.search({ q: '司机', sort: 'newest' });
    assert.deepEqual(
      result.items.map((hit) => hit.id),
      [today[0].id, today[1].id, lastWeek[0].id],
    );
    assert.equal(result.total, WINDOW);
    assert.equal(result.totalCapped, true);
    // Facets describe the window: two of today's in 文峰镇, one of last week's in 阜田镇.
    assert.deepEqual(result.facets?.townshipCode, { '360822100000': 2, '360822101000': 1 });
  });

  test('a query with fewer matches than the window is exact, old ones included', async () => {
    const result = await search.search({ q: '叉车' });
    assert.deepEqual(
      result.items.map((hit) => hit.id),
      [older.id],
    );
    assert.equal(result.total, 1);
    assert.equal(result.totalCapped, undefined);
    const filtered = await search.search({ q: '司机', townshipCode: '360822101000' });
    assert.equal(filtered.total, 3);
    assert.equal(filtered.totalCapped, undefined);
  });

  test('"posted within N days" stops at the tier that covers it', async () => {
    const result = await search.search({
      q: '司机',
      townshipCode: '360822101000',
      postedWithinDays: 6,
    });
    assert.deepEqual(
      result.items.map((hit) => hit.id),
      [lastWeek[0].id, lastWeek[1].id],
    );
  });

  test('upkeep moves vacancies into older tiers as time passes, and they are still found', async () => {
    const tierOf = async (id: string) =>
      Number(
        (
          await dataSource.query(
            `select recency_tier from vacancy_search_documents where id = $1`,
            [id],
          )
        )[0].recency_tier,
      );
    assert.equal(await tierOf(today[0].id), 0);
    assert.equal(await tierOf(older.id), 5);
    // Two days pass: today's vacancies now belong in the three-day tier.
    await dataSource.query(
      `update vacancy_search_documents set published_at = published_at - interval '2 days'
       where id = any($1::uuid[])`,
      [today.map((d) => d.id)],
    );
    await search.maintain();
    assert.equal(await tierOf(today[0].id), 1);
    assert.equal(await tierOf(lastWeek[0].id), 2);
    const result = await search.search({ q: '司机', sort: 'newest' });
    assert.deepEqual(
      result.items.map((hit) => hit.id),
      [today[0].id, today[1].id, lastWeek[0].id],
    );
  });

  test('nearest first walks the distance index and keeps the nearest window', async () => {
    const far = driver({ lat: 27.5, lng: 115.13, publishedAt: daysAgo(0.05) });
    await search.upsert([far]);
    const result = await search.search({ sort: 'distance', point: { lat: 27.2, lng: 115.13 } });
    assert.equal(result.totalCapped, true);
    assert.ok(!result.items.some((hit) => hit.id === far.id));
    assert.equal(result.items[0].distanceKm, 0);
  });
});

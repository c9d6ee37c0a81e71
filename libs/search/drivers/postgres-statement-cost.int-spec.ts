import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@jipin/core';
import { createTestDatabase, TestDatabase } from '@jipin/testing';
import { VacancySearchDocument } from '../search-types';
import { PostgresVacancySearch } from './postgres-vacancy-search';

const document = (title: string, i: number): VacancySearchDocument => ({
  id: randomUUID(),
  title,
  occupationCode: '6-31-01-03',
  occupationName: '装配工',
  description: `流水线装配，第${i}条线，长白班，包吃住。`,
  employerId: randomUUID(),
  employerName: '吉水县电子厂',
  tags: ['全职'],
  kind: 'regular',
  townshipCode: '360822100000',
  payMin: 4000,
  payMax: 5500,
  payUnit: 'month',
  education: 'any',
  welfareTags: ['包住'],
  keyGroupFriendly: false,
  publishedAt: new Date(Date.now() - i * 60000).toISOString(),
  fairIds: [],
  lat: 27.2,
  lng: 115.13,
  version: 1,
});

/** What a search costs the server besides its plan: the statistics a rebuild leaves. */
describe('postgres search: statement costs', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let search: PostgresVacancySearch;

  beforeAll(async () => {
    database = await createTestDatabase('search_statements');
    dataSource = new DataSource(dataSourceOptions(database.url, { poolSize: 1 }));
    await dataSource.initialize();
    search = new PostgresVacancySearch(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  test('a rebuilt index has statistics the planner can use (autovacuum may be off or late)', async () => {
    const docs = Array.from({ length: 30 }, (_, i) => document(`电子装配工${i}`, i));
    const count = await search.reindex({
      async *batches() {
        yield docs;
      },
    });
    assert.equal(count, 30);
    const [{ reltuples }] = await dataSource.query(
      `select reltuples::int as reltuples from pg_class where relname = 'vacancy_search_documents'`,
    );
    assert.equal(reltuples, 30);
  });
});

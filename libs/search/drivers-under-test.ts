import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@jipin/core';
import { createTestDatabase, TestDatabase } from '@jipin/testing';
import { MeiliVacancySearch } from './drivers/meili-vacancy-search';
import { PostgresVacancySearch } from './drivers/postgres-vacancy-search';
import { VacancySearch } from './search-types';

/** A driver on a fresh store of its own, and how to throw the store away. */
export interface DriverUnderTest {
  name: string;
  create(): Promise<{ search: VacancySearch; close(): Promise<void> }>;
}

/**
 * The drivers a search suite runs against: PostgreSQL as a county runs it and
 * (tiersFromDocuments 0) as a province does, and Meilisearch when MEILI_URL is
 * set (the suite says it skipped it otherwise).
 */
export function driversUnderTest(database: string): DriverUnderTest[] {
  const postgres = (name: string, tiersFromDocuments?: number): DriverUnderTest => ({
    name,
    create: async () => {
      const db: TestDatabase = await createTestDatabase(database);
      const dataSource = new DataSource(dataSourceOptions(db.url, { poolSize: 4 }));
      await dataSource.initialize();
      return {
        search: new PostgresVacancySearch(dataSource, { tiersFromDocuments }),
        close: async () => {
          await dataSource.destroy();
          await db.drop();
        },
      };
    },
  });
  const drivers = [postgres('postgres'), postgres('postgres climbing recency tiers', 0)];
  const url = process.env.MEILI_URL;
  if (url)
    drivers.push({
      name: 'meilisearch',
      create: async () => {
        const index = `vacancies_test_${randomBytes(4).toString('hex')}`;
        const search = new MeiliVacancySearch({ url, key: process.env.MEILI_KEY, index });
        return {
          search,
          close: async () => {
            const { Meilisearch } = await import('meilisearch');
            await new Meilisearch({ host: url, apiKey: process.env.MEILI_KEY }).deleteIndexIfExists(
              index,
            );
          },
        };
      },
    });
  return drivers;
}

import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { createLogger } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { createTestDatabase, TestDatabase, testConfig } from '@jipin/testing';
import { checkVacancy, chinaToday, VacancyEntity } from '@jipin/vacancies';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@jipin/core';
import { seedDemoDataOnFirstRun } from './seed-demo';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('seed_demo');
});
afterAll(async () => database.drop());

test('the demo data loads verified employers with vacancies that obey the vacancy rules, once', async () => {
  const config = testConfig();
  const logger = createLogger('silent', 'seed-test');
  process.env.SEED_DEMO_DATA = 'true';
  const lines = await seedDemoDataOnFirstRun(config, database.url, logger, true);
  assert.ok(lines?.some((line) => line.includes('恒达电子')));
  assert.equal(await seedDemoDataOnFirstRun(config, database.url, logger, true), undefined);

  const dataSource = new DataSource(dataSourceOptions(database.url, { poolSize: 1 }));
  await dataSource.initialize();
  try {
    const employers = await dataSource.query(`select status from employers`);
    assert.equal(employers.length, 3);
    assert.ok(employers.every((e: { status: string }) => e.status === 'verified'));
    const vacancies = await dataSource.getRepository(VacancyEntity).find();
    assert.equal(vacancies.length, 6);
    const regions = new RegionsService(config);
    for (const v of vacancies) {
      const check = checkVacancy(
        {
          ...v,
          requirements: v.requirements,
          pay: { min: v.payMin, max: v.payMax, unit: v.payUnit },
          ageMin: v.ageMin ?? undefined,
          ageMax: v.ageMax ?? undefined,
          shiftPattern: v.shiftPattern ?? undefined,
          lat: v.lat ?? undefined,
          lng: v.lng ?? undefined,
          contactPhone: '13800000011',
        },
        {
          payFloor: config.vacancies.payFloor,
          today: chinaToday(),
          isTownship: (code) => regions.township(code) !== undefined,
        },
      );
      assert.deepEqual([...check.problems, ...check.refusals, ...check.holds], [], v.title);
    }
    const events = await dataSource.query(
      `select count(*)::int as n from outbox_events where type = 'vacancy.changed'`,
    );
    assert.equal(events[0].n, 6);
  } finally {
    await dataSource.destroy();
  }
});

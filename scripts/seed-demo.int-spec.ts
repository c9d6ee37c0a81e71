import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { Client } from 'pg';
import { createLogger, parseResidentId, PiiCipher } from '@jipin/core';
import { createTestDatabase, TestDatabase, testConfig } from '@jipin/testing';
import { demoDataWanted, seedDemoDataOnFirstRun } from './seed-demo';
import { DEMO_SEEKERS } from './seed-demo-seekers';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('seed');
});
afterAll(async () => database.drop());

test('demo seekers are loaded on the first run only, with valid encrypted ID numbers', async () => {
  const config = testConfig();
  const logger = createLogger('warn', 'seed-test');
  assert.ok(await seedDemoDataOnFirstRun(config, database.url, logger, true));
  assert.equal(await seedDemoDataOnFirstRun(config, database.url, logger, true), undefined);
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select p.id_number_cipher, p.birth_date::text, p.registered_by, u.password_hash
         from seeker_profiles p join users u on u.id = p.user_id order by p.created_at`,
    );
    assert.equal(rows.length, DEMO_SEEKERS.length);
    const cipher = new PiiCipher(config.privacy.piiKey);
    for (const row of rows) {
      const parsed = parseResidentId(cipher.decrypt(row.id_number_cipher));
      assert.ok(parsed.ok);
      assert.equal(parsed.facts.birthDate, row.birth_date);
    }
    const unclaimed = rows.filter((r) => !r.password_hash);
    assert.equal(unclaimed.length, 1);
    assert.ok(unclaimed[0].registered_by, 'the window staff member who registered them');
    const fairs = await client.query(
      `select f.status, count(distinct b.id)::int as booths, count(distinct r.id)::int as registrations
         from fairs f left join fair_booths b on b.fair_id = f.id and b.status = 'approved'
         left join fair_registrations r on r.fair_id = f.id group by f.id order by f.starts_at`,
    );
    assert.deepEqual(
      fairs.rows.map((f) => f.status),
      ['ended', 'ongoing', 'registration_open'],
      'demo fairs to show: one past, one today, one coming',
    );
    assert.ok(fairs.rows.every((f) => f.booths > 0 && f.registrations === DEMO_SEEKERS.length));
    const intents = await client.query(`select count(*)::int as n from placement_intents`);
    assert.ok(intents.rows[0].n > 0, 'the past fair reached intents');
  } finally {
    await client.end();
  }
});

test('demo data is never loaded into a configured (production) database unless asked for by name', async () => {
  const configured = {
    database: { url: 'postgres://bureau@db/jipin', embeddedPort: 0, logQueries: false },
  };
  const embedded = { database: { url: undefined, embeddedPort: 54329, logQueries: false } };
  assert.equal(demoDataWanted(configured, undefined), false);
  assert.equal(demoDataWanted(configured, 'true'), true);
  assert.equal(demoDataWanted(embedded, undefined), true);
  assert.equal(demoDataWanted(embedded, 'false'), false);

  const production = await createTestDatabase('seed_production');
  try {
    const config = testConfig({ DATABASE_URL: production.url, SEED_DEMO_DATA: undefined });
    const logger = createLogger('warn', 'seed-test');
    const previous = process.env.SEED_DEMO_DATA;
    delete process.env.SEED_DEMO_DATA;
    try {
      assert.equal(await seedDemoDataOnFirstRun(config, production.url, logger), undefined);
    } finally {
      if (previous !== undefined) process.env.SEED_DEMO_DATA = previous;
    }
    const client = new Client({ connectionString: production.url });
    await client.connect();
    const { rows } = await client.query(`select
      (select count(*)::int from users) as users, (select count(*)::int from fairs) as fairs`);
    await client.end();
    assert.deepEqual(rows[0], { users: 0, fairs: 0 });
  } finally {
    await production.drop();
  }
});

test('everything the demo loads is marked as demo data', async () => {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query(`select
      (select count(*)::int from fairs where id not in (select record_id from demo_records)) as fairs,
      (select count(*)::int from vacancies where id not in (select record_id from demo_records)) as vacancies,
      (select count(*)::int from demo_records where kind = 'fairs') as marked`);
    assert.deepEqual(rows[0], { fairs: 0, vacancies: 0, marked: 3 });
  } finally {
    await client.end();
  }
});

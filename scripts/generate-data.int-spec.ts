import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Client } from 'pg';
import { checkCreditCode, isMobilePhone, parseResidentId, PiiCipher, REPO_ROOT } from '@jipin/core';
import { createTestDatabase, TestApi, TestDatabase } from '@jipin/testing';
import { chinaToday, LIST_COUNT_CAP } from '@jipin/vacancies';
import { buildVacancy, buildEmployer, TownshipData } from './datagen/build-rows';
import { DATA_SIZES, generateData, GenerateReport, vacancyProblems } from './datagen/generate';
import { Random } from './datagen/random';

const REGIONS = join(REPO_ROOT, 'libs', 'regions', 'data', '360822-jishui.json');
const townships: TownshipData[] = JSON.parse(readFileSync(REGIONS, 'utf8')).townships;
const PASSWORD = 'Datagen2026ok';

/** The tiny size into a database, with the test API's PII key. */
function generateTiny(databaseUrl: string, seed: string, api: TestApi, asOf: string) {
  return generateData({
    databaseUrl,
    size: DATA_SIZES.tiny,
    seed,
    piiKey: api.config.privacy.piiKey,
    password: PASSWORD,
    regionsFile: REGIONS,
    asOf,
  });
}

async function rowsOf(url: string, sql: string): Promise<any[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('generated data', () => {
  let api: TestApi;
  let report: GenerateReport;
  let cipher: PiiCipher;
  const asOf = chinaToday();

  beforeAll(async () => {
    api = await TestApi.start('datagen');
    cipher = new PiiCipher(api.config.privacy.piiKey);
    report = await generateTiny(api.database.url, '7', api, asOf);
  });
  afterAll(async () => api?.close());

  test('fills every table at the requested size', () => {
    assert.equal(report.counts.vacancies, DATA_SIZES.tiny.vacancies);
    assert.equal(report.counts.seeker_profiles, DATA_SIZES.tiny.seekers);
    assert.equal(report.counts.employers, DATA_SIZES.tiny.employers);
  });

  test('the API lists generated vacancies and opens one with its employer', async () => {
    const list = await api.get('/api/vacancies?pageSize=5');
    assert.equal(list.status, 200);
    const [published] = await rowsOf(
      api.database.url,
      `select count(*)::int as n from vacancies v join employers e on e.id = v.employer_id
        where v.status = 'published' and e.status not in ('suspended', 'rejected') and v.expires_at >= '${asOf}'`,
    );
    assert.ok(published.n > 100);
    assert.equal(list.body.total, published.n);
    assert.ok(list.body.items.every((item: { employerName?: string }) => item.employerName));
    const one = await api.get(`/api/vacancies/${list.body.items[0].id}`);
    assert.equal(one.status, 200);
    assert.match(one.body.description, /岗位职责/);
    assert.ok(one.body.employerName);
  });

  test('a generated seeker logs in with the generated password, reads their résumé and applies', async () => {
    const login = await api.post('/api/auth/login', {
      phone: report.sample.seekerPhones[0],
      password: PASSWORD,
    });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const token = login.body.accessToken;
    const me = await api.get('/api/seekers/me', { token });
    assert.equal(me.status, 200);
    assert.match(me.body.idNumber, /^\d{4}\*{13}[\dX]$/);
    const [vacancy] = await rowsOf(
      api.database.url,
      `select v.id from vacancies v join employers e on e.id = v.employer_id
        where v.status = 'published' and v.kind = 'regular' and e.status = 'verified' limit 1`,
    );
    const applied = await api.post('/api/applications', { vacancyId: vacancy.id }, { token });
    assert.equal(applied.status, 201, JSON.stringify(applied.body));
  });

  test('credit codes, resident IDs and phones pass the national check rules and agree with the profile', async () => {
    const employers = await rowsOf(api.database.url, `select credit_code from employers`);
    for (const { credit_code } of employers)
      assert.equal(checkCreditCode(credit_code), undefined, credit_code);
    const seekers = await rowsOf(
      api.database.url,
      `select p.id_number_cipher, p.id_number_index, p.birth_date::text, p.gender, u.phone_cipher
         from seeker_profiles p join users u on u.id = p.user_id`,
    );
    for (const row of seekers) {
      const idNumber = cipher.decrypt(row.id_number_cipher);
      const parsed = parseResidentId(idNumber);
      assert.ok(parsed.ok, idNumber);
      assert.equal(parsed.facts.birthDate, row.birth_date);
      assert.equal(parsed.facts.gender, row.gender);
      assert.equal(cipher.blindIndex(idNumber), row.id_number_index);
      assert.ok(isMobilePhone(cipher.decrypt(row.phone_cipher)));
    }
  });

  test('generated vacancies meet every rule of the vacancy form and the review rules', () => {
    const rng = new Random('rules');
    const codes = new Set(townships.map((t) => t.code));
    for (let i = 0; i < 500; i += 1) {
      const employer = buildEmployer(rng, i, townships, cipher, asOf);
      const vacancy = buildVacancy(rng, employer, townships, asOf);
      if (vacancy.status !== 'published') continue;
      const check = vacancyProblems(vacancy, codes, asOf);
      assert.deepEqual(
        [...check.problems, ...check.refusals, ...check.holds],
        [],
        vacancy.input.title,
      );
    }
  });

  test('the same seed gives the same rows; another seed gives others', async () => {
    const fingerprint = async (url: string) =>
      rowsOf(
        url,
        `select
           (select md5(string_agg(concat_ws('|', id, employer_id, title, description, requirements, pay_min, township_code, status, expires_at), ',' order by id)) from vacancies) as vacancies,
           (select md5(string_agg(concat_ws('|', id, name, credit_code, status), ',' order by id)) from employers) as employers,
           (select md5(string_agg(concat_ws('|', id, user_id, name, birth_date, id_number_index, skills, education::text), ',' order by id)) from seeker_profiles) as seekers,
           (select md5(string_agg(concat_ws('|', id, phone_index, password_hash), ',' order by id)) from users) as users`,
      );
    const generateInto = async (seed: string) => {
      const database: TestDatabase = await createTestDatabase('datagen_again');
      await generateTiny(database.url, seed, api, asOf);
      return database;
    };
    const same = await generateInto('7');
    const other = await generateInto('8');
    try {
      const [first] = await fingerprint(api.database.url);
      const [again] = await fingerprint(same.url);
      const [different] = await fingerprint(other.url);
      assert.deepEqual(again, first);
      assert.notEqual(different.vacancies, first.vacancies);
      assert.notEqual(different.seekers, first.seekers);
    } finally {
      await same.drop();
      await other.drop();
    }
  });

  test('refuses a database that already holds vacancies or seekers', async () => {
    await assert.rejects(
      generateTiny(api.database.url, '7', api, asOf),
      /already has vacancies or seekers/,
    );
  });
});

describe('the public vacancy list at more than 10,000 vacancies', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start('datagen_many');
    await generateData({
      databaseUrl: api.database.url,
      size: { employers: 60, vacancies: 16_000, seekers: 10 },
      seed: 'many',
      piiKey: api.config.privacy.piiKey,
      password: PASSWORD,
      regionsFile: REGIONS,
    });
  });
  afterAll(async () => api?.close());

  test('counts exactly up to 10,000 and then says the total is capped', async () => {
    const all = await api.get('/api/vacancies?pageSize=20');
    assert.equal(all.status, 200);
    assert.deepEqual([all.body.total, all.body.totalCapped], [LIST_COUNT_CAP, true]);
    const township = all.body.items[0].townshipCode;
    const [exact] = await rowsOf(
      api.database.url,
      `select count(*)::int as n from vacancies v join employers e on e.id = v.employer_id
        where v.status = 'published' and e.status not in ('suspended', 'rejected')
          and v.expires_at >= '${chinaToday()}' and v.township_code = '${township}'`,
    );
    const one = await api.get(`/api/vacancies?pageSize=20&townshipCode=${township}`);
    assert.ok(exact.n < LIST_COUNT_CAP);
    assert.deepEqual([one.body.total, one.body.totalCapped], [exact.n, false]);
  });
});

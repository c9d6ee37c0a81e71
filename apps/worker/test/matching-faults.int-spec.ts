import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { JobQueue, QueueName } from '@jipin/core';
import { MatchingService } from '@jipin/matching';
import { eventually, TestApi, WorkerProcess } from '@jipin/testing';

/**
 * The worker is SIGKILLed while it matches a batch of published vacancies and
 * started again: every vacancy ends with its matches, none twice, and the
 * rows are exactly what a clean recomputation gives.
 */
let api: TestApi;
const VACANCIES = 120;

beforeAll(async () => {
  api = await TestApi.start('matchfaults');
});
afterAll(async () => api?.close());

const query = (sql: string, params: unknown[] = []) => api.dataSource.query(sql, params);
const count = async (sql: string): Promise<number> => Number((await query(sql))[0].count);

async function seed(): Promise<string[]> {
  const [staff] = await query(
    `insert into users (role, name) values ('staff', '工作人员') returning id`,
  );
  const [employer] = await query(
    `insert into employers (name, credit_code, industry, size, address, township_code, contact_name,
       contact_phone_cipher, status, owner_user_id)
     values ('测试单位', '91360822MA00000099', '制造业', '100-499', '地址', '360822100000', '联系人', 'x',
       'verified', $1) returning id`,
    [staff.id],
  );
  await query(
    `with u as (insert into users (role, name) select 'seeker', '求职者' from generate_series(1, 4000) returning id)
     insert into seeker_profiles (user_id, name, gender, birth_date, household, township_code,
       desired_occupations, skills, desired_pay_min, employment_status)
     select id, '张三', case when random() < 0.5 then 'male' else 'female' end,
            date '1970-01-01' + (random() * 12000)::int, 'rural', '360822100000',
            array['6-25-04-01'], array['焊工'], 3000 + (random() * 30)::int * 100, 'unemployed'
       from u`,
  );
  const vacancies: { id: string }[] = await query(
    `insert into vacancies (employer_id, title, occupation_code, description, kind, headcount, pay_min,
       pay_max, pay_unit, township_code, address, contact_name, contact_phone_cipher, start_date,
       expires_at, age_min, age_max, status, published_at)
     select $1, '电子设备装配工', '6-25-04-01', '焊接装配', 'regular', 5, 3000 + g * 10, 5000 + g * 10,
            'month', '360822100000', '地址', '联系人', 'x', current_date, current_date + 30,
            18, 30 + g % 30, 'published', now()
       from generate_series(1, ${VACANCIES}) g returning id`,
    [employer.id],
  );
  const ids = vacancies.map((v) => v.id);
  await query(
    `insert into outbox_events (type, aggregate_id, payload)
     select 'vacancy.changed', id, jsonb_build_object('vacancyId', id) from unnest($1::uuid[]) id`,
    [ids],
  );
  return ids;
}

test('killing the worker mid-batch and restarting it loses and duplicates no match', async () => {
  const ids = await seed();
  let worker = new WorkerProcess(api.env).start();
  const runs = () => count(`select count(*) from match_runs where subject_kind = 'vacancy'`);
  try {
    await eventually(async () => (await runs()) >= 3, 60000, 5);
    await worker.kill();
    const atKill = await runs();
    assert.ok(atKill < VACANCIES, `killed mid-batch (${atKill} of ${VACANCIES} done)`);

    worker = new WorkerProcess(api.env).start();
    await eventually(async () => (await runs()) === VACANCIES, 120000);
    await eventually(async () => {
      const jobs = await api.app
        .get(JobQueue)
        .queue(QueueName.Matching)
        .getJobCounts('waiting', 'active', 'prioritized');
      return Object.values(jobs).every((n) => !n);
    }, 60000);
  } finally {
    await worker.stop();
  }

  assert.equal(await count(`select count(*) from outbox_events where delivered_at is null`), 0);
  assert.equal(
    await count(`select count(*) from match_runs where runs <> 1`),
    0,
    'each vacancy was computed once: a rolled-back run left no trace, a duplicate job skipped',
  );
  assert.equal(
    await count(`select count(distinct vacancy_id) from matches`),
    VACANCIES,
    'every vacancy has its matches',
  );
  const snapshot = () =>
    query(
      `select seeker_id, vacancy_id, score, components, explanation from matches
        order by vacancy_id, seeker_id`,
    );
  const afterCrash = await snapshot();
  const matching = api.app.get(MatchingService);
  for (const id of ids) await matching.matchVacancy(id, { force: true });
  assert.deepEqual(await snapshot(), afterCrash, 'the same rows as a clean recomputation');
}, 180000);

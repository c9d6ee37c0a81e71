/**
 * Matching benchmark: generates seekers (COPY) and vacancies on a dedicated
 * database, starts the real worker (outbox relay + match jobs) and measures
 * the time from publishing a vacancy to its stored matches, and how many
 * matches are stored per second when many vacancies are published at once.
 *
 *   npm run bench:matching -- 100000 1000000
 *
 * BENCH_SERVER_URL (default postgres://postgres@127.0.0.1:5432) names the
 * server; the database jipin_bench_matching on it is dropped and recreated.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createLogger, loadConfig, runMigrations } from '@jipin/core';
import { loadRegionTree } from '@jipin/regions';
import { OCCUPATIONS } from '@jipin/vacancies';
import { startWorker } from '../apps/worker/create-worker-app';

const SERVER = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DATABASE = 'jipin_bench_matching';
const DATABASE_URL = `${SERVER}/${DATABASE}`;
const REGIONS_FILE = join(process.cwd(), 'libs', 'regions', 'data', '360822-jishui.json');
const EXISTING_VACANCIES = 2000;
const LATENCY_SAMPLES = 40;
const BURST = 200;

const tree = loadRegionTree(REGIONS_FILE);
const codes = OCCUPATIONS.occupations.map((o) => o.code);
const SKILLS = ['焊工', '电工', '叉车司机', '普工', '保洁', '厨师', 'C1驾照', 'Excel', '缝纫工'];

/** A small deterministic generator so runs are comparable. */
let seed = 42;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

async function recreateDatabase(): Promise<void> {
  const admin = new Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.query(`create database ${DATABASE}`);
  await admin.end();
  await runMigrations(DATABASE_URL);
}

async function copy(client: Client, sql: string, rows: () => Generator<string>): Promise<void> {
  await pipeline(Readable.from(rows()), client.query(copyFrom(sql)));
}

/** Seekers at [from, to): users, profiles and (5 %) a verified 脱贫劳动力 group. */
async function generateSeekers(client: Client, from: number, to: number, staffId: string) {
  const ids: string[] = [];
  for (let i = from; i < to; i++) ids.push(randomUUID());
  await copy(client, `copy users (id, role, name) from stdin`, function* () {
    for (const id of ids) yield `${id}\tseeker\t求职者\n`;
  });
  const verified: string[] = [];
  await copy(
    client,
    `copy seeker_profiles (id, user_id, name, gender, birth_date, household, township_code,
       village_code, education, skills, desired_occupations, desired_pay_min, employment_status,
       visibility, recommendation_opt_out) from stdin`,
    function* () {
      for (const id of ids) {
        const township = pick(tree.townships);
        const village = township.villages.length ? pick(township.villages).code : '\\N';
        const born = `${between(1961, 2009)}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`;
        const education =
          random() < 0.3 ? '[{"level":"senior_high","graduationDate":"2010-06-30"}]' : '[]';
        const wanted = random() < 0.5 ? [pick(codes)] : [pick(codes), pick(codes)];
        const status =
          random() < 0.8 ? 'unemployed' : pick(['employed', 'flexible', 'student'] as const);
        if (random() < 0.05) verified.push(id);
        yield (
          [
            id,
            id,
            '张三',
            random() < 0.5 ? 'male' : 'female',
            born,
            random() < 0.6 ? 'rural' : 'urban',
            township.code,
            village,
            education,
            `{${[...new Set([pick(SKILLS), pick(SKILLS)])].join(',')}}`,
            `{${[...new Set(wanted)].join(',')}}`,
            String(between(25, 70) * 100),
            status,
            random() < 0.9 ? 'open' : 'hidden',
            random() < 0.02 ? 't' : 'f',
          ].join('\t') + '\n'
        );
      }
    },
  );
  await copy(
    client,
    `copy seeker_key_groups (profile_id, code, status, declared_by) from stdin`,
    function* () {
      for (const id of verified) yield `${id}\tpoverty_alleviated\tverified\t${staffId}\n`;
    },
  );
}

interface VacancyPlan {
  id: string;
  values: unknown[];
}

function vacancyPlan(employerId: string): VacancyPlan {
  const welfare = random() < 0.1;
  const code = welfare ? pick(['4-09-08-02', '4-09-08-03']) : pick(codes);
  const min = between(25, 50) * 100;
  const id = randomUUID();
  return {
    id,
    values: [
      id,
      employerId,
      '岗位',
      code,
      '负责日常工作，会焊接、叉车者优先。',
      welfare ? 'public_welfare' : 'regular',
      min,
      min + 1500,
      pick(tree.townships).code,
      welfare ? 18 : pick([null, 16, 18]),
      welfare ? 60 : pick([null, 35, 45, 55]),
      welfare
        ? JSON.stringify({ keyGroups: ['poverty_alleviated', 'monitored'], ageMin: 18, ageMax: 60 })
        : null,
      welfare ? ['poverty_alleviated'] : pick([[], ['rural_labour']]),
    ],
  };
}

const INSERT_VACANCY = `insert into vacancies (id, employer_id, title, occupation_code, description, kind, headcount,
    pay_min, pay_max, pay_unit, township_code, address, contact_name, contact_phone_cipher, start_date, expires_at,
    age_min, age_max, eligibility, target_key_groups, status, published_at)
  values ($1, $2, $3, $4, $5, $6, 5, $7, $8, 'month', $9, '地址', '联系人', 'x', current_date,
    current_date + 60, $10, $11, $12, $13, 'published', now())`;

/** Publishing as the platform does it: the vacancy and its outbox event in one transaction. */
async function publish(client: Client, plans: VacancyPlan[]): Promise<void> {
  await client.query('begin');
  for (const plan of plans) {
    await client.query(INSERT_VACANCY, plan.values);
    await client.query(
      `insert into outbox_events (type, aggregate_id, payload) values ('vacancy.changed', $1, $2)`,
      [plan.id, JSON.stringify({ vacancyId: plan.id })],
    );
  }
  await client.query(`select pg_notify('jipin_outbox', '')`);
  await client.query('commit');
}

async function waitForRuns(client: Client, ids: string[]): Promise<void> {
  for (;;) {
    const { rows } = await client.query(
      `select count(*)::int as n from match_runs where subject_kind = 'vacancy' and subject_id = any($1::uuid[])`,
      [ids],
    );
    if (rows[0].n === ids.length) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function benchmark(seekers: number): Promise<void> {
  console.log(`\n== ${seekers.toLocaleString('en')} seekers ==`);
  await recreateDatabase();
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  const {
    rows: [staff],
  } = await client.query(
    `insert into users (role, name) values ('staff', '工作人员') returning id`,
  );
  const {
    rows: [employer],
  } = await client.query(
    `insert into employers (name, credit_code, industry, size, address, township_code, contact_name,
       contact_phone_cipher, status, owner_user_id)
     values ('基准单位', '91360822MA00000001', '制造业', '100-499', '地址', $1, '联系人', 'x', 'verified', $2)
     returning id`,
    [tree.townships[0].code, staff.id],
  );

  let started = Date.now();
  for (let from = 0; from < seekers; from += 100000)
    await generateSeekers(client, from, Math.min(seekers, from + 100000), staff.id);
  for (let i = 0; i < EXISTING_VACANCIES; i++) {
    const plan = vacancyPlan(employer.id);
    await client.query(INSERT_VACANCY, plan.values);
  }
  await client.query('analyze');
  console.log(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s (COPY)`);

  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'jipin-bench-')),
    JWT_SECRET: randomBytes(32).toString('hex'),
    PII_KEY: randomBytes(32).toString('base64'),
    QUEUE_PREFIX: `jipinbench${randomBytes(3).toString('hex')}`,
    REGIONS_FILE,
    LOG_LEVEL: 'warn',
  });
  const worker = await startWorker(config, DATABASE_URL, createLogger('warn', 'bench-worker'));
  try {
    // Warm-up: the first jobs pay for connections and plans.
    const warm = [vacancyPlan(employer.id), vacancyPlan(employer.id)];
    await publish(client, warm);
    await waitForRuns(
      client,
      warm.map((p) => p.id),
    );

    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const plan = vacancyPlan(employer.id);
      const t0 = performance.now();
      await publish(client, [plan]);
      await waitForRuns(client, [plan.id]);
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);
    const {
      rows: [stored],
    } = await client.query(`select count(*)::int as n from matches`);
    console.log(
      `publish → stored matches, ${LATENCY_SAMPLES} vacancies one at a time: p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${latencies[latencies.length - 1].toFixed(0)} ms (${(stored.n / (LATENCY_SAMPLES + 2)).toFixed(0)} matches stored per vacancy on average)`,
    );

    const burst = Array.from({ length: BURST }, () => vacancyPlan(employer.id));
    started = performance.now();
    await publish(client, burst);
    await waitForRuns(
      client,
      burst.map((p) => p.id),
    );
    const seconds = (performance.now() - started) / 1000;
    const {
      rows: [made],
    } = await client.query(
      `select count(*)::int as n from matches where vacancy_id = any($1::uuid[])`,
      [burst.map((p) => p.id)],
    );
    console.log(
      `burst of ${BURST} vacancies published at once: all matched in ${seconds.toFixed(1)} s; ${made.n} matches stored, ${(made.n / seconds).toFixed(0)} matches/s, ${(BURST / seconds).toFixed(1)} vacancies/s (worker concurrency 4)`,
    );
  } finally {
    await worker.stop();
    await client.end();
  }
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  for (const size of sizes.length ? sizes : [100000]) await benchmark(size);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

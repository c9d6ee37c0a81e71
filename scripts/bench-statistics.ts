import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, REPO_ROOT, runMigrations } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { StatisticsFiguresService, StatisticsService } from '@jipin/statistics';
import { DATA_SIZES, generateData } from './datagen/generate';

/**
 * npm run bench:statistics [-- --size county]
 *
 * A county's year: the generator's employers, vacancies and seekers, plus 48
 * fairs with booths, ~5,000 intents and ~3,500 placements spread over the year
 * (set-based SQL). Then the time to compute every indicator for the year, the
 * per-township table and a monthly series, as the API does. Its own database
 * (jipin_bench_statistics_<size>), kept for reuse: drop it to regenerate.
 */
const ROOT = REPO_ROOT;
const SERVER = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SIZE = process.argv.includes('--size')
  ? process.argv[process.argv.indexOf('--size') + 1]
  : (process.env.BENCH_SIZE ?? 'county');
const YEAR = new Date().getUTCFullYear() - 1;

async function prepare(): Promise<string> {
  const name = `jipin_bench_statistics_${SIZE}`;
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  const exists = await admin.query(`select 1 from pg_database where datname = $1`, [name]);
  if (!exists.rowCount) await admin.query(`create database ${name}`);
  await admin.end();
  if (exists.rowCount) return url.toString();
  await runMigrations(url.toString());
  const size = DATA_SIZES[SIZE];
  if (!size) throw new Error(`--size must be one of ${Object.keys(DATA_SIZES).join(', ')}`);
  console.error(`generating ${SIZE} data into ${name}`);
  await generateData({
    databaseUrl: url.toString(),
    size,
    seed: 'statistics',
    piiKey: createHash('sha256').update('jipin-bench-statistics').digest(),
    password: 'Jipin2026ok',
    regionsFile: join(ROOT, 'libs', 'regions', 'data', '360822-jishui.json'),
    asOf: `${YEAR}-12-31`,
  });
  await addYearOfFairs(url.toString());
  return url.toString();
}

/** 48 fairs over the year, 30 booths each, intents from their check-ins, 70 % of them hired. */
async function addYearOfFairs(url: string): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  const staff = (await db.query(`select id from users where role = 'staff' limit 1`)).rows[0].id;
  await db.query(`select setseed(0.42)`);
  await db.query(
    `insert into fairs (title, mode, venue, township_code, starts_at, ends_at, booth_count, status, created_by)
     select 'bench fair ' || n, 'offline', '人力资源市场', t.code,
            make_date($1, 1 + (n % 12), 1 + (n % 27))::timestamp at time zone 'Asia/Shanghai' + interval '9 hours',
            make_date($1, 1 + (n % 12), 1 + (n % 27))::timestamp at time zone 'Asia/Shanghai' + interval '16 hours',
            40, 'ended', $2
       from generate_series(1, 48) n,
            lateral (select township_code as code from vacancies offset (n % 10) limit 1) t`,
    [YEAR, staff],
  );
  await db.query(
    `insert into fair_booths (fair_id, employer_id, status, booth_number, applied_by)
     select f.id, e.employer_id, 'approved', row_number() over (partition by f.id order by random()), $1
       from fairs f, lateral (select distinct employer_id from vacancies
                               where status = 'published' order by employer_id
                               offset floor(random() * 200)::int limit 30) e`,
    [staff],
  );
  await db.query(
    `insert into fair_booth_vacancies (booth_id, vacancy_id, fair_id)
     select b.id, v.id, b.fair_id from fair_booths b,
       lateral (select id from vacancies where employer_id = b.employer_id and status = 'published' limit 3) v`,
  );
  await db.query(
    `insert into placement_intents (seeker_user_id, seeker_profile_id, vacancy_id, employer_id, township_code,
        source, fair_id, recorded_by, recorded_by_role, recorded_at, follow_up_due_on)
     select p.user_id, p.id, bv.vacancy_id, v.employer_id, p.township_code, 'fair_booth', bv.fair_id, $1, 'staff',
            f.starts_at, (f.starts_at + interval '30 days')::date
       from (select id, user_id, township_code, row_number() over (order by random()) as k
               from seeker_profiles limit 5000) p
       join lateral (select vacancy_id, fair_id from fair_booth_vacancies
                      offset (p.k * 7) % (select count(*) from fair_booth_vacancies) limit 1) bv on true
       join vacancies v on v.id = bv.vacancy_id
       join fairs f on f.id = bv.fair_id
     on conflict (seeker_user_id, vacancy_id) do nothing`,
    [staff],
  );
  await db.query(
    `with hired as (update placement_intents set outcome = 'hired', outcome_by = $1, outcome_at = recorded_at
                     where random() < 0.7 returning *)
     insert into placements (intent_id, seeker_user_id, seeker_profile_id, vacancy_id, employer_id, township_code,
        workplace_township_code, hired_on, key_groups, rural_labour_transfer, urban_new_employment,
        difficulty_reemployment, confirmed_by)
     select h.id, h.seeker_user_id, h.seeker_profile_id, h.vacancy_id, h.employer_id, h.township_code,
            v.township_code, (h.recorded_at + interval '20 days')::date,
            case when p.household = 'rural' then '{rural_labour}'::text[] else '{}' end,
            p.household = 'rural' and v.occupation_code not like '5-%',
            p.employment_status in ('unemployed', 'student') and v.occupation_code not like '5-%',
            random() < 0.1, $1
       from hired h join vacancies v on v.id = h.vacancy_id join seeker_profiles p on p.id = h.seeker_profile_id`,
    [staff],
  );
  await db.query(`analyze`);
  await db.end();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeIt(
  runs: number,
  work: () => Promise<unknown>,
): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main(): Promise<void> {
  const url = await prepare();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    REGIONS_FILE: join(ROOT, 'libs', 'regions', 'data', '360822-jishui.json'),
  });
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  const regions = new RegionsService(config);
  const statistics = new StatisticsService(
    dataSource,
    new StatisticsFiguresService(dataSource, regions),
    regions,
  );
  const year = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
  const counts = await dataSource.query(
    `select (select count(*) from seeker_profiles)::int as seekers, (select count(*) from vacancies)::int as vacancies,
            (select count(*) from fairs)::int as fairs, (select count(*) from placement_intents)::int as intents,
            (select count(*) from placements)::int as placements`,
  );
  console.error(`data: ${JSON.stringify(counts[0])}`);
  const figures = await statistics.indicators(year);
  console.error(figures.map((f) => `${f.name} ${f.value ?? '—'}`).join('；'));
  const all = await timeIt(20, () => statistics.indicators(year));
  const township = await timeIt(20, () =>
    statistics.indicators({ ...year, townshipCode: '360822100000' }),
  );
  const byTownship = await timeIt(5, () => statistics.byTownship(year));
  const monthly = await timeIt(10, () => statistics.monthly('urban_new_employment', year));
  await dataSource.destroy();
  const metrics = [
    { name: `${SIZE} year, all indicators p50`, value: all.p50, unit: 'ms', better: 'lower' },
    { name: `${SIZE} year, all indicators p95`, value: all.p95, unit: 'ms', better: 'lower' },
    { name: `${SIZE} year, one township p95`, value: township.p95, unit: 'ms', better: 'lower' },
    {
      name: `${SIZE} year, 18 townships table p95`,
      value: byTownship.p95,
      unit: 'ms',
      better: 'lower',
    },
    { name: `${SIZE} year, monthly series p95`, value: monthly.p95, unit: 'ms', better: 'lower' },
  ].map((m) => ({ ...m, value: Math.round(m.value * 10) / 10 }));
  for (const m of metrics) console.log(`${m.name}: ${m.value} ${m.unit}`);
  console.log(`BENCH_RESULT ${JSON.stringify({ metrics, note: JSON.stringify(counts[0]) })}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

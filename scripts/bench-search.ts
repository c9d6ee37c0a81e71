import 'reflect-metadata';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@jipin/core';
import {
  indexString,
  measureRelevance,
  PostgresVacancySearch,
  recencyTierSql,
  relevanceDocuments,
  VacancySearchQuery,
} from '@jipin/search';
import { OCCUPATIONS, WELFARE_TAGS } from '@jipin/vacancies';

/**
 * npm run bench:search -- [sizes…] — search latency of the PostgreSQL driver
 * over generated Chinese vacancies, on its own database (BENCH_SEARCH_DATABASE_URL,
 * default jipin_bench on the local server: it replaces the search table, so it
 * never takes the runner's BENCH_DATABASE_URL). Sizes default to 10000 100000.
 */

const SERVER =
  process.env.BENCH_SEARCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/jipin_bench';
const SEED = Number(process.env.BENCH_SEED ?? 20260101);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOWNSHIPS = Array.from({ length: 18 }, (_, i) => `360822${String(100 + i)}000`);
const BRANDS = [
  '恒达',
  '华丰',
  '顺通',
  '宏建',
  '金源',
  '井冈',
  '赣江',
  '庐陵',
  '文峰',
  '鑫盛',
  '天成',
  '绿野',
  '嘉禾',
  '瑞祥',
  '新干线',
  '吉安',
  '永和',
  '康达',
  '宏宇',
  '众鑫',
];
const INDUSTRIES = [
  '电子',
  '鞋业',
  '物流',
  '钢构',
  '食品',
  '服饰',
  '建材',
  '家具',
  '医药',
  '农业开发',
  '餐饮管理',
  '物业服务',
  '汽车维修',
  '光伏科技',
  '竹木制品',
  '包装材料',
];
const PREFIXES = ['', '', '', '急招', '诚聘', '高薪招聘'];
const SUFFIXES = [
  '',
  '',
  '',
  '（长白班）',
  '学徒',
  '（两班倒）',
  '（可日结）',
  '组长',
  '（包吃住）',
];
const SENTENCES = [
  '工作地点在吉水县城西工业园区，交通便利。',
  '有相关工作经验者优先，无经验可安排师傅带教。',
  '按作业指导书完成本岗位工作，服从班组长安排。',
  '公司提供免费工作餐和员工宿舍，宿舍配有空调热水。',
  '试用期一个月，转正后缴纳社会保险。',
  '工资每月15日准时发放，多劳多得。',
  '需持有相关职业资格证书或愿意参加培训取证。',
  '身体健康，吃苦耐劳，责任心强。',
  '欢迎脱贫劳动力、就业困难人员和退役军人报名。',
  '负责仓库货物的收发、盘点和台账登记。',
  '负责设备日常点检和简单维修，保证生产正常运行。',
  '接送上下班，节假日按国家规定发放福利。',
  '适合附近乡镇村民就近就业，时间灵活。',
  '按件计酬，熟练工月收入可达八千元以上。',
];
const KINDS: [string, number][] = [
  ['regular', 0.8],
  ['gig', 0.1],
  ['public_welfare', 0.06],
  ['internship', 0.04],
];
const EDUCATION = [
  'any',
  'any',
  'junior_high',
  'senior_high',
  'vocational',
  'junior_college',
  'bachelor',
];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function weighted(rnd: () => number, options: [string, number][]): string {
  let r = rnd();
  for (const [value, weight] of options) if ((r -= weight) < 0) return value;
  return options[0][0];
}

function uuid(rnd: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const copyText = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
const copyArray = (values: string[]) => `{${values.map((v) => `"${v}"`).join(',')}}`;

/** One generated vacancy as a COPY line for the staging table. */
function* rows(count: number): Generator<string> {
  const rnd = random(SEED);
  const employers = Array.from({ length: Math.max(20, Math.floor(count / 15)) }, () => ({
    id: uuid(rnd),
    name: `吉水县${pick(rnd, BRANDS)}${pick(rnd, INDUSTRIES)}有限公司`,
  }));
  const fairs = Array.from({ length: 48 }, () => uuid(rnd));
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const occupation = pick(rnd, OCCUPATIONS.occupations);
    const name =
      rnd() < 0.4 && occupation.aliases.length ? pick(rnd, occupation.aliases) : occupation.name;
    const title = `${pick(rnd, PREFIXES)}${name}${pick(rnd, SUFFIXES)}`.slice(0, 100);
    const employer = pick(rnd, employers);
    const kind = weighted(rnd, KINDS);
    const unit = kind === 'gig' ? 'day' : 'month';
    const base =
      unit === 'day' ? 120 + Math.floor(rnd() * 200) : 2000 + Math.floor(rnd() * 60) * 100;
    const payMax = base + (unit === 'day' ? 50 : Math.floor(rnd() * 30) * 100);
    const description = Array.from({ length: 3 + Math.floor(rnd() * 4) }, () =>
      pick(rnd, SENTENCES),
    ).join('');
    const welfare = WELFARE_TAGS.filter(() => rnd() < 0.2);
    const keyGroupFriendly = kind === 'public_welfare' || kind === 'internship' || rnd() < 0.15;
    const tags = [kind === 'gig' ? '零工' : '全职', ...(keyGroupFriendly ? ['脱贫劳动力'] : [])];
    const located = rnd() < 0.9;
    const lat = 27.0 + rnd() * 0.45;
    const lng = 114.95 + rnd() * 0.45;
    const published = new Date(now - Math.floor(rnd() * 90 * 86400000)).toISOString();
    const fairIds = rnd() < 0.05 ? [pick(rnd, fairs)] : [];
    yield (
      [
        uuid(rnd),
        copyText(title),
        occupation.code,
        occupation.name,
        copyText(description),
        employer.id,
        employer.name,
        copyArray(tags),
        kind,
        pick(rnd, TOWNSHIPS),
        base,
        payMax,
        unit,
        pick(rnd, EDUCATION),
        copyArray(welfare),
        keyGroupFriendly,
        published,
        copyArray(fairIds),
        located ? lat : '\\N',
        located ? lng : '\\N',
        i + 1,
        indexString(title),
        indexString(occupation.name),
        indexString([employer.name, ...tags].join(' ')),
        indexString(description),
      ].join('\t') + '\n'
    );
  }
}

async function ensureDatabase(server = SERVER): Promise<void> {
  const url = new URL(server);
  const name = url.pathname.slice(1);
  if (!/bench/.test(name))
    throw new Error(`Refusing to use "${name}": its name does not say it is for benchmarks`);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  const exists = await admin.query(`select 1 from pg_database where datname = $1`, [name]);
  if (!exists.rowCount) await admin.query(`create database ${name}`);
  await admin.end();
  await runMigrations(server);
}

/**
 * The relevance suite's queries over its fixed postings (libs/search/relevance), on a
 * database of its own next to the benchmark's: precision@10, recall and MRR.
 */
async function relevance(): Promise<{ precisionAt10: number; recall: number; mrr: number }> {
  const url = new URL(SERVER);
  url.pathname = `${url.pathname}_relevance`;
  await ensureDatabase(url.toString());
  const dataSource = new DataSource(dataSourceOptions(url.toString(), { poolSize: 2 }));
  await dataSource.initialize();
  try {
    await dataSource.query(`delete from vacancy_search_documents`);
    const search = new PostgresVacancySearch(dataSource);
    const documents = relevanceDocuments();
    await search.upsert(documents);
    const report = await measureRelevance(search, documents);
    const wrong = report.outcomes.filter((o) => o.problems.length);
    console.log(
      `\n== relevance: ${report.outcomes.length} queries over ${documents.length} postings` +
        `\nprecision@10 ${report.precisionAt10.toFixed(3)}  recall ${report.recall.toFixed(3)}  MRR ${report.mrr.toFixed(3)}  must-not hits ${report.mustNotHits}` +
        wrong.map((o) => `\n  ${o.q}: ${o.problems.join('; ')}`).join(''),
    );
    return report;
  } finally {
    await dataSource.destroy();
  }
}

async function load(count: number): Promise<number> {
  const started = Date.now();
  const client = new Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(`truncate vacancy_search_documents`);
    // GIN indexes are built once after the load: maintaining them row by row is far slower.
    const ginIndexes: { indexdef: string; indexname: string }[] = (
      await client.query(
        `select indexname, indexdef from pg_indexes
         where tablename = 'vacancy_search_documents' and indexdef like '%USING gin (tsv)%'`,
      )
    ).rows;
    for (const { indexname } of ginIndexes) await client.query(`drop index ${indexname}`);
    await client.query(`drop table if exists bench_staging`);
    await client.query(`create unlogged table bench_staging (id uuid, title text, occupation_code text,
      occupation_name text, description text, employer_id uuid, employer_name text, tags text[],
      kind text, township_code text, pay_min numeric, pay_max numeric, pay_unit text, education text,
      welfare_tags text[], key_group_friendly boolean, published_at timestamptz, fair_ids uuid[],
      lat float8, lng float8, version bigint, a text, b text, c text, d text)`);
    await pipeline(
      Readable.from(rows(count)),
      client.query(copyFrom(`copy bench_staging from stdin`)),
    );
    // Same tsvector as the driver's upsert builds.
    await client.query(`insert into vacancy_search_documents (id, title, occupation_code, occupation_name,
        description, employer_id, employer_name, tags, kind, township_code, pay_min, pay_max, pay_unit,
        education, welfare_tags, key_group_friendly, published_at, fair_ids, lat, lng, version,
        recency_tier, tsv)
      select id, title, occupation_code, occupation_name, description, employer_id, employer_name, tags,
        kind, township_code, pay_min, pay_max, pay_unit, education, welfare_tags, key_group_friendly,
        published_at, fair_ids, lat, lng, version, ${recencyTierSql('published_at')},
        setweight(to_tsvector('simple', a), 'A') || setweight(to_tsvector('simple', b), 'B')
          || setweight(to_tsvector('simple', c), 'C') || setweight(to_tsvector('simple', d), 'D')
          || vacancy_search_filter_lexemes(kind, township_code, occupation_code, education,
               pay_unit, welfare_tags, key_group_friendly, employer_id, fair_ids)
      from bench_staging`);
    await client.query(`drop table bench_staging`);
    for (const { indexdef } of ginIndexes) await client.query(indexdef);
    await client.query(`vacuum analyze vacancy_search_documents`);
  } finally {
    await client.end();
  }
  return Date.now() - started;
}

const TOWN = { lat: 27.2, lng: 115.13 };
/** A mix of what people search for: common and rare words, filters, sorts, nearby. */
const QUERIES: [string, VacancySearchQuery][] = [
  ['普工 (synonyms)', { q: '普工' }],
  ['司机 + township', { q: '司机', townshipCode: '360822101000' }],
  ['保洁 + public welfare', { q: '保洁', kind: 'public_welfare' }],
  ['焊工 by pay', { q: '焊工', sort: 'pay' }],
  ['仓库 last 7 days', { q: '仓储管理', postedWithinDays: 7 }],
  ['厨师 pay ≥ 4000', { q: '厨师', payUnit: 'month', payMin: 4000 }],
  ['电子装配 + welfare', { q: '电子设备装配', welfareTags: ['包吃', '包住'] }],
  ['one char 焊', { q: '焊' }],
  ['company name', { q: '恒达鞋业' }],
  ['no text: township + kind', { townshipCode: '360822104000', kind: 'regular', sort: 'newest' }],
  ['nearby 5 km', { point: TOWN, radiusKm: 5, sort: 'distance' }],
  ['养老护理 key groups', { q: '养老护理', keyGroupFriendly: true }],
  ['page 5 of 电工', { q: '电工', page: 5 }],
  ['保结 (sounds like 保洁)', { q: '保结' }],
  ['baojie (pinyin)', { q: 'baojie' }],
  ['包住 (welfare as a word)', { q: '包住' }],
  ['电工，持证 (partial)', { q: '电工，持证' }],
  ['急招 普工 (intent)', { q: '急招 普工' }],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const fmt = (ms: number) => ms.toFixed(1).padStart(7);

async function measure(search: PostgresVacancySearch, facets: boolean) {
  const all: number[] = [];
  const perQuery = new Map<string, number[]>();
  for (const [, query] of QUERIES) await search.search({ ...query, facets }); // warm up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, query] of QUERIES) {
      const started = process.hrtime.bigint();
      await search.search({ ...query, facets });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      all.push(ms);
      perQuery.set(label, [...(perQuery.get(label) ?? []), ms]);
    }
  }
  return { all: all.sort((a, b) => a - b), perQuery };
}

async function main(): Promise<void> {
  const sizes = (process.argv.length > 2 ? process.argv.slice(2) : ['10000', '100000'])
    .map(Number)
    .filter((n) => n > 0);
  const metrics: { name: string; value: number; unit: string; better: string }[] = [];
  const metric = (name: string, value: number) =>
    metrics.push({ name, value: Math.round(value * 10) / 10, unit: 'ms', better: 'lower' });
  await ensureDatabase();
  const dataSource = new DataSource(dataSourceOptions(SERVER, { poolSize: 8 }));
  await dataSource.initialize();
  const search = new PostgresVacancySearch(dataSource);
  const [{ version }] = await dataSource.query(`select version()`);
  console.log(
    `PostgreSQL: ${version.split(',')[0]}; seed ${SEED}; ${ROUNDS} rounds of ${QUERIES.length} queries`,
  );
  try {
    for (const size of sizes) {
      // BENCH_REUSE=1 measures what the database already holds (same seed and size).
      const loadMs = process.env.BENCH_REUSE === '1' ? 0 : await load(size);
      // As the reconcile job does: tiers follow the clock, the data was generated earlier.
      await search.maintain();
      await dataSource.query(`vacuum analyze vacancy_search_documents`);
      const capped = await Promise.all(QUERIES.map(([, query]) => search.search(query)));
      const [{ bytes }] = await dataSource.query(
        `select pg_total_relation_size('vacancy_search_documents') as bytes`,
      );
      console.log(
        `\n== ${size.toLocaleString('en')} vacancies (loaded in ${(loadMs / 1000).toFixed(1)} s, ${(Number(bytes) / 1048576).toFixed(0)} MB with indexes)`,
      );
      for (const facets of [true, false]) {
        const { all, perQuery } = await measure(search, facets);
        if (facets) {
          const label = size >= 1e6 ? `${size / 1e6}M` : `${size / 1e3}k`;
          metric(`postgres ${label} p50`, percentile(all, 50));
          metric(`postgres ${label} p95`, percentile(all, 95));
          metric(`postgres ${label} p99`, percentile(all, 99));
        }
        console.log(
          `search ${facets ? 'with facets   ' : 'without facets'}  p50 ${fmt(percentile(all, 50))} ms  p95 ${fmt(percentile(all, 95))} ms  p99 ${fmt(percentile(all, 99))} ms`,
        );
        if (facets)
          for (const [index, [label, times]] of [...perQuery].entries()) {
            const sorted = times.sort((a, b) => a - b);
            const { total, totalCapped } = capped[index];
            console.log(
              `  ${label.padEnd(28)} p50 ${fmt(percentile(sorted, 50))}  p95 ${fmt(percentile(sorted, 95))}  total ${totalCapped ? `${total}+` : total}`,
            );
          }
      }
      const suggest: number[] = [];
      for (let round = 0; round < ROUNDS; round++)
        for (const prefix of ['电子', '司', '保洁', '叉车司机', '养老']) {
          const started = process.hrtime.bigint();
          await search.suggest(prefix);
          suggest.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
      suggest.sort((a, b) => a - b);
      console.log(
        `suggest                 p50 ${fmt(percentile(suggest, 50))} ms  p95 ${fmt(percentile(suggest, 95))} ms  p99 ${fmt(percentile(suggest, 99))} ms`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
  const quality = await relevance();
  for (const [name, value] of [
    ['relevance precision@10', quality.precisionAt10],
    ['relevance recall', quality.recall],
    ['relevance MRR', quality.mrr],
  ] as const)
    metrics.push({ name, value: Math.round(value * 1000) / 1000, unit: '', better: 'higher' });
  console.log(`BENCH_RESULT ${JSON.stringify({ metrics })}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { REPO_ROOT, runMigrations } from '@jipin/core';
import { ApiProcess, peakRssBytes, WorkerProcess } from '@jipin/testing';
import {
  apply,
  apiSearch,
  apiSuggest,
  liveness,
  LoadOptions,
  vacancyById,
  vacancyByIdSpread,
  vacancyList,
} from './bench/api-load';
import { fairDay, login, profileSave } from './bench/busy-day';
import { BenchMetric, BenchRun, formatTable, regressions } from './bench/metrics';
import { pinning, pinProcess } from './bench/pinning';
import { formatTargets, targetVerdicts } from './bench/targets';
import { queueThroughput } from './bench/queue-throughput';
import { runSectionScript, sectionScripts } from './bench/section-scripts';
import { DATA_SIZES, generateData } from './datagen/generate';
import { seekerPhone } from './datagen/identifiers';

/**
 * npm run bench -- [--size county] [--seed 1] [--sections api,memory,queue,scripts]
 *                  [--routes apply,login,…] [--scripts messages] [--duration 10] [--connections 32]
 *                  [--compare bench-results/x.json]
 *                  [--server-url postgres://…/postgres | --database-url … --pii-key …]
 *
 * Prepares a generated database (kept for the next run), starts the real API
 * and worker processes on it, measures, prints a table and writes
 * bench-results/<timestamp>.json. See docs/benchmarks.md.
 */
const ROOT = REPO_ROOT;
const BENCH_PASSWORD = 'Bench2026ok';

/** An API starts in 3–6 s on a quiet machine, but took over 30 s at load 20 on the shared one. */
const API_START_MS = 120_000;

/**
 * The API section's routes, in the order they run: writes after reads (they add rows),
 * login last (hashes still queued when its load ends would bill the next section).
 */
const API_ROUTES = [
  ['health', liveness],
  ['by-id', vacancyById],
  ['list', vacancyList],
  ['search', apiSearch],
  ['suggest', apiSuggest],
  ['apply', apply],
  ['profile', profileSave],
  ['fair', fairDay],
  ['login', login],
] as const;

/** Generated data arrives by COPY, past the outbox: the search index is built once here. */
async function fillSearchIndex(
  databaseUrl: string,
  env: Record<string, string | undefined>,
  say: (line: string) => void,
): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(`select count(*)::int as n from vacancy_search_documents`);
  await client.end();
  if (rows[0].n > 0) return;
  say('search index empty: npm run search:reindex');
  execFileSync(process.execPath, [join(ROOT, 'dist', 'scripts', 'search-reindex.js')], {
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'county' },
      seed: { type: 'string', default: '1' },
      'server-url': {
        type: 'string',
        default: process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      },
      'database-url': { type: 'string' },
      'pii-key': { type: 'string', default: process.env.PII_KEY },
      password: { type: 'string', default: BENCH_PASSWORD },
      'redis-url': { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
      sections: { type: 'string', default: 'api,memory,scripts,queue' },
      routes: { type: 'string', default: API_ROUTES.map(([name]) => name).join(',') },
      /** Only these section scripts, e.g. `--scripts messages,search` (default: all). */
      scripts: { type: 'string' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '32' },
      'api-processes': { type: 'string', default: '2' },
      'queue-jobs': { type: 'string', default: '5000' },
      compare: { type: 'string' },
      pin: { type: 'boolean', default: false },
      out: { type: 'string', default: join(ROOT, 'bench-results') },
    },
  });
  const sections = new Set(values.sections!.split(','));
  const run: BenchRun = {
    startedAt: new Date().toISOString(),
    machine: {},
    options: { ...values },
    metrics: [],
    skipped: [],
  };
  const say = (line: string) => console.error(`[bench] ${line}`);
  const redisUrl = (await redisAnswers(values['redis-url']!)) ? values['redis-url'] : undefined;
  if (!redisUrl)
    run.skipped.push({ section: 'queue redis', reason: `no Redis at ${values['redis-url']}` });

  const database = await prepareDatabase(values, run.metrics, say);
  run.machine = await machine(database.url, redisUrl);
  say(`database ${database.name}; machine ${JSON.stringify(run.machine)}`);

  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    QUEUE_BACKEND: redisUrl ? 'redis' : 'postgres',
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `jipinbench${randomBytes(3).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PII_KEY: database.piiKey,
    LOG_LEVEL: 'warn',
    DATA_DIR: join(tmpdir(), 'jipin-bench'),
    WEB_DIST: join(tmpdir(), 'jipin-bench-no-web'),
    REGIONS_FILE: join(ROOT, 'libs', 'regions', 'data', '360822-jishui.json'),
    RATE_LIMIT_LOGIN: '100000',
    RATE_LIMIT_SEARCH: '10000000',
    // bench-messages sends from a few hundred seekers: the limiter runs, but never refuses.
    MESSAGE_SENDS_PER_MINUTE: '1000000',
    SEED_DEMO_DATA: 'false',
    // BENCH_SEARCH_CACHE_SECONDS=0: every search asks the index (the hot-search cache off).
    SEARCH_CACHE_SECONDS: process.env.BENCH_SEARCH_CACHE_SECONDS ?? '10',
    // BENCH_LIST_CACHE_SECONDS=0: every page of the list is read from PostgreSQL.
    LIST_CACHE_SECONDS: process.env.BENCH_LIST_CACHE_SECONDS ?? '10',
  };
  const port = 3900 + Math.floor(Math.random() * 90);
  const api = new ApiProcess(env, port);
  // BENCH_WORKER_NODE_OPTIONS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/wprof", profiles the worker.
  const worker = new WorkerProcess({
    ...env,
    LOG_LEVEL: 'warn',
    ...(process.env.BENCH_WORKER_NODE_OPTIONS
      ? { NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS }
      : {}),
  });
  const seekerPhones = Array.from({ length: 400 }, (_, i) => seekerPhone(i));
  // --pin: the load generator (autocannon, in this process) gets the last core to itself and the
  // API processes the others, so that API processes are compared on cores they do not share.
  const cores = values.pin ? pinning() : undefined;
  if (cores) pinProcess(process.pid, cores.loadGenerator);
  run.machine.pinning = cores
    ? `load generator on CPU ${cores.loadGenerator}, API processes on CPUs ${cores.api}`
    : 'none';
  try {
    // e.g. BENCH_API_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the API under load
    await api.start(
      API_START_MS,
      (process.env.BENCH_API_NODE_OPTIONS ?? '').split(' ').filter(Boolean),
    );
    if (cores) pinProcess(api.pid!, cores.api);
    worker.start();
    const routes = new Set(values.routes!.split(','));
    if (routes.has('search') || routes.has('suggest') || sections.has('scripts'))
      await fillSearchIndex(database.url, env, say);
    const load: LoadOptions = {
      baseUrl: api.baseUrl,
      databaseUrl: database.url,
      connections: Number(values.connections),
      durationSeconds: Number(values.duration),
      apiPid: api.pid,
      jwtSecret: env.JWT_SECRET,
      seekerPhones,
      password: database.password,
      piiKey: database.piiKey,
    };
    if (sections.has('api')) {
      for (const [name, measure] of API_ROUTES) {
        if (!routes.has(name)) continue;
        say(`api: ${name}`);
        run.metrics.push(...(await measure(load)));
        if (!existsSync(`/proc/${api.pid}`))
          throw new Error(`the API died during ${name}:\n${api.output.slice(-30).join('\n')}`);
      }
      const processes = Number(values['api-processes']);
      if (processes > 1 && routes.has('by-id')) {
        say(`api: vacancy by id over ${processes} API processes`);
        const more = Array.from(
          { length: processes - 1 },
          (_, i) => new ApiProcess(env, port + 1 + i),
        );
        try {
          await Promise.all(more.map((p) => p.start(API_START_MS)));
          if (cores) for (const p of more) pinProcess(p.pid!, cores.api);
          run.metrics.push(
            ...(await vacancyByIdSpread(
              load,
              [api, ...more].map((p) => p.baseUrl),
            )),
          );
        } finally {
          await Promise.all(more.map((p) => p.stop()));
        }
      }
    }
    if (sections.has('scripts')) {
      const scriptsDir = join(ROOT, 'dist', 'scripts');
      const only = values.scripts?.split(',').map((name) => `bench-${name}`);
      for (const name of sectionScripts(scriptsDir).filter((n) => !only || only.includes(n))) {
        say(`section script ${name}`);
        const outcome = await runSectionScript(
          scriptsDir,
          name,
          {
            BENCH_DATABASE_URL: database.url,
            BENCH_API_URL: api.baseUrl,
            BENCH_API_PID: String(api.pid),
            BENCH_SIZE: values.size!,
            BENCH_SEED: values.seed!,
            BENCH_PII_KEY: database.piiKey,
            BENCH_PASSWORD: database.password,
            BENCH_SEEKER_PHONES: seekerPhones.join(','),
            BENCH_DURATION_SECONDS: values.duration!,
            BENCH_CONNECTIONS: values.connections!,
            BENCH_REDIS_URL: redisUrl,
            BENCH_MEILI_URL: process.env.MEILI_URL,
          },
          15 * 60 * 1000,
        );
        if ('metrics' in outcome) run.metrics.push(...outcome.metrics);
        else {
          say(`skipped ${name}: ${outcome.skipped}`);
          run.skipped.push({ section: name, reason: outcome.skipped });
        }
      }
    }
    if (sections.has('memory')) {
      for (const [name, pid] of [
        ['API peak RSS', api.pid],
        ['worker peak RSS', worker.pid],
      ] as const) {
        const bytes = peakRssBytes(pid);
        if (bytes)
          run.metrics.push({
            section: 'memory',
            name,
            value: bytes / 2 ** 20,
            unit: 'MiB',
            better: 'lower',
          });
      }
    }
  } finally {
    await Promise.all([api.stop(), worker.stop()]);
  }
  if (sections.has('queue')) {
    const jobs = Number(values['queue-jobs']);
    if (redisUrl) {
      say('queue: redis');
      run.metrics.push(
        ...(await queueThroughput('redis', { redisUrl, databaseUrl: database.url }, jobs)),
      );
    }
    say('queue: postgres');
    run.metrics.push(
      ...(await queueThroughput('postgres', { databaseUrl: database.url }, Math.min(jobs, 2000))),
    );
  }

  run.machine.loadAverageAtEnd = loadavg()[0].toFixed(2);
  mkdirSync(values.out!, { recursive: true });
  const file = join(values.out!, `${run.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(run, null, 2));
  const previous = values.compare
    ? (JSON.parse(readFileSync(values.compare, 'utf8')) as BenchRun)
    : undefined;
  console.log(formatTable(run, previous));
  console.log(`\nmachine: ${JSON.stringify(run.machine)}`);
  for (const skipped of run.skipped) console.log(`skipped: ${skipped.section}: ${skipped.reason}`);
  console.log(`\n${formatTargets(targetVerdicts(run, previous))}`);
  if (previous) {
    const slower = regressions(run, previous);
    if (!slower.length) console.log(`\nnothing got slower than ${values.compare} (tolerance 10%)`);
    for (const r of slower)
      console.log(
        `SLOWER: ${r.metric.section} / ${r.metric.name}: ${r.previous.toFixed(2)} → ${r.metric.value.toFixed(2)} ${r.metric.unit} (${(r.worseBy * 100).toFixed(1)}% worse)`,
      );
  }
  console.log(`\nwritten: ${file}`);
}

interface BenchDatabase {
  name: string;
  url: string;
  piiKey: string;
  password: string;
}

/** The generated database of this size and seed, made (and kept) on first use. */
async function prepareDatabase(
  values: Record<string, string | boolean | undefined>,
  metrics: BenchMetric[],
  say: (line: string) => void,
): Promise<BenchDatabase> {
  if (values['database-url']) {
    if (!values['pii-key'])
      throw new Error('--database-url needs --pii-key (the key the data was generated with)');
    const url = String(values['database-url']);
    return {
      name: new URL(url).pathname.slice(1),
      url,
      piiKey: String(values['pii-key']),
      password: String(values.password),
    };
  }
  const size = DATA_SIZES[String(values.size)];
  if (!size) throw new Error(`--size must be one of ${Object.keys(DATA_SIZES).join(', ')}`);
  const seed = String(values.seed);
  const name = `jipin_bench_${values.size}_${seed.replace(/\W/g, '_')}`;
  const piiKey = createHash('sha256').update(`jipin-bench-pii:${seed}`).digest('base64');
  const server = new URL(String(values['server-url']));
  const url = new URL(server);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    const exists = await admin.query(`select 1 from pg_database where datname = $1`, [name]);
    if (exists.rowCount) {
      say(`reusing ${name} (drop it to regenerate)`);
      await runMigrations(url.toString()); // a database kept from an older build gets the new tables
      return { name, url: url.toString(), piiKey, password: BENCH_PASSWORD };
    }
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  await runMigrations(url.toString());
  say(`generating ${values.size} data into ${name}`);
  const report = await generateData({
    databaseUrl: url.toString(),
    size,
    seed,
    piiKey: Buffer.from(piiKey, 'base64'),
    password: BENCH_PASSWORD,
    regionsFile: join(ROOT, 'libs', 'regions', 'data', '360822-jishui.json'),
    log: say,
  });
  for (const table of ['vacancies', 'seeker_profiles'])
    metrics.push({
      section: 'datagen',
      name: `${table} COPY`,
      value: report.counts[table] / report.seconds[table],
      unit: 'rows/s',
      better: 'higher',
    });
  return { name, url: url.toString(), piiKey, password: BENCH_PASSWORD };
}

async function redisAnswers(url: string): Promise<boolean> {
  const client = new IORedis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function machine(
  databaseUrl: string,
  redisUrl: string | undefined,
): Promise<Record<string, string | number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(`select current_setting('server_version') as version,
    (select count(*) from vacancies)::int as vacancies, (select count(*) from seeker_profiles)::int as seekers`);
  await client.end();
  let redis = 'none';
  if (redisUrl) {
    const r = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
    redis = (await r.info('server')).match(/redis_version:(\S+)/)?.[1] ?? 'unknown';
    r.disconnect();
  }
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: rows[0].version,
    redis,
    loadAverageAtStart: loadavg()[0].toFixed(2),
    vacancies: rows[0].vacancies,
    seekers: rows[0].seekers,
  };
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

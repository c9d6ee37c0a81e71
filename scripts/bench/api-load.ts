import autocannon from 'autocannon';
import { Client } from 'pg';
import { processCpuMs } from '@jipin/testing';
import { chinaToday } from '@jipin/vacancies';
import { BenchMetric } from './metrics';
import { openSessions } from './sessions';

export interface LoadOptions {
  baseUrl: string;
  databaseUrl: string;
  connections: number;
  durationSeconds: number;
  /** The API process, when it runs on this machine: its CPU time per request is reported. */
  apiPid?: number;
  /** The API's JWT secret: the runner opens sessions for many people without logging each in. */
  jwtSecret: string;
  /** Phones of generated seekers with a password, and that password. */
  seekerPhones: string[];
  password: string;
  /** The PII key the data was generated with (to find which of those phones have a password). */
  piiKey: string;
}

function figures(
  section: string,
  name: string,
  result: autocannon.Result,
  apiCpuMs?: number,
): BenchMetric[] {
  // 503 is how the API sheds load it cannot serve in time (with Retry-After and a Chinese
  // message): reported apart from failures, and kept out of req/s and the CPU's divisor.
  const shed = result.statusCodeStats?.['503']?.count ?? 0;
  const failed = result.non2xx - shed + result.errors + result.timeouts;
  const answered = result['2xx'] + result.non2xx - shed;
  const cpu: BenchMetric[] =
    apiCpuMs === undefined || !answered
      ? []
      : [
          {
            section,
            name: `${name} API CPU per request`,
            value: apiCpuMs / answered,
            unit: 'ms',
            better: 'lower',
            note: 'user + system CPU of the API process; independent of other load on the machine',
          },
        ];
  return [
    {
      section,
      name: `${name} req/s`,
      value: shed ? result['2xx'] / result.duration : result.requests.average,
      unit: 'req/s',
      better: 'higher',
      ...(shed ? { note: 'successful (2xx) requests only' } : {}),
    },
    { section, name: `${name} p50`, value: result.latency.p50, unit: 'ms', better: 'lower' },
    { section, name: `${name} p97.5`, value: result.latency.p97_5, unit: 'ms', better: 'lower' },
    { section, name: `${name} p99`, value: result.latency.p99, unit: 'ms', better: 'lower' },
    { section, name: `${name} failed`, value: failed, unit: 'requests', better: 'lower' },
    ...(shed
      ? [
          {
            section,
            name: `${name} shed (503, Retry-After)`,
            value: shed,
            unit: 'requests',
            better: 'lower' as const,
            note: 'refused at once under overload, with a Chinese message and Retry-After',
          },
        ]
      : []),
    ...cpu,
  ];
}

/** Runs a load against the one API process and measures the CPU it spent meanwhile. */
async function withApiCpu(
  options: LoadOptions,
  load: () => Promise<autocannon.Result>,
): Promise<{ result: autocannon.Result; apiCpuMs?: number }> {
  const pid = options.apiPid;
  const before = pid ? processCpuMs(pid) : 0;
  const result = await load();
  return { result, apiCpuMs: pid ? processCpuMs(pid) - before : undefined };
}

async function query<T>(databaseUrl: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Vacancies anyone may read; regular ones (no eligibility rules) for applying. */
async function visibleVacancies(databaseUrl: string, regularOnly: boolean): Promise<string[]> {
  const rows = await query<{ id: string }>(
    databaseUrl,
    `select v.id from vacancies v join employers e on e.id = v.employer_id
      where v.status = 'published' and e.status = 'verified' and v.expires_at >= '${chinaToday()}'
        ${regularOnly ? `and v.kind = 'regular'` : ''}
      order by v.id limit 2000`,
  );
  if (!rows.length) throw new Error('No published vacancies in the benchmark database');
  return rows.map((r) => r.id);
}

function cycling(paths: string[]) {
  let next = 0;
  return (req: autocannon.RawRequest) => ({ ...req, path: paths[next++ % paths.length] });
}

/** Runs a load and returns its figures with the API's CPU per request. */
export async function measureLoad(
  options: LoadOptions,
  name: string,
  load: () => Promise<autocannon.Result>,
): Promise<BenchMetric[]> {
  const { result, apiCpuMs } = await withApiCpu(options, load);
  return figures('api', name, result, apiCpuMs);
}

/**
 * CPU (user + system, ms) of the PostgreSQL backends serving the API, read from /proc
 * when the server runs on this machine; undefined otherwise.
 */
async function backendCpuMs(databaseUrl: string): Promise<Map<number, number> | undefined> {
  const rows = await query<{ pid: number }>(
    databaseUrl,
    `select pid from pg_stat_activity
      where datname = current_database() and application_name = 'jipin-api'`,
  );
  try {
    return new Map(rows.map(({ pid }) => [pid, processCpuMs(pid)]));
  } catch {
    return undefined; // a server elsewhere, or a backend gone meanwhile
  }
}

/**
 * The database's CPU during a load: the backends there at the end, less what those there at the
 * start had spent. A backend that ended meanwhile is missed: the pool keeps its connections
 * while busy, so under load none does.
 */
async function withDatabaseCpu<T>(
  options: LoadOptions,
  load: () => Promise<T>,
): Promise<{ outcome: T; databaseCpuMs?: number }> {
  const before = await backendCpuMs(options.databaseUrl).catch(() => undefined);
  const outcome = await load();
  const after = before && (await backendCpuMs(options.databaseUrl).catch(() => undefined));
  if (!before || !after) return { outcome };
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return { outcome, databaseCpuMs: spent };
}

/**
 * GETs the paths in turn on every connection; the section's figures with the API's CPU, and
 * with the database's when `databaseCpu` (the search routes, whose work is mostly there).
 */
async function getEach(
  options: LoadOptions,
  name: string,
  paths: string[],
  databaseCpu = false,
): Promise<BenchMetric[]> {
  const run = () =>
    withApiCpu(options, () =>
      autocannon({
        url: options.baseUrl,
        connections: options.connections,
        duration: options.durationSeconds,
        requests: [{ method: 'GET', setupRequest: cycling(paths) }],
      }),
    );
  if (!databaseCpu) {
    const { result, apiCpuMs } = await run();
    return figures('api', name, result, apiCpuMs);
  }
  const { outcome, databaseCpuMs } = await withDatabaseCpu(options, run);
  const { result, apiCpuMs } = outcome;
  const answered = result['2xx'] + result.non2xx;
  return [
    ...figures('api', name, result, apiCpuMs),
    ...(databaseCpuMs === undefined || !answered
      ? []
      : [
          {
            section: 'api',
            name: `${name} database CPU per request`,
            value: databaseCpuMs / answered,
            unit: 'ms',
            better: 'lower' as const,
            note: 'user + system CPU of the PostgreSQL backends serving the API process',
          },
        ]),
  ];
}

/** The framework's ceiling on this machine: a route that touches no database. */
export async function liveness(options: LoadOptions): Promise<BenchMetric[]> {
  const { result, apiCpuMs } = await withApiCpu(options, () =>
    autocannon({
      url: `${options.baseUrl}/health/live`,
      connections: options.connections,
      duration: options.durationSeconds,
    }),
  );
  return figures('api', 'health/live (no database)', result, apiCpuMs);
}

export async function vacancyById(options: LoadOptions): Promise<BenchMetric[]> {
  const ids = await visibleVacancies(options.databaseUrl, false);
  return getEach(
    options,
    'vacancy by id',
    ids.map((id) => `/api/vacancies/${id}`),
  );
}

/**
 * The same load split over several API processes on one database, as a load
 * balancer would: summed req/s, and the worst instance's latencies.
 */
export async function vacancyByIdSpread(
  options: LoadOptions,
  baseUrls: string[],
): Promise<BenchMetric[]> {
  const ids = await visibleVacancies(options.databaseUrl, false);
  const results = await Promise.all(
    baseUrls.map((url) =>
      autocannon({
        url,
        connections: Math.max(1, Math.round(options.connections / baseUrls.length)),
        duration: options.durationSeconds,
        requests: [
          { method: 'GET', setupRequest: cycling(ids.map((id) => `/api/vacancies/${id}`)) },
        ],
      }),
    ),
  );
  const worst = (pick: (r: autocannon.Result) => number) => Math.max(...results.map(pick));
  const combined = {
    ...results[0],
    requests: {
      ...results[0].requests,
      average: results.reduce((sum, r) => sum + r.requests.average, 0),
    },
    latency: {
      ...results[0].latency,
      p50: worst((r) => r.latency.p50),
      p97_5: worst((r) => r.latency.p97_5),
      p99: worst((r) => r.latency.p99),
    },
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
  };
  return figures('api', `vacancy by id, ${baseUrls.length} API processes`, combined);
}

/**
 * The public search API over what the index holds: common and rare words,
 * filters, pay sort, newest in a township, nearby, a later page (as bench-search).
 */
export async function apiSearch(options: LoadOptions): Promise<BenchMetric[]> {
  const townships = await query<{ code: string }>(
    options.databaseUrl,
    `select distinct township_code as code from vacancy_search_documents limit 6`,
  );
  if (!townships.length) throw new Error('The search index is empty: run npm run search:reindex');
  const search = (params: Record<string, string>) =>
    `/api/search/vacancies?${new URLSearchParams(params).toString()}`;
  const paths = [
    search({ q: '普工' }),
    search({ q: '焊工', sort: 'pay' }),
    search({ q: '厨师', payUnit: 'month', payMin: '4000' }),
    search({ q: '保洁', kind: 'public_welfare' }),
    search({ q: '电工', page: '5' }),
    search({ q: '焊' }),
    search({ lat: '27.2', lng: '115.13', radiusKm: '5', sort: 'distance' }),
    ...townships.flatMap(({ code }) => [
      search({ q: '司机', townshipCode: code }),
      search({ townshipCode: code, sort: 'newest' }),
    ]),
  ];
  return getEach(options, 'search', paths, true);
}

/** As-you-type suggestions: first characters, whole words, pinyin and a misspelling by sound. */
export async function apiSuggest(options: LoadOptions): Promise<BenchMetric[]> {
  const prefixes = [
    '普',
    '普工',
    '保',
    '保洁',
    'baojie',
    'bj',
    '司',
    '司机',
    '电工',
    '焊',
    '厨师',
    '保结',
    '會計',
  ];
  return getEach(
    options,
    'suggest',
    prefixes.map((q) => `/api/search/suggest?${new URLSearchParams({ q }).toString()}`),
    true,
  );
}

export async function vacancyList(options: LoadOptions): Promise<BenchMetric[]> {
  const townships = await query<{ code: string }>(
    options.databaseUrl,
    `select distinct township_code as code from vacancies limit 20`,
  );
  const paths = [
    ...Array.from({ length: 5 }, (_, page) => `/api/vacancies?page=${page + 1}&pageSize=20`),
    ...townships.map((t) => `/api/vacancies?townshipCode=${t.code}&pageSize=20`),
  ];
  return getEach(options, 'vacancy list', paths);
}

/**
 * As many seekers as there are connections, picked at random so that each run
 * applies new (seeker, vacancy) pairs even on a database kept from earlier runs;
 * each request applies a new pair.
 */
export async function apply(options: LoadOptions): Promise<BenchMetric[]> {
  const seekers = await query<{ user_id: string }>(
    options.databaseUrl,
    `select user_id from seeker_profiles where anonymised_at is null
      order by random() limit ${options.connections}`,
  );
  const tokens = [
    ...(
      await openSessions(
        options,
        seekers.map((s) => s.user_id),
      )
    ).values(),
  ];
  const vacancies = await visibleVacancies(options.databaseUrl, true);
  let sent = 0;
  const { result, apiCpuMs } = await withApiCpu(options, () =>
    autocannon({
      url: options.baseUrl,
      connections: options.connections,
      duration: options.durationSeconds,
      requests: [
        {
          method: 'POST',
          path: '/api/applications',
          setupRequest: (req) => {
            // Walks vacancies fastest, so concurrent requests rarely lock the same vacancy row.
            const vacancyId = vacancies[sent % vacancies.length];
            const token = tokens[Math.floor(sent / vacancies.length) % tokens.length];
            sent += 1;
            return {
              ...req,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ vacancyId }),
            };
          },
        },
      ],
    }),
  );
  return figures('api', 'apply', result, apiCpuMs);
}

/**
 * The gig market at province scale: 200,000 registered gig workers spread over
 * a province, the real API and worker as their own processes.
 *   1. posting a gig → the first worker notified (in-app and SMS), p50/p95 over
 *      gigs posted one after another through the API;
 *   2. one-tap accepts through the API: accepts per second, every gig ending
 *      with exactly its headcount accepted and the rest wait-listed.
 *
 *   npm run build && node dist/scripts/bench-gigs.js
 *   BENCH_GIG_WORKERS=200000 BENCH_GIG_POSTS=30 BENCH_ACCEPTS=2000 BENCH_CONNECTIONS=32 (defaults)
 *
 * Under `npm run bench` it makes its own database on the server of
 * BENCH_DATABASE_URL and ends with the BENCH_RESULT line (docs/benchmarks.md).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { APP_NODE_FLAGS, compiledFile, PiiCipher } from '@jipin/core';
import { freePort, postJson as post, waitReady } from './bench/local-api';
import { createTestDatabase, processCpuMs, testEnv, testServerUrl } from '@jipin/testing';

interface AutocannonResult {
  latency: { p50: number; p99: number; max: number };
  duration: number;
  errors: number;
  non2xx: number;
  '2xx': number;
}
// autocannon ships no types; this is the part of its API the benchmark uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: {
  url: string;
  connections: number;
  amount: number;
  requests: {
    method: string;
    path: string;
    headers: Record<string, string>;
    setupRequest: (request: Record<string, unknown>) => Record<string, unknown>;
  }[];
}) => Promise<AutocannonResult>;

const WORKERS = Number(process.env.BENCH_GIG_WORKERS ?? 200_000);
const POSTS = Number(process.env.BENCH_GIG_POSTS ?? 30);
const ACCEPTS = Number(process.env.BENCH_ACCEPTS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const HEADCOUNT = 10;
/** A province's box (Jiangxi): where the 200,000 workers live. */
const PROVINCE = { lat: [24.5, 30.0], lng: [113.6, 118.5] };
/** The county's townships where the gigs are posted (吉水县). */
const TOWNSHIPS = ['360822100000', '360822101000', '360822105000', '360822114000'];
const SKILLS = ['摘果', '插秧', '搬运', '保洁', '帮厨', '除草', '泥工', '开三轮'];

/** A deterministic pseudo-random sequence, so two runs place the same workers. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const chinaDay = (offset: number) =>
  new Date(Date.now() + 8 * 3600e3 + offset * 86400e3).toISOString().slice(0, 10);

/** Workers with phones (encrypted, for the SMS) and availability, written straight to the database. */
async function insertWorkers(
  db: Client,
  cipher: PiiCipher,
  count: number,
  place: () => { lat: number; lng: number },
  phonePrefix: string,
): Promise<string[]> {
  const next = random(count);
  const ids: string[] = [];
  for (let start = 0; start < count; start += 5000) {
    const size = Math.min(5000, count - start);
    const phones = Array.from(
      { length: size },
      (_, i) => `${phonePrefix}${String(start + i).padStart(8, '0')}`,
    );
    const users: { id: string }[] = (
      await db.query(
        `insert into users (phone_index, phone_cipher, role, name)
         select unnest($1::text[]), unnest($2::text[]), 'seeker', '零工' returning id`,
        [phones.map((p) => cipher.blindIndex(p)), phones.map((p) => cipher.encrypt(p))],
      )
    ).rows;
    const places = users.map(() => place());
    await db.query(
      `insert into gig_workers (user_id, name, township_code, lat, lng, radius_km, skills, available_dates, weekdays)
       select w.id, '零工', $2, w.lat, w.lng, w.radius, array[w.skill], case when w.free then array[$3::date] else '{}' end,
         case when w.free then '{}'::smallint[] else '{6,7}'::smallint[] end
       from unnest($1::uuid[], $4::float8[], $5::float8[], $6::int[], $7::text[], $8::bool[])
         as w(id, lat, lng, radius, skill, free)`,
      [
        users.map((u) => u.id),
        TOWNSHIPS[0],
        chinaDay(1),
        places.map((p) => p.lat),
        places.map((p) => p.lng),
        users.map(() => 5 + Math.floor(next() * 45)),
        users.map(() => SKILLS[Math.floor(next() * SKILLS.length)]),
        users.map(() => next() < 0.6),
      ],
    );
    ids.push(...users.map((u) => u.id));
  }
  return ids;
}

async function main(): Promise<void> {
  const database = await createTestDatabase(
    'bench_gigs',
    process.env.BENCH_DATABASE_URL ?? testServerUrl(),
  );
  const apiPort = await freePort();
  const env = testEnv({
    DATABASE_URL: database.url,
    PORT: String(apiPort),
    LOG_LEVEL: 'warn',
    QUEUE_BACKEND: process.env.BENCH_REDIS_URL ? 'redis' : 'postgres',
    REDIS_URL: process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL,
    GIG_WAVE_SIZE: '20',
  });
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  const start = (app: 'api' | 'worker') =>
    spawn(process.execPath, [...APP_NODE_FLAGS, compiledFile('apps', app, 'main.js')], {
      env: { PATH: process.env.PATH, ...env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const api = start('api');
  const db = new Client({ connectionString: database.url });
  let worker: ChildProcess | undefined;
  let result: string;
  try {
    await waitReady(baseUrl, api);
    worker = start('worker');
    await db.connect();
    const cipher = new PiiCipher(Buffer.from(env.PII_KEY!, 'base64'));
    const staffPhone = '13700000002';
    await db.query(
      `insert into users (phone_index, phone_cipher, password_hash, role, name) values ($1, $2, $3, 'staff', '县人社局 测速')`,
      [cipher.blindIndex(staffPhone), cipher.encrypt(staffPhone), await argon2.hash('Bench2026ok')],
    );
    const { accessToken: staffToken } = await post(baseUrl, '/api/auth/login', {
      phone: staffPhone,
      password: 'Bench2026ok',
    });

    const next = random(7);
    const began = Date.now();
    await insertWorkers(
      db,
      cipher,
      WORKERS,
      () => ({
        lat: PROVINCE.lat[0] + next() * (PROVINCE.lat[1] - PROVINCE.lat[0]),
        lng: PROVINCE.lng[0] + next() * (PROVINCE.lng[1] - PROVINCE.lng[0]),
      }),
      '135',
    );
    // The accepting workers live in the county, where the gigs are.
    const acceptors = await insertWorkers(
      db,
      cipher,
      ACCEPTS,
      () => ({ lat: 27.0 + next() * 0.4, lng: 114.9 + next() * 0.4 }),
      '134',
    );
    await db.query('analyze');
    console.log(
      `gig benchmark: ${WORKERS} province workers and ${ACCEPTS} county workers written in ${((Date.now() - began) / 1000).toFixed(0)} s;` +
        ` load average ${loadavg()[0].toFixed(1)}`,
    );

    // 1. Posting → first worker notified.
    const latencies: number[] = [];
    for (let i = 0; i < POSTS; i += 1) {
      const gig = await post(
        baseUrl,
        '/api/staff/gigs',
        {
          title: `测速零工${i}`,
          payUnit: 'day',
          payAmount: 150,
          startDate: chinaDay(1),
          startTime: '07:30',
          hoursPerDay: 8,
          townshipCode: TOWNSHIPS[i % TOWNSHIPS.length],
          headcount: 5,
          skills: [SKILLS[i % SKILLS.length]],
          onBehalfOf: { name: '测速雇主' },
        },
        staffToken,
      );
      for (;;) {
        const { rows } = await db.query(
          `select extract(epoch from (min(n.created_at) - g.created_at)) * 1000 as ms
           from gigs g join notifications n on n.link = '/gigs/' || g.id
           where g.id = $1 group by g.created_at`,
          [gig.id],
        );
        if (rows[0]) {
          latencies.push(Number(rows[0].ms));
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    latencies.sort((a, b) => a - b);
    const pick = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
    console.log(
      `posting → first worker notified over ${POSTS} gigs: p50 ${pick(0.5).toFixed(0)} ms,` +
        ` p95 ${pick(0.95).toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms; load average ${loadavg()[0].toFixed(1)}`,
    );

    // 2. Accepts: every county worker taps one of ACCEPTS/20 gigs of 10 places (half get one).
    const gigCount = Math.max(1, Math.floor(ACCEPTS / (HEADCOUNT * 2)));
    const gigIds: string[] = (
      await db.query(
        `insert into gigs (poster_kind, poster_user_id, title, pay_unit, pay_amount, start_date, end_date,
           start_time, hours_per_day, starts_at, township_code, lat, lng, headcount, status)
         select 'staff', u.id, '测速接单' || g, 'day', 150, $1, $1, '07:30', 8,
           ($1::date + time '07:30') at time zone 'Asia/Shanghai', $2, 27.2, 115.1, $3, 'open'
         from generate_series(1, $4) g, (select id from users where role = 'staff' limit 1) u
         returning id`,
        [chinaDay(1), TOWNSHIPS[0], HEADCOUNT, gigCount],
      )
    ).rows.map((r: { id: string }) => r.id);
    const sessions: { id: string }[] = (
      await db.query(
        `insert into refresh_sessions (user_id, token_hash, expires_at)
         select unnest($1::uuid[]), md5(random()::text), now() + interval '1 day' returning id`,
        [acceptors],
      )
    ).rows;
    const jwt = new JwtService();
    const tokens = await Promise.all(
      acceptors.map((userId, i) =>
        jwt.signAsync(
          { sub: userId, sid: sessions[i].id },
          { secret: env.JWT_SECRET!, expiresIn: 3600 },
        ),
      ),
    );
    let tap = 0;
    const cpuBefore = processCpuMs(api.pid!);
    const accepts = await autocannon({
      url: baseUrl,
      connections: CONNECTIONS,
      amount: ACCEPTS,
      requests: [
        {
          method: 'POST',
          path: '/',
          headers: {},
          setupRequest: (request) => {
            const i = tap++;
            return {
              ...request,
              method: 'POST',
              path: `/api/gigs/${gigIds[i % gigCount]}/accept`,
              headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
            };
          },
        },
      ],
    });
    const apiCpu = (processCpuMs(api.pid!) - cpuBefore) / Math.max(1, accepts['2xx']);
    const perSecond = accepts['2xx'] / accepts.duration;
    const { rows: outcome } = await db.query(
      `select count(*) filter (where accepted = $2)::int as exact, count(*)::int as gigs, sum(waiting)::int as waiting
       from (select g.id, count(*) filter (where a.status = 'accepted') as accepted,
               count(*) filter (where a.status = 'waitlisted') as waiting
             from gigs g left join gig_assignments a on a.gig_id = g.id
             where g.id = any($1::uuid[]) group by g.id) s`,
      [gigIds, HEADCOUNT],
    );
    console.log(
      `accepts: ${accepts['2xx']} in ${accepts.duration.toFixed(2)} s = ${perSecond.toFixed(0)}/s` +
        ` (p50 ${accepts.latency.p50} ms, p99 ${accepts.latency.p99} ms; non-2xx ${accepts.non2xx}, errors ${accepts.errors});` +
        ` API CPU ${apiCpu.toFixed(2)} ms per accept; ${outcome[0].exact} of ${outcome[0].gigs} gigs with exactly ${HEADCOUNT} accepted,` +
        ` ${outcome[0].waiting} wait-listed; load average ${loadavg()[0].toFixed(1)}`,
    );
    if (outcome[0].exact !== outcome[0].gigs)
      throw new Error('a gig did not end with exactly its headcount');

    const round = (value: number) => Math.round(value * 100) / 100;
    const metrics = [
      { name: 'posting → first notified p50', value: pick(0.5), unit: 'ms', better: 'lower' },
      { name: 'posting → first notified p95', value: pick(0.95), unit: 'ms', better: 'lower' },
      { name: 'accepts', value: perSecond, unit: 'accepts/s', better: 'higher' },
      { name: 'accepts p99', value: accepts.latency.p99, unit: 'ms', better: 'lower' },
      { name: 'accept API CPU', value: apiCpu, unit: 'ms/accept', better: 'lower' },
    ].map((m) => ({ ...m, value: round(m.value) }));
    const note = `${WORKERS} workers, ${POSTS} gigs posted, ${ACCEPTS} accepts on ${gigCount} gigs, ${CONNECTIONS} connections, load average ${loadavg()[0].toFixed(1)}`;
    result = `BENCH_RESULT ${JSON.stringify({ metrics, note })}`;
  } finally {
    await db.end().catch(() => undefined);
    for (const child of [worker, api]) {
      if (!child || child.exitCode !== null) continue;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await database.drop();
  }
  console.log(result); // last, as the runner reads the last BENCH_RESULT line
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * Fair check-in throughput: the real API as its own process on loopback,
 * 2,000 registered seekers, the door scanning tickets (and typing some phones)
 * as fast as the API answers. Prints check-ins per second and latencies.
 *
 *   npm run build && npm run bench:checkin
 *   BENCH_SEEKERS=2000 BENCH_CONNECTIONS=32 BENCH_SUSTAIN_SECONDS=20 (defaults)
 *
 * Under `npm run bench` it makes its own database on the server of
 * BENCH_DATABASE_URL, follows BENCH_CONNECTIONS and BENCH_DURATION_SECONDS, and
 * ends with the BENCH_RESULT line (docs/benchmarks.md).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { hashPassword } from '@jipin/accounts';
import { APP_NODE_FLAGS, compiledFile, PiiCipher } from '@jipin/core';
import { freePort, postJson as post, waitReady } from './bench/local-api';
import { createTestDatabase, fairBody, processCpuMs, testEnv, testServerUrl } from '@jipin/testing';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  duration: number;
  errors: number;
  non2xx: number;
  '2xx': number;
}
interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  setupRequest: (request: Record<string, unknown>) => Record<string, unknown>;
}
// autocannon ships no types; this is the part of its API the benchmark uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: {
  url: string;
  connections: number;
  amount?: number;
  duration?: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;

const SEEKERS = Number(process.env.BENCH_SEEKERS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SUSTAIN_SECONDS = Number(
  process.env.BENCH_SUSTAIN_SECONDS ?? process.env.BENCH_DURATION_SECONDS ?? 20,
);
const PHONE_SHARE = 0.25; // a quarter of the door types a phone number instead of scanning
/** People scanned before the measurement, so the API runs warm (JIT, connection pool) as it would by then. */
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 2000);

interface Measured {
  perSecond: number;
  p99: number;
  cpuEach: number;
}

function report(label: string, result: AutocannonResult, apiCpuMs: number): Measured {
  const perSecond = result['2xx'] / result.duration;
  const cpuEach = apiCpuMs / Math.max(1, result['2xx']);
  console.log(
    `${label}: ${result['2xx']} check-ins in ${result.duration.toFixed(2)} s = ${perSecond.toFixed(0)}/s` +
      ` (latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms;` +
      ` non-2xx ${result.non2xx}, errors ${result.errors}); API CPU ${cpuEach.toFixed(2)} ms per check-in,` +
      ` load average ${loadavg()[0].toFixed(1)}`,
  );
  return { perSecond, p99: result.latency.p99, cpuEach };
}

/** The figures `npm run bench` records and compares. */
function benchResult(arrival: Measured, sustained: Measured): string {
  const round = (value: number) => Math.round(value * 100) / 100;
  const metrics = [
    { name: 'first scans', value: arrival.perSecond, unit: 'check-ins/s', better: 'higher' },
    { name: 'first scans p99', value: arrival.p99, unit: 'ms', better: 'lower' },
    { name: 'first scans API CPU', value: arrival.cpuEach, unit: 'ms/check-in', better: 'lower' },
    { name: 'repeat scans', value: sustained.perSecond, unit: 'check-ins/s', better: 'higher' },
    { name: 'repeat scans p99', value: sustained.p99, unit: 'ms', better: 'lower' },
  ].map((m) => ({ ...m, value: round(m.value) }));
  const note = `${SEEKERS} seekers, ${CONNECTIONS} connections, load average ${loadavg()[0].toFixed(1)}`;
  return `BENCH_RESULT ${JSON.stringify({ metrics, note })}`;
}

async function main(): Promise<void> {
  const database = await createTestDatabase(
    'bench_checkin',
    process.env.BENCH_DATABASE_URL ?? testServerUrl(),
  );
  const port = await freePort();
  const env = testEnv({ DATABASE_URL: database.url, PORT: String(port), LOG_LEVEL: 'warn' });
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = spawn(
    process.execPath,
    [
      ...APP_NODE_FLAGS,
      ...(process.env.BENCH_API_NODE_OPTIONS ?? '').split(' ').filter(Boolean),
      compiledFile('apps', 'api', 'main.js'),
    ],
    {
      env: { PATH: process.env.PATH, ...env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const db = new Client({ connectionString: database.url });
  let result: string;
  try {
    await waitReady(baseUrl, api);
    await db.connect();
    const cipher = new PiiCipher(Buffer.from(env.PII_KEY!, 'base64'));
    const password = 'Bench2026ok';
    const staffPhone = '13700000001';
    await db.query(
      `insert into users (phone_index, phone_cipher, password_hash, role, name) values ($1, $2, $3, 'staff', '县人社局 测速')`,
      [cipher.blindIndex(staffPhone), cipher.encrypt(staffPhone), await hashPassword(password)],
    );
    const { accessToken: token } = await post(baseUrl, '/api/auth/login', {
      phone: staffPhone,
      password,
    });
    const fair = await post(baseUrl, '/api/staff/fairs', fairBody({ boothCount: 100 }), token);
    for (const status of ['registration_open', 'ongoing'])
      await post(baseUrl, `/api/staff/fairs/${fair.id}/status`, { status }, token);

    // 2,000 registered seekers (written straight to the database: registering is not what is measured).
    const people: { phone: string; ticketCode: string }[] = [];
    for (let i = 0; i < SEEKERS + WARM_UP; i += 1)
      people.push({
        phone: `136${String(10_000_000 + i).padStart(8, '0')}`,
        ticketCode: randomBytes(16).toString('base64url'),
      });
    for (let start = 0; start < people.length; start += 500) {
      const batch = people.slice(start, start + 500);
      const users: { id: string }[] = (
        await db.query(
          `insert into users (phone_index, phone_cipher, role, name)
           select unnest($1::text[]), unnest($2::text[]), 'seeker', '求职者' returning id`,
          [batch.map((p) => cipher.blindIndex(p.phone)), batch.map((p) => cipher.encrypt(p.phone))],
        )
      ).rows;
      await db.query(
        `insert into fair_registrations (fair_id, seeker_user_id, ticket_code, source)
         select $1, unnest($2::uuid[]), unnest($3::text[]), 'online'`,
        [fair.id, users.map((u) => u.id), batch.map((p) => p.ticketCode)],
      );
    }
    await db.query('analyze');
    console.log(
      `fair check-in benchmark: ${SEEKERS} registered seekers, ${CONNECTIONS} concurrent connections,` +
        ` API on loopback, load average before ${loadavg()[0].toFixed(1)}`,
    );

    let next = 0;
    const door = (queue: typeof people): AutocannonRequest => ({
      method: 'POST',
      path: `/api/staff/fairs/${fair.id}/check-ins`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      setupRequest: (request) => {
        const person = queue[next % queue.length];
        next += 1;
        const byPhone = next % Math.round(1 / PHONE_SHARE) === 0;
        return {
          ...request,
          body: JSON.stringify(
            byPhone ? { phone: person.phone } : { ticketCode: person.ticketCode },
          ),
        };
      },
    });
    const warmUp = people.splice(SEEKERS);
    await autocannon({
      url: baseUrl,
      connections: CONNECTIONS,
      amount: WARM_UP,
      requests: [door(warmUp)],
    });
    next = 0;
    let cpuBefore = processCpuMs(api.pid!);
    const arrival = await autocannon({
      url: baseUrl,
      connections: CONNECTIONS,
      amount: SEEKERS,
      requests: [door(people)],
    });
    const first = report(
      'first scans (the queue at the door)',
      arrival,
      processCpuMs(api.pid!) - cpuBefore,
    );
    const { rows } = await db.query(
      `select count(*)::int as n from fair_registrations where fair_id = $1 and checked_in_at is not null`,
      [fair.id],
    );
    console.log(
      `checked in: ${rows[0].n - WARM_UP} of ${SEEKERS} (after ${WARM_UP} warm-up scans)`,
    );
    cpuBefore = processCpuMs(api.pid!);
    const sustained = await autocannon({
      url: baseUrl,
      connections: CONNECTIONS,
      duration: SUSTAIN_SECONDS,
      requests: [door(people)],
    });
    const repeat = report(
      `sustained ${SUSTAIN_SECONDS} s (repeat scans answer alreadyCheckedIn)`,
      sustained,
      processCpuMs(api.pid!) - cpuBefore,
    );
    result = benchResult(first, repeat);
  } finally {
    await db.end().catch(() => undefined);
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    await database.drop();
  }
  console.log(result); // last, as the runner reads the last BENCH_RESULT line
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { Pool } from 'pg';
import { eventually, fairBody, PlatformProcess, platformEnv } from '@jipin/testing';

/**
 * The supervisor of scripts/start.sh against real faults: the API, the worker and
 * the embedded PostgreSQL killed with SIGKILL (as kill -9 or the out-of-memory killer
 * would) come back by themselves, and nothing answered 2xx is lost. One platform
 * serves all three tests (its first start with initdb is the slow part); each test
 * takes 15-40 s here, and the timeouts leave room for a machine busy with other work.
 */
const API = 'apps/api/main.js';
const WORKER = 'apps/worker/main.js';
const POSTGRES = 'bin/postgres';

let platform: PlatformProcess;
let db: Pool;
let token: string;

beforeAll(async () => {
  platform = new PlatformProcess(platformEnv());
  await platform.ready(120000);
  db = new Pool({ connectionString: platform.databaseUrl, max: 2 });
  db.on('error', () => undefined); // its connections die with PostgreSQL in the last test
  // The demo county staff account (seeded on the first run).
  const login = await post('/api/auth/login', { phone: '13800000002', password: 'Jipin2026' });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  token = login.body.accessToken;
});
afterAll(async () => {
  await db?.end().catch(() => undefined);
  if (platform) {
    assert.equal(await platform.stop(), 0, 'an orderly stop still exits 0');
    assert.equal(platform.childPid(POSTGRES), undefined, 'PostgreSQL stopped too');
  }
});

async function post(path: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${platform.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}

function kill(pattern: string): number {
  const pid = platform.childPid(pattern);
  assert.ok(pid, `no ${pattern} running:\n${platform.output.join('').slice(-2000)}`);
  process.kill(pid, 'SIGKILL');
  return pid;
}

/** Waits for a new process in place of the killed one. */
async function replaced(pattern: string, killed: number): Promise<number> {
  let pid: number | undefined;
  await eventually(async () => {
    pid = platform.childPid(pattern);
    return pid !== undefined && pid !== killed;
  }, 60000);
  return pid as number;
}

/** Proves the worker works: a fair opened for registration is an outbox event it must deliver. */
async function workerDelivers(): Promise<void> {
  const fair = await post('/api/staff/fairs', fairBody());
  assert.equal(fair.status, 201, JSON.stringify(fair.body));
  const opened = await post(`/api/staff/fairs/${fair.body.id}/status`, {
    status: 'registration_open',
  });
  assert.equal(opened.status, 200, JSON.stringify(opened.body));
  await eventually(async () => {
    const [row] = (
      await db.query(`select count(*)::int as count from outbox_events where delivered_at is null`)
    ).rows;
    return row.count === 0;
  }, 60000);
}

test('a kill -9 of the API and of the worker: the supervisor logs why and starts each again', async () => {
  const api = kill(API);
  const worker = kill(WORKER);
  await replaced(API, api);
  await replaced(WORKER, worker);
  await platform.ready(60000);
  const log = platform.output.join('');
  for (const [name, pid] of [
    ['api', api],
    ['worker', worker],
  ] as const)
    assert.match(
      log,
      new RegExp(`${name} \\(pid ${pid}\\) was killed \\(SIGKILL[^;]*; restarting it in 1 s`),
    );
  await workerDelivers();
}, 120000);

test('the API killed under load: it comes back and every request answered 201 is in the database', async () => {
  const created: string[] = [];
  let failed = 0;
  let killedAt = 0;
  let createdAfterRestart = 0;
  let downSince = 0;
  let backAt = 0;
  const writer = async () => {
    // Bounded: stops once enough came after the restart, or after 90 s.
    const deadline = Date.now() + 90000;
    for (let i = 0; createdAfterRestart < 20 && Date.now() < deadline; i++) {
      try {
        const response = await post('/api/staff/fairs', fairBody({ title: `压测专场 ${i}` }));
        if (response.status === 201) {
          created.push(response.body.id);
          // Answers after the API was seen down come from the restarted process.
          if (downSince) createdAfterRestart += 1;
          if (downSince && !backAt) backAt = Date.now();
        } else failed += 1;
      } catch {
        failed += 1; // refused or cut off while the API is down: not answered, may or may not exist
        if (killedAt && !downSince) downSince = Date.now();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  const load = Promise.all(Array.from({ length: 6 }, writer));
  await eventually(async () => created.length >= 30, 30000);
  const before = created.length;
  const api = kill(API);
  killedAt = Date.now();
  await load;
  assert.ok(createdAfterRestart >= 20, `only ${createdAfterRestart} created after the restart`);
  assert.ok(failed > 0, 'some requests met the API down');
  assert.notEqual(platform.childPid(API), api);
  const { rows } = await db.query(`select id from fairs where id = any($1)`, [created]);
  assert.equal(rows.length, created.length, 'every fair answered 201 exists');
  console.log(
    `# answered 201: ${created.length} (${before} before the kill), not answered: ${failed}, first 201 from the new API ${backAt - killedAt} ms after the kill`,
  );
}, 120000);

test('embedded PostgreSQL killed: it is started again, /health/ready names the database without internal errors, then recovers', async () => {
  const api = platform.childPid(API);
  const worker = platform.childPid(WORKER);
  const postgres = kill(POSTGRES);
  const answers: { status: number; text: string }[] = [];
  // While the database is down the answer names it. A probe can wait up to 3 s for a part that
  // hangs while PostgreSQL is already back, so probes start every 100 ms without waiting for
  // the one before, and the 503 to read is the one that names the database.
  const namesDatabase = (a: { status: number; text: string }) =>
    a.status === 503 &&
    JSON.parse(a.text).checks?.some(
      (c: { name: string; ok: boolean }) => c.name === 'database' && !c.ok,
    );
  let seenDown = false;
  let back = false;
  const probes: Promise<void>[] = [];
  for (const deadline = Date.now() + 90000; !back && Date.now() < deadline;) {
    probes.push(
      fetch(`${platform.url}/health/ready`)
        .then(async (response) => {
          const answer = { status: response.status, text: await response.text() };
          answers.push(answer);
          if (namesDatabase(answer)) seenDown = true;
          else if (answer.status === 200 && seenDown) back = true;
        })
        .catch(() => undefined),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await Promise.all(probes);
  assert.ok(seenDown && back, `no 503 naming the database, then a 200: ${answers.length} answers`);
  const down = answers.find(namesDatabase)!;
  const body = JSON.parse(down.text);
  assert.deepEqual(
    body.checks.find((c: { name: string }) => c.name === 'database'),
    { name: 'database', ok: false, status: '数据库不可用 (database unavailable)' },
  );
  assert.match(body.message, /数据库不可用/);
  for (const answer of answers)
    assert.doesNotMatch(
      answer.text,
      /ECONNREFUSED|127\.0\.0\.1|connect|terminat|timeout|postgres:\/\//i,
      'no internal error text',
    );
  assert.notEqual(platform.childPid(POSTGRES), postgres, 'a new PostgreSQL');
  assert.match(platform.output.join(''), new RegExp(`postgres \\(pid ${postgres}\\) was killed`));
  assert.equal(platform.childPid(API), api, 'the API reconnected (not restarted)');
  assert.equal(platform.childPid(WORKER), worker, 'the worker reconnected (not restarted)');
  await workerDelivers();
}, 120000);

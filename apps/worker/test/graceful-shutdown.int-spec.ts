import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { afterAll, beforeAll, test } from '@jest/globals';
import { JobName, JobQueue, QueueName } from '@jipin/core';
import { eventually, registerUser, TestApi, TestUser, WorkerProcess } from '@jipin/testing';

/**
 * SIGTERM (a deploy, a scale-down) lets the API finish the requests it has
 * taken and the worker finish the jobs it is running, then exit 0; nothing is
 * left locked or half-done.
 */
let api: TestApi;
let users: TestUser[];

beforeAll(async () => {
  api = await TestApi.start('graceful');
  users = [];
  for (let i = 0; i < 4; i++) users.push(await registerUser(api, 'seeker'));
  // Their own welcome jobs run now, so the jobs counted below are the test's alone.
  await api.startWorker();
  await eventually(async () => {
    const rows = await api.dataSource.query(`select count(*)::int as n from notifications`);
    return rows[0].n === users.length;
  }, 30000);
  await api.stopWorker();
});
afterAll(async () => api?.close());

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One HTTP request on the given agent's connections. */
function send(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  body?: unknown,
): Promise<{
  status: number;
  body: Record<string, unknown>;
  connection?: string;
  answeredAt: number;
}> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: payload ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        const answeredAt = Date.now();
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text || '{}'),
            connection: res.headers.connection,
            answeredAt,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

test('the API answers every request it took before SIGTERM, then refuses new ones and exits 0', async () => {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const apiProcess = new WorkerProcess({ ...api.env, PORT: String(port) }, 'api').start();
  await eventually(
    async () => (await fetch(`${baseUrl}/health/live`).catch(() => null))?.ok === true,
    30000,
  );

  // The connections are opened (and accepted) first, so that every login below
  // is in flight on an established connection when SIGTERM comes; password
  // checks (argon2, two at a time) keep most of them busy well past the signal.
  const connections = 24;
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  await Promise.all(
    Array.from({ length: connections }, () => send(agent, port, 'GET', '/health/live')),
  );
  const logins = Array.from({ length: connections }, (_, i) =>
    send(agent, port, 'POST', '/api/auth/login', {
      phone: users[i % users.length].phone,
      password: users[0].password,
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 150));
  const stopAt = Date.now();
  const stopped = apiProcess.stop();
  const answers = await Promise.all(logins);
  await stopped;
  agent.destroy();

  assert.deepEqual(
    answers.map((a) => a.status),
    Array(connections).fill(200),
  );
  assert.ok(answers.every((a) => typeof a.body.accessToken === 'string'));
  // Else each connection would hold the exit back until its keep-alive timeout (72 s). Answers
  // that arrive in the first moments may have left before the signal did.
  const whileStopping = answers.filter((a) => a.answeredAt > stopAt + 50);
  assert.ok(whileStopping.length >= 5, `${whileStopping.length} answers came after SIGTERM`);
  assert.deepEqual(
    whileStopping.map((a) => a.connection),
    Array(whileStopping.length).fill('close'),
    'answers given while stopping close their connection',
  );
  assert.equal(apiProcess.exitCode, 0, apiProcess.output.slice(-5).join('\n'));
  await assert.rejects(fetch(`${baseUrl}/health/live`), 'no new connection after the stop');
});

test('the worker finishes the jobs it is running on SIGTERM: none is left active, none failed, none lost', async () => {
  const jobs = api.app.get(JobQueue);
  const queue = jobs.queue(QueueName.Notifications);
  const before = (await queue.getJobCounts('completed')).completed;
  // Enough that a quiet machine cannot finish them all between the check below and the stop.
  const total = 2000;
  await jobs.enqueueMany(
    Array.from({ length: total }, (_, i) => ({
      name: JobName.SendWelcome,
      data: { userId: users[i % users.length].userId },
      jobId: `graceful-${i}`,
    })),
  );
  const worker = new WorkerProcess(api.env).start();
  await eventually(
    async () => (await queue.getJobCounts('completed')).completed >= before + 20,
    60000,
    20,
  );
  await worker.stop();

  const counts = await queue.getJobCounts(
    'active',
    'completed',
    'failed',
    'waiting',
    'prioritized',
  );
  assert.equal(worker.exitCode, 0, worker.output.slice(-5).join('\n'));
  assert.equal(counts.active, 0, 'no job left locked by the stopped worker');
  assert.equal(counts.failed, 0);
  assert.ok(counts.completed < before + total, 'the stop came mid-batch');
  assert.equal(
    counts.completed - before + counts.waiting + counts.prioritized,
    total,
    'no job lost',
  );
  assert.ok(worker.output.some((line) => line.includes('worker stopping')));

  const again = new WorkerProcess(api.env).start();
  try {
    await eventually(
      async () => (await queue.getJobCounts('completed')).completed === before + total,
      60000,
    );
    const welcomes = await api.dataSource.query(
      `select count(*)::int as n from notifications where kind = 'welcome'`,
    );
    assert.equal(welcomes[0].n, users.length, 'one welcome per person however many jobs ran');
  } finally {
    await again.stop();
  }
});

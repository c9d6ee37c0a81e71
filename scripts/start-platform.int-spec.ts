import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

/** What scripts/start.sh execs, run with no database configured: the embedded mode a new user gets. */
function startPlatform(env: Record<string, string>): { child: ChildProcess; output: string[] } {
  const output: string[] = [];
  const { DATABASE_URL: _ignored, QUEUE_BACKEND: _q, REDIS_URL: _r, ...rest } = process.env;
  const child = spawn(process.execPath, [join(__dirname, 'start-platform.js')], {
    env: { ...rest, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { child, output };
}

async function waitReady(url: string, output: string[]): Promise<unknown> {
  for (let i = 0; i < 240; i += 1) {
    try {
      const response = await fetch(`${url}/health/ready`);
      if (response.status === 200) return response.json();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`never ready:\n${output.join('').slice(-3000)}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

test(
  'with no database configured the platform starts on embedded PostgreSQL, and again after a restart with its data kept',
  { timeout: 240000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jipin-start-'));
    chmodSync(dataDir, 0o755);
    // Below the ephemeral range (32768-60999): a port an outgoing connection holds cannot be bound
    // (seen once in CI: the embedded server exited at start-up).
    const port = 24000 + Math.floor(Math.random() * 4000);
    const env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(port + 1),
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      WEB_DIST: join(dataDir, 'no-web'),
    };
    const url = `http://127.0.0.1:${port}`;
    const login = () =>
      fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: '13800000001', password: 'Jipin2026' }),
      });

    const first = startPlatform(env);
    try {
      const ready = (await waitReady(url, first.output)) as {
        checks: { name: string; ok: boolean }[];
      };
      assert.deepEqual(
        ready.checks.map((c) => c.name),
        ['database', 'queue:postgres', ...ready.checks.slice(2).map((c) => c.name)],
      );
      assert.match(first.output.join(''), /no DATABASE_URL: embedded mode/);
      assert.equal((await login()).status, 200, 'the demo admin was seeded');
    } finally {
      await stop(first.child);
    }

    const second = startPlatform(env);
    try {
      await waitReady(url, second.output);
      assert.equal((await login()).status, 200, 'data kept across the restart');
      assert.doesNotMatch(
        second.output.join(''),
        /demo data loaded/,
        'demo data is loaded only once',
      );
    } finally {
      await stop(second.child);
    }
  },
);

import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { describe, test } from '@jest/globals';
import pino from 'pino';
import { DEFAULT_BACKOFF, exitReason, restartDelay, Supervisor } from './supervisor';

describe('restart backoff', () => {
  test('doubles from 1 s and stops growing at 30 s', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6, 10].map((n) => restartDelay(n, DEFAULT_BACKOFF)),
      [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000],
    );
  });

  test('says why a process ended', () => {
    assert.match(exitReason(null, 'SIGKILL'), /SIGKILL: kill -9 or the kernel's out-of-memory/);
    assert.match(exitReason(null, 'SIGABRT'), /heap out of memory/);
    assert.equal(exitReason(3, null), 'exited with code 3');
    assert.equal(exitReason(0, null), 'exited with code 0');
  });
});

/** A real process that runs until it is told (or killed). */
const sleeper = async (): Promise<ChildProcess> =>
  spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });

function logged(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino(sink), lines };
}

const until = async (check: () => boolean, timeoutMs = 10000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('Supervisor', () => {
  test('restarts a killed process with growing waits, each logged in one line, and stops it in order', async () => {
    const started: ChildProcess[] = [];
    const { logger, lines } = logged();
    const supervisor = new Supervisor(
      {
        name: 'api',
        start: async () => {
          const child = await sleeper();
          started.push(child);
          return child;
        },
        stop: async (child) => {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
        },
      },
      logger,
      { firstMs: 50, maxMs: 200, healthyAfterMs: 60000 },
    );
    await supervisor.start();
    for (let kill = 1; kill <= 4; kill++) {
      started[started.length - 1].kill('SIGKILL');
      await until(() => started.length === kill + 1);
    }
    const messages = lines.map((line) => JSON.parse(line).msg as string);
    assert.equal(messages.length, 4);
    assert.match(
      messages[0],
      /^api \(pid \d+\) was killed \(SIGKILL.*\); restarting it in 0.05 s$/,
    );
    assert.deepEqual(
      lines.map((line) => JSON.parse(line).delayMs),
      [50, 100, 200, 200],
    );
    const last = started[started.length - 1];
    await supervisor.stop();
    assert.equal(last.signalCode, 'SIGTERM', 'stopped in order');
    assert.equal(lines.length, 4, 'an ordered stop is not a crash: no restart');
  });

  test('a process that ran long enough restarts after the first wait again; one that cannot start is retried', async () => {
    const { logger, lines } = logged();
    let attempts = 0;
    const children: ChildProcess[] = [];
    const supervisor = new Supervisor(
      {
        name: 'worker',
        start: async () => {
          attempts += 1;
          if (attempts === 2) throw new Error('database not reachable');
          const child = await sleeper();
          children.push(child);
          return child;
        },
        stop: async (child) => void child.kill('SIGKILL'),
      },
      logger,
      { firstMs: 30, maxMs: 1000, healthyAfterMs: 300 },
    );
    await supervisor.start();
    children[0].kill('SIGKILL'); // ran briefly: 30 ms, then the start fails: 60 ms
    await until(() => children.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 400)); // healthy now
    children[1].kill('SIGKILL');
    await until(() => children.length === 3);
    await supervisor.stop();
    const logs = lines.map((line) => JSON.parse(line));
    assert.deepEqual(
      logs.map((log) => log.delayMs),
      [30, 60, 30],
    );
    assert.match(logs[1].msg, /^worker could not start \(database not reachable\); restarting/);
  });
});

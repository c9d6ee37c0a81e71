import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { DomainError } from '@jipin/core';
import { HashQueue, hashPassword, verifyPassword } from './password-hash';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the password hash queue', () => {
  it('runs one hash per slot and refuses at once, with a wait to retry after, what would wait too long', async () => {
    const queue = new HashQueue(1, 1000);
    let atOnce = 0;
    let most = 0;
    const work = async () => {
      most = Math.max(most, ++atOnce);
      await pause(10);
      atOnce -= 1;
      return 'hashed';
    };
    const started = performance.now();
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, () => queue.run(work)));
    const refused = outcomes.filter((o) => o.status === 'rejected');
    assert.equal(most, 1, 'one at a time per slot');
    // Guessed 50 ms a hash, at most 1 s of waiting: the running one and 20 waiting (they
    // take 10 ms each, so none waits too long); the rest refused at once.
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 21);
    assert.equal(refused.length, 9);
    const error = (refused[0] as PromiseRejectedResult).reason as DomainError;
    assert.ok(error instanceof DomainError);
    assert.equal(error.kind, 'unavailable');
    assert.equal(error.code, 'server_busy');
    // 21 hashes ahead of it at 50 ms: 1.05 s, so 2 seconds.
    assert.match(error.message, /^当前登录的人较多，请在2秒后重试$/);
    assert.equal(error.details[0].retryAfterSeconds, 2);
    assert.ok(performance.now() - started < 2000, 'the refused did not wait');
  });

  it('learns how long a hash takes: slower hashes leave room for fewer waiting', async () => {
    const queue = new HashQueue(1, 1000);
    const slow = () => pause(250);
    for (let i = 0; i < 6; i++) await queue.run(slow); // the average moves from 50 ms towards 250
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => queue.run(slow)));
    const admitted = outcomes.filter((o) => o.status === 'fulfilled').length;
    // At the first 50 ms all 12 would have been let in (1000 / 50); at ~250 ms about 5.
    assert.ok(
      admitted >= 2 && admitted <= 7,
      `about 1000 / 250 waiting and the running one: ${admitted}`,
    );
  });

  it('refuses a hash that has waited too long, even when the estimate let it in', async () => {
    const queue = new HashQueue(1, 200);
    const first = queue.run(() => pause(600)); // far slower than the 50 ms first guessed
    const started = performance.now();
    await assert.rejects(
      queue.run(() => pause(1)),
      (error: DomainError) => {
        assert.equal(error.code, 'server_busy');
        return true;
      },
    );
    const waited = performance.now() - started;
    assert.ok(waited >= 190 && waited < 550, `refused after the longest wait: ${waited} ms`);
    await first;
    assert.equal(await queue.run(async () => 'next'), 'next', 'the line goes on');
  });

  it('hashes and verifies real passwords through the queue', async () => {
    const hash = await hashPassword('Jipin2026ok');
    assert.equal(await verifyPassword(hash, 'Jipin2026ok'), true);
    assert.equal(await verifyPassword(hash, 'wrong'), false);
  });
});

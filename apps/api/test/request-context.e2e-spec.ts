import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, test } from '@jest/globals';
import { eventually, registerUser, TestApi, TestUser } from '@jipin/testing';

/** The API's log lines, parsed. */
const lines: Record<string, any>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let api: TestApi;
let seeker: TestUser;
beforeAll(async () => {
  api = await TestApi.start('request_context', { LOG_LEVEL: 'info' }, undefined, sink);
  seeker = await registerUser(api, 'seeker');
});
afterAll(async () => api?.close());

test('the access-log line of a signed-in request names the user the access guard found', async () => {
  const response = await api.get('/api/notifications', {
    token: seeker.token,
    headers: { 'x-request-id': 'context-access-log' },
  });
  assert.equal(response.status, 200);
  const line = await eventually(async () =>
    lines.find((l) => l.reqId === 'context-access-log' && l.msg === 'request completed'),
  );
  assert.equal(line.userId, seeker.userId);
});

test('the exception filter logs a failure with the request id and the user the guard found', async () => {
  // A table gone from under the API: the handler fails and the filter logs a 500.
  await api.dataSource.query('alter table notifications rename to notifications_away');
  let response;
  try {
    response = await api.get('/api/notifications', {
      token: seeker.token,
      headers: { 'x-request-id': 'context-filter' },
    });
  } finally {
    await api.dataSource.query('alter table notifications_away rename to notifications');
  }
  assert.equal(response.status, 500);
  const logged = lines.find(
    (l) => l.msg === 'unhandled error' && l.errorId === response.body.errorId,
  );
  assert.ok(logged, 'the filter logged the failure');
  assert.equal(logged.requestId, 'context-filter');
  assert.equal(logged.userId, seeker.userId);
});

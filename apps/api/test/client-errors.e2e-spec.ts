import assert from 'node:assert/strict';
import { AddressInfo, connect } from 'node:net';
import { afterAll, beforeAll, test } from '@jest/globals';
import { TestApi } from '@jipin/testing';

/**
 * Requests the HTTP parser refuses before any route sees them: the answer is still a 4xx
 * with a body in Chinese that says what is wrong, and the connection is closed.
 */
let api: TestApi;
let port: number;

beforeAll(async () => {
  api = await TestApi.start('client-errors');
  port = (api.app.getHttpServer().address() as AddressInfo).port;
});
afterAll(async () => api.close());

/** Raw bytes on a socket of their own; resolves with what the server wrote before closing. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

function parse(answer: string): { status: number; body: { code: string; message: string } } {
  const [head, body] = answer.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body: JSON.parse(body) };
}

test('an address longer than the header limit gets 431 in Chinese', async () => {
  const keyword = encodeURIComponent('电'.repeat(3000));
  const answer = parse(
    await raw(`GET /api/vacancies?keyword=${keyword} HTTP/1.1\r\nHost: localhost\r\n\r\n`),
  );
  assert.equal(answer.status, 431);
  assert.equal(answer.body.code, 'request_too_large');
  assert.match(answer.body.message, /过长/);
});

test('bytes that are not HTTP get 400 in Chinese', async () => {
  const answer = parse(await raw('HELLO\x00 WORLD\r\n\r\n'));
  assert.equal(answer.status, 400);
  assert.equal(answer.body.code, 'malformed_request');
  assert.match(answer.body.message, /格式不正确/);
});

test('a header with a forbidden character gets 400 in Chinese; the API still answers', async () => {
  const answer = parse(
    await raw('GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\x01b\r\n\r\n'),
  );
  assert.equal(answer.status, 400);
  assert.equal(answer.body.code, 'malformed_request');
  const live = await fetch(`http://127.0.0.1:${port}/health/live`);
  assert.equal(live.status, 200);
});

import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, test } from '@jest/globals';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { loadConfig } from '@jipin/core';
import { createTestDatabase, TestDatabase, testEnv } from '@jipin/testing';
import { createApiApp } from '../create-api-app';

let database: TestDatabase;
let app: NestFastifyApplication;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  database = await createTestDatabase('access_log');
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig(testEnv({ LOG_LEVEL: 'info' }));
  app = await createApiApp(config, database.url, pino({ level: 'info' }, sink));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

test('each answered request is one access-log line with method, url, status and time', async () => {
  const fastify = app.getHttpAdapter().getInstance();
  for (const [url, id, status] of [
    ['/api/vacancy-options', 'access-log-ok', 200],
    ['/api/no-such-route?x=1', 'access-log-404', 404],
  ] as const) {
    const response = await fastify.inject({ method: 'GET', url, headers: { 'x-request-id': id } });
    assert.equal(response.statusCode, status);
    const own = lines.filter((line) => line.reqId === id);
    assert.equal(own.length, 1, JSON.stringify(own));
    assert.equal(own[0].msg, 'request completed');
    assert.deepEqual(
      [(own[0].req as { method: string }).method, (own[0].req as { url: string }).url],
      ['GET', url],
    );
    assert.equal((own[0].res as { statusCode: number }).statusCode, status);
    assert.equal(typeof own[0].responseTime, 'number');
  }
});

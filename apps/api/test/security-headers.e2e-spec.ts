import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { TestApi } from '@jipin/testing';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start('security_headers', { CORS_ORIGINS: 'https://jipin.example.gov.cn' });
});
afterAll(async () => api.close());

test('responses carry security headers', async () => {
  const response = await api.get('/api/regions');
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(response.headers.get('x-frame-options'), 'SAMEORIGIN');
  assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  assert.match(response.headers.get('strict-transport-security') ?? '', /max-age=/);
});

test('CORS admits only the configured origins', async () => {
  const allowed = await api.request('OPTIONS', '/api/regions', {
    headers: { origin: 'https://jipin.example.gov.cn', 'access-control-request-method': 'GET' },
  });
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://jipin.example.gov.cn');
  const other = await api.request('OPTIONS', '/api/regions', {
    headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET' },
  });
  assert.equal(other.headers.get('access-control-allow-origin'), null);
});

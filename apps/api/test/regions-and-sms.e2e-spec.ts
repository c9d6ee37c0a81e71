import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { TestApi, uniquePhone } from '@jipin/testing';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start('regions_sms', { RATE_LIMIT_SMS: '2' });
});
afterAll(async () => api.close());

test('the region tree comes from the data file: county, townships and villages with codes and centroids', async () => {
  const response = await api.get('/api/regions');
  assert.equal(response.status, 200);
  assert.equal(response.body.county.code, '360822');
  assert.ok(response.body.townships.length >= 10);
  const township = response.body.townships[0];
  assert.match(township.code, /^360822\d{6}$/);
  assert.equal(typeof township.lat, 'number');
  assert.ok(
    township.villages.every((v: { code: string }) => v.code.startsWith(township.code.slice(0, 9))),
  );
});

test('SMS codes are rate-limited per phone', async () => {
  const phone = uniquePhone();
  const statuses = [];
  for (let i = 0; i < 3; i += 1)
    statuses.push((await api.post('/api/auth/sms-codes', { phone, purpose: 'login' })).status);
  assert.deepEqual(statuses, [202, 202, 429]);
});

test('an unknown SMS purpose is a clear 400', async () => {
  const response = await api.post('/api/auth/sms-codes', { phone: uniquePhone(), purpose: 'spam' });
  assert.equal(response.status, 400);
  assert.equal(response.body.details[0].field, 'purpose');
});

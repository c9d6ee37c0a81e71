import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import {
  createFair,
  createStaffUser,
  FUTIAN,
  profileBody,
  TestApi,
  TestUser,
  uniquePhone,
  WENFENG,
} from '@jipin/testing';

/** People with no phone at all: registered at the window by ID, reached on paper. */
let api: TestApi;
let county: TestUser;
let futianStaff: TestUser;
let wenfengStaff: TestUser;

beforeAll(async () => {
  api = await TestApi.start('window_registration');
  county = await createStaffUser(api);
  futianStaff = await createStaffUser(api, { townshipCode: FUTIAN });
  wenfengStaff = await createStaffUser(api, { townshipCode: WENFENG });
});
afterAll(async () => api?.close());

const consent = { method: 'signed_paper', reference: '阜田镇代录2026-088' };
const register = (body: Record<string, unknown>) =>
  api.post('/api/staff/seekers', body, { token: futianStaff.token });

test('a person without a phone is registered by ID with consent; a family phone is kept masked', async () => {
  const contactPhone = uniquePhone();
  const registered = await register({
    ...profileBody({ name: '刘奶奶', birthDate: '1958-02-03', gender: 'female' }),
    consent,
    contactPhone,
    contactRelation: '儿子',
  });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  assert.equal(registered.body.phone, '');
  assert.deepEqual(registered.body.familyContact, {
    phone: `${contactPhone.slice(0, 3)}****${contactPhone.slice(7)}`,
    relation: '儿子',
  });
  assert.ok(!JSON.stringify(registered.body).includes(contactPhone));
  const second = await register({
    ...profileBody({ name: '陈爷爷', birthDate: '1955-09-09', gender: 'male' }),
    consent,
  });
  assert.equal(second.status, 201, 'several people without a phone can be registered');

  const noRelation = await register({
    ...profileBody({ name: '周大爷' }),
    consent,
    contactPhone: uniquePhone(),
  });
  assert.equal(noRelation.status, 400);
  assert.equal(noRelation.body.code, 'contact_relation_required');
  const noConsent = await register({ ...profileBody({ name: '吴大爷' }) });
  assert.equal(noConsent.status, 400, 'consent is still required');
});

test('the window registers them for a fair and prints the ticket the door scans', async () => {
  const person = await register({
    ...profileBody({ name: '黄阿姨', birthDate: '1966-06-06', gender: 'female' }),
    consent,
  });
  const fairId = await createFair(api, county, { status: 'ongoing' });
  const path = `/api/staff/fairs/${fairId}/window-registrations`;
  const ticket = await api.post(
    path,
    { seekerProfileId: person.body.id },
    { token: futianStaff.token },
  );
  assert.equal(ticket.status, 200, JSON.stringify(ticket.body));
  const again = await api.post(
    path,
    { seekerProfileId: person.body.id },
    { token: futianStaff.token },
  );
  assert.equal(again.body.ticketCode, ticket.body.ticketCode, 'one ticket per person and fair');

  const printed = await api.get(`${path}/${person.body.id}/ticket`, { token: futianStaff.token });
  assert.equal(printed.status, 200);
  assert.match(printed.headers.get('content-type') ?? '', /text\/html/);
  // One A6 card: the code in two groups to read aloud, the masked name, dates as text.
  assert.match(ticket.body.ticketCode, /^\d{4}-\d{4}$/);
  assert.equal(ticket.body.holderName, '黄**');
  assert.ok(printed.body.includes(ticket.body.ticketCode));
  assert.ok(printed.body.includes('黄**') && !printed.body.includes('黄阿姨'));
  assert.match(printed.body, /size:105mm 148mm/, 'A6');
  assert.match(printed.body, /时间：\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d 至/);
  assert.ok(printed.body.includes('data:image/svg+xml;base64,'), 'a QR code to scan');
  const other = await api.get(`${path}/${person.body.id}/ticket`, { token: wenfengStaff.token });
  assert.equal(other.status, 404, 'another township cannot print it');

  const door = await api.post(
    `/api/staff/fairs/${fairId}/check-ins`,
    { ticketCode: ticket.body.ticketCode },
    { token: county.token },
  );
  assert.equal(door.status, 200, JSON.stringify(door.body));
  assert.equal(door.body.seekerName, '黄阿姨');
});

test('a person registered at the window for an online-only fair gets no entry code', async () => {
  const person = await register({
    ...profileBody({ name: '邓大伯', birthDate: '1962-03-03', gender: 'male' }),
    consent,
  });
  const fairId = await createFair(api, county, {
    status: 'registration_open',
    overrides: { mode: 'online', venue: undefined },
  });
  const path = `/api/staff/fairs/${fairId}/window-registrations`;
  const ticket = await api.post(
    path,
    { seekerProfileId: person.body.id },
    { token: futianStaff.token },
  );
  assert.equal(ticket.status, 200, JSON.stringify(ticket.body));
  assert.equal(ticket.body.ticketCode, null);
  assert.equal(ticket.body.qrCode, null);
  const printed = await api.get(`${path}/${person.body.id}/ticket`, { token: futianStaff.token });
  assert.match(printed.body, /线上招聘会，无需入场码/);
  assert.ok(!printed.body.includes('data:image/'));
});

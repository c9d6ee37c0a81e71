import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import { FairNoticeService } from '@jipin/fairs';
import {
  approvedBooth,
  createFair,
  createStaffUser,
  FUTIAN,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  registerUser,
  TestApi,
  TestEmployer,
  TestUser,
  uniquePhone,
  WENFENG,
} from '@jipin/testing';

let api: TestApi;
let staff: TestUser;
let wenfengStaff: TestUser;
let futianStaff: TestUser;
let a: TestEmployer;
let b: TestEmployer;
let c: TestEmployer;
const vacancies: Record<string, string> = {};

const count = async (sql: string, params: unknown[] = []) =>
  Number((await api.dataSource.query(sql, params))[0].count);

beforeAll(async () => {
  api = await TestApi.start('fairs', { RATE_LIMIT_EXPORT: '3' });
  staff = await createStaffUser(api);
  wenfengStaff = await createStaffUser(api, { townshipCode: WENFENG });
  futianStaff = await createStaffUser(api, { townshipCode: FUTIAN });
  [a, b, c] = await Promise.all([1, 2, 3].map(() => registerEmployer(api, { staff })));
  vacancies.a1 = await publishVacancy(api, a, { headcount: 20 });
  vacancies.a2 = await publishVacancy(api, a, { title: '仓库管理员', headcount: 3 });
  vacancies.b1 = await publishVacancy(api, b, { headcount: 10 });
  vacancies.c1 = await publishVacancy(api, c, { headcount: 5 });
});
afterAll(async () => api.close());

const applyBooth = (employer: TestEmployer, fairId: string, vacancyIds: string[]) =>
  api.post(`/api/employer/fairs/${fairId}/booths`, { vacancyIds }, { token: employer.owner.token });
const approve = (boothId: string, body: Record<string, unknown> = {}, token = staff.token) =>
  api.post(`/api/staff/booths/${boothId}/approve`, body, { token });
const checkIn = (fairId: string, body: Record<string, unknown>, token = staff.token) =>
  api.post(`/api/staff/fairs/${fairId}/check-ins`, body, { token });

describe('fairs and their status', () => {
  test('an offline fair needs a venue, township and booths; statuses move forward only', async () => {
    const missing = await api.post(
      '/api/staff/fairs',
      {
        title: '线下专场',
        mode: 'offline',
        startsAt: '2026-03-01T09:00:00+08:00',
        endsAt: '2026-03-01T12:00:00+08:00',
      },
      { token: staff.token },
    );
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.details.map((d: { field: string }) => d.field).sort(), [
      'boothCount',
      'townshipCode',
      'venue',
    ]);
    const fairId = await createFair(api, staff, { status: 'draft' });
    const skip = await api.post(
      `/api/staff/fairs/${fairId}/status`,
      { status: 'ongoing' },
      { token: staff.token },
    );
    assert.equal(skip.status, 409);
    assert.equal((await api.get(`/api/fairs/${fairId}`)).status, 404, 'a draft is not public');
  });

  test('window staff run only their township’s fairs', async () => {
    const fairId = await createFair(api, staff, { status: 'draft' });
    const other = await api.post(
      `/api/staff/fairs/${fairId}/status`,
      { status: 'registration_open' },
      { token: futianStaff.token },
    );
    assert.equal(other.status, 403);
    assert.equal(other.body.code, 'outside_township');
    const own = await api.post(
      `/api/staff/fairs/${fairId}/status`,
      { status: 'registration_open' },
      { token: wenfengStaff.token },
    );
    assert.equal(own.status, 200, JSON.stringify(own.body));
    const elsewhere = await api.post(
      '/api/staff/fairs',
      { ...(await import('@jipin/testing')).fairBody() },
      { token: futianStaff.token },
    );
    assert.equal(elsewhere.status, 403, 'a 阜田 window cannot organise a 文峰 fair');
  });
});

describe('booths', () => {
  test('no two employers in one booth, one booth per company unless staff allow more, a cancelled booth frees its number', async () => {
    const fairId = await createFair(api, staff, { overrides: { boothCount: 3 } });
    const boothA = await applyBooth(a, fairId, [vacancies.a1]);
    assert.equal(boothA.status, 201, JSON.stringify(boothA.body));
    assert.equal(
      (await applyBooth(a, fairId, [vacancies.a1])).body.id,
      boothA.body.id,
      'a pending application is answered again',
    );
    assert.equal((await approve(boothA.body.id, { boothNumber: 1 })).body.boothNumber, 1);
    const boothB = await applyBooth(b, fairId, [vacancies.b1]);
    const taken = await approve(boothB.body.id, { boothNumber: 1 });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.code, 'booth_number_taken');
    assert.equal((await approve(boothB.body.id)).body.boothNumber, 2, 'the lowest free number');

    const secondA = await applyBooth(a, fairId, [vacancies.a2]);
    assert.equal(secondA.status, 201);
    const refused = await approve(secondA.body.id);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'one_booth_per_employer');
    const allowed = await approve(secondA.body.id, { allowAdditionalBooth: true });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.body.boothNumber, 3);

    const boothC = await applyBooth(c, fairId, [vacancies.c1]);
    assert.equal((await approve(boothC.body.id)).body.code, 'booths_full');
    const cancelled = await api.post(
      `/api/employer/booths/${boothA.body.id}/cancel`,
      {},
      { token: a.owner.token },
    );
    assert.equal(cancelled.body.status, 'cancelled');
    const reused = await approve(boothC.body.id, { boothNumber: 1 });
    assert.equal(reused.status, 200, JSON.stringify(reused.body));
    assert.equal(reused.body.boothNumber, 1);
  });

  test('two approvals racing for the same number: one gets it, the other is told', async () => {
    const fairId = await createFair(api, staff, { overrides: { boothCount: 5 } });
    const first = await applyBooth(a, fairId, [vacancies.a1]);
    const second = await applyBooth(b, fairId, [vacancies.b1]);
    const results = await Promise.all([
      approve(first.body.id, { boothNumber: 4 }),
      approve(second.body.id, { boothNumber: 4 }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
    assert.equal(
      await count(
        `select count(*) from fair_booths where fair_id = $1 and booth_number = 4 and status = 'approved'`,
        [fairId],
      ),
      1,
    );
  });

  test('an employer brings only its own published vacancies and touches only its own booths', async () => {
    const fairId = await createFair(api, staff);
    const foreign = await applyBooth(a, fairId, [vacancies.b1]);
    assert.equal(foreign.status, 422);
    assert.equal(foreign.body.code, 'vacancy_not_bringable');
    const booth = await approvedBooth(api, staff, fairId, a.owner, [vacancies.a1]);
    const cancel = await api.post(
      `/api/employer/booths/${booth.id}/cancel`,
      {},
      { token: b.owner.token },
    );
    assert.equal(cancel.status, 404);
    const seeker = await registerSeekerWithProfile(api);
    const { body: ticket } = await api.post(
      `/api/fairs/${fairId}/registrations`,
      {},
      { token: seeker.token },
    );
    const intent = await api.post(
      `/api/employer/booths/${booth.id}/intents`,
      { vacancyId: vacancies.a1, ticketCode: ticket.ticketCode },
      { token: b.owner.token },
    );
    assert.equal(intent.status, 404, 'another employer cannot record at this booth');
    const otherTownship = await approve(booth.id, {}, futianStaff.token);
    assert.equal(otherTownship.status, 403);
  });
});

describe('tickets and the door', () => {
  test('registering gives an unguessable ticket with a QR code; registering again gives the same ticket', async () => {
    const fairId = await createFair(api, staff, { status: 'registration_open' });
    const seeker = await registerUser(api, 'seeker');
    const first = await api.post(`/api/fairs/${fairId}/registrations`, {}, { token: seeker.token });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.match(first.body.ticketCode, /^\d{4}-\d{4}$/, 'digits in groups, read aloud');
    assert.match(first.body.qrCode, /^data:image\/svg\+xml;base64,/);
    const again = await api.post(`/api/fairs/${fairId}/registrations`, {}, { token: seeker.token });
    assert.equal(again.status, 200);
    assert.equal(again.body.ticketCode, first.body.ticketCode);
    const other = await registerUser(api, 'seeker');
    const second = await api.post(`/api/fairs/${fairId}/registrations`, {}, { token: other.token });
    assert.notEqual(second.body.ticketCode, first.body.ticketCode);
    const early = await checkIn(fairId, { ticketCode: first.body.ticketCode });
    assert.equal(early.status, 409, 'the door opens when the fair is ongoing');
  });

  test('the ticket names the fair, its time and venue and the holder (masked); an online fair has no entry code', async () => {
    const fairId = await createFair(api, staff, { status: 'registration_open' });
    const seeker = await registerUser(api, 'seeker', '李秀英');
    await api.post(`/api/fairs/${fairId}/registrations`, {}, { token: seeker.token });
    const ticket = await api.get(`/api/fairs/${fairId}/ticket`, { token: seeker.token });
    assert.equal(ticket.status, 200, JSON.stringify(ticket.body));
    assert.equal(ticket.body.fairTitle, '2026年春风行动专场招聘会');
    assert.equal(ticket.body.venue, '吉水县人力资源市场一楼大厅');
    assert.ok(ticket.body.startsAt && ticket.body.endsAt);
    assert.equal(ticket.body.holderName, '李**');
    assert.match(ticket.body.ticketCode, /^\d{4}-\d{4}$/);

    const onlineFair = await createFair(api, staff, {
      status: 'registration_open',
      overrides: { mode: 'online', venue: undefined, boothCount: undefined },
    });
    const registered = await api.post(
      `/api/fairs/${onlineFair}/registrations`,
      {},
      { token: seeker.token },
    );
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    assert.equal(registered.body.ticketCode, null);
    assert.equal(registered.body.qrCode, null);
  });

  test('the door takes a code as it is read aloud, still takes codes issued before, and slows guessing', async () => {
    const fairId = await createFair(api, staff);
    const door = await createStaffUser(api);
    const seeker = await registerUser(api, 'seeker');
    const { body: ticket } = await api.post(
      `/api/fairs/${fairId}/registrations`,
      {},
      { token: seeker.token },
    );
    const spoken = ticket.ticketCode.replace('-', ' ');
    const admitted = await checkIn(fairId, { ticketCode: spoken }, door.token);
    assert.equal(admitted.status, 200, JSON.stringify(admitted.body));
    assert.equal(admitted.body.alreadyCheckedIn, false);
    const typed = await checkIn(
      fairId,
      { ticketCode: ticket.ticketCode.replace('-', '') },
      door.token,
    );
    assert.equal(typed.body.alreadyCheckedIn, true);

    // A ticket issued before the change (22 characters) keeps working.
    const earlier = await registerUser(api, 'seeker');
    await api.post(`/api/fairs/${fairId}/registrations`, {}, { token: earlier.token });
    const oldCode = 'mFubmKREvdgTd0VRL0JN_w';
    await api.dataSource.query(
      `update fair_registrations set ticket_code = $1 where fair_id = $2 and seeker_user_id = $3`,
      [oldCode, fairId, earlier.userId],
    );
    const old = await checkIn(fairId, { ticketCode: oldCode }, door.token);
    assert.equal(old.status, 200, JSON.stringify(old.body));

    const malformed = await checkIn(fairId, { ticketCode: '4821-330' }, door.token);
    assert.equal(malformed.status, 400);
    // Unknown codes are what guessing produces: after 20 in a minute the door refuses scans
    // for a while, with a reason; a busy door with good tickets is never slowed.
    // (A fixed one-minute window: the 21st miss is refused, unless a new minute began.)
    const statuses: number[] = [];
    let refused;
    for (let i = 0; i < 45 && !refused; i++) {
      const guess = await checkIn(fairId, { ticketCode: String(10_000_000 + i) }, door.token);
      statuses.push(guess.status);
      if (guess.status === 429) refused = guess;
    }
    assert.ok(refused, `no refusal after ${statuses.length} unknown codes`);
    assert.ok(statuses.length >= 21);
    assert.ok(statuses.slice(0, -1).every((status) => status === 404));
    assert.equal(refused.body.code, 'rate_limited');
    assert.match(refused.body.message, /无效门票码过多/);
  });

  test('a second scan is harmless, and ten simultaneous scans check the person in once', async () => {
    const fairId = await createFair(api, staff);
    const seeker = await registerUser(api, 'seeker');
    const { body: ticket } = await api.post(
      `/api/fairs/${fairId}/registrations`,
      {},
      { token: seeker.token },
    );
    const first = await checkIn(fairId, { ticketCode: ticket.ticketCode });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.alreadyCheckedIn, false);
    const second = await checkIn(fairId, { ticketCode: ticket.ticketCode });
    assert.equal(second.body.alreadyCheckedIn, true);

    const racer = await registerUser(api, 'seeker');
    const { body: racerTicket } = await api.post(
      `/api/fairs/${fairId}/registrations`,
      {},
      { token: racer.token },
    );
    const scans = await Promise.all(
      Array.from({ length: 10 }, () => checkIn(fairId, { ticketCode: racerTicket.ticketCode })),
    );
    assert.ok(scans.every((s) => s.status === 200));
    assert.equal(scans.filter((s) => !s.body.alreadyCheckedIn).length, 1);
    const byPhone = await checkIn(fairId, { phone: racer.phone });
    assert.equal(byPhone.body.alreadyCheckedIn, true);
    const unknown = await checkIn(fairId, { ticketCode: 'A'.repeat(22) });
    assert.equal(unknown.status, 404);
    assert.equal(
      (await checkIn(fairId, { ticketCode: racerTicket.ticketCode, phone: racer.phone })).status,
      400,
    );
    const otherTownship = await checkIn(
      fairId,
      { ticketCode: ticket.ticketCode },
      futianStaff.token,
    );
    assert.equal(otherTownship.status, 403);
  });

  test('a walk-in is registered on the spot by phone and checked in; the next scan finds them in', async () => {
    const fairId = await createFair(api, staff);
    const phone = uniquePhone();
    const unregistered = await checkIn(fairId, { phone });
    assert.equal(unregistered.status, 404);
    assert.equal(unregistered.body.code, 'not_registered');
    const [walkIn, twin] = await Promise.all([
      api.post(
        `/api/staff/fairs/${fairId}/walk-ins`,
        { phone, name: '王大姐' },
        { token: wenfengStaff.token },
      ),
      api.post(
        `/api/staff/fairs/${fairId}/walk-ins`,
        { phone, name: '王大姐' },
        { token: staff.token },
      ),
    ]);
    assert.equal(walkIn.status, 200, JSON.stringify(walkIn.body));
    assert.equal(twin.status, 200, JSON.stringify(twin.body));
    assert.equal(walkIn.body.walkIn, true);
    assert.equal([walkIn, twin].filter((r) => !r.body.alreadyCheckedIn).length, 1);
    assert.equal((await checkIn(fairId, { phone })).body.alreadyCheckedIn, true);
    assert.equal(
      await count(
        `select count(*) from fair_registrations where fair_id = $1 and seeker_user_id = $2`,
        [fairId, walkIn.body.seekerUserId],
      ),
      1,
    );
  });
});

describe('at the fair', () => {
  test('seekers see the vacancies at approved booths and apply to them, the fair remembered', async () => {
    const fairId = await createFair(api, staff);
    const booth = await approvedBooth(api, staff, fairId, a.owner, [vacancies.a1, vacancies.a2]);
    await applyBooth(b, fairId, [vacancies.b1]); // pending: not shown
    const listed = await api.get(`/api/fairs/${fairId}/vacancies`);
    assert.deepEqual(
      listed.body.map((v: { id: string }) => v.id).sort(),
      [vacancies.a1, vacancies.a2].sort(),
    );
    assert.equal(listed.body[0].boothNumber, booth.boothNumber);
    const seeker = await registerSeekerWithProfile(api);
    const applied = await api.post(
      `/api/fairs/${fairId}/applications`,
      { vacancyId: vacancies.a1 },
      { token: seeker.token },
    );
    assert.equal(applied.status, 201, JSON.stringify(applied.body));
    assert.equal(applied.body.fairId, fairId);
    const moved = await api.post(
      `/api/employer/applications/${applied.body.id}/status`,
      { status: 'intent' },
      { token: a.owner.token },
    );
    assert.equal(moved.status, 200);
    const [intent] = await api.dataSource.query(
      `select source, fair_id from placement_intents where application_id = $1`,
      [applied.body.id],
    );
    assert.deepEqual(
      intent,
      { source: 'application', fair_id: fairId },
      'an intent from a fair application counts for the fair',
    );
    const elsewhere = await api.post(
      `/api/fairs/${fairId}/applications`,
      { vacancyId: vacancies.b1 },
      { token: seeker.token },
    );
    assert.equal(elsewhere.status, 404);
  });

  test('a recruiter records an intent at the booth by ticket or phone: one intent, source fair_booth, under retries and races', async () => {
    const fairId = await createFair(api, staff);
    const booth = await approvedBooth(api, staff, fairId, a.owner, [vacancies.a1]);
    const seeker = await registerSeekerWithProfile(api);
    const { body: ticket } = await api.post(
      `/api/fairs/${fairId}/registrations`,
      {},
      { token: seeker.token },
    );
    await checkIn(fairId, { ticketCode: ticket.ticketCode });
    const record = (body: Record<string, unknown>, headers?: Record<string, string>) =>
      api.post(
        `/api/employer/booths/${booth.id}/intents`,
        { vacancyId: vacancies.a1, ...body },
        { token: a.owner.token, headers },
      );
    const first = await record({ ticketCode: ticket.ticketCode });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.source, 'fair_booth');
    assert.equal(first.body.fairId, fairId);
    const byPhone = await record({ phone: seeker.phone });
    assert.equal(byPhone.status, 200);
    assert.equal(byPhone.body.id, first.body.id);
    const races = await Promise.all(
      Array.from({ length: 6 }, () => record({ ticketCode: ticket.ticketCode })),
    );
    assert.ok(races.every((r) => r.body.id === first.body.id));
    const keyed = await record(
      { phone: seeker.phone },
      { 'idempotency-key': `booth-${ticket.ticketCode}` },
    );
    const replay = await record(
      { phone: seeker.phone },
      { 'idempotency-key': `booth-${ticket.ticketCode}` },
    );
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.body.id, keyed.body.id);
    assert.equal(
      await count(`select count(*) from placement_intents where seeker_user_id = $1`, [
        seeker.userId,
      ]),
      1,
    );
    const notBrought = await record({ ticketCode: ticket.ticketCode, vacancyId: vacancies.a2 });
    assert.equal(notBrought.status, 404, 'only vacancies the booth brought');
    const stranger = await registerSeekerWithProfile(api);
    assert.equal(
      (await record({ phone: stranger.phone })).status,
      404,
      'only people checked in at this fair',
    );
  });

  test('intents at a booth are only for people checked in at that fair; anyone else gets one answer that names nobody', async () => {
    const fairId = await createFair(api, staff);
    const otherFairId = await createFair(api, staff);
    const booth = await approvedBooth(api, staff, fairId, a.owner, [vacancies.a1]);
    const record = (person: { phone?: string; ticketCode?: string }) =>
      api.post(
        `/api/employer/booths/${booth.id}/intents`,
        { vacancyId: vacancies.a1, ...person },
        { token: a.owner.token },
      );
    const ticketFor = async (person: TestUser, id: string) =>
      (await api.post(`/api/fairs/${id}/registrations`, {}, { token: person.token })).body
        .ticketCode as string;
    const [absent, elsewhere, present] = await Promise.all(
      ['柳翠萍', '郭建华', '邓小芳'].map((name) => registerSeekerWithProfile(api, { name })),
    );
    const absentTicket = await ticketFor(absent, fairId);
    await ticketFor(elsewhere, fairId);
    const otherTicket = await ticketFor(elsewhere, otherFairId);
    assert.equal((await checkIn(otherFairId, { ticketCode: otherTicket })).status, 200);
    const presentTicket = await ticketFor(present, fairId);
    assert.equal((await checkIn(fairId, { ticketCode: presentTicket })).status, 200);

    const refused = {
      'a phone nobody registered with': await record({ phone: uniquePhone() }),
      'an account not registered for the fair': await record({
        phone: (await registerSeekerWithProfile(api, { name: '钟秀兰' })).phone,
      }),
      'registered but not checked in, by phone': await record({ phone: absent.phone }),
      'registered but not checked in, by ticket': await record({ ticketCode: absentTicket }),
      'checked in at another fair, by phone': await record({ phone: elsewhere.phone }),
      'checked in at another fair, by its ticket': await record({ ticketCode: otherTicket }),
    };
    for (const [who, answer] of Object.entries(refused)) {
      assert.equal(answer.status, 404, `${who}: ${JSON.stringify(answer.body)}`);
      assert.deepEqual(
        answer.body,
        refused['a phone nobody registered with'].body,
        `${who}: the same answer as for an unknown phone`,
      );
    }
    const answer = refused['a phone nobody registered with'].body;
    assert.equal(answer.code, 'not_checked_in');
    assert.match(answer.message, /签到/);
    assert.doesNotMatch(JSON.stringify(answer), /柳翠萍|郭建华|钟秀兰|测试用户/);
    assert.equal(
      await count(`select count(*) from placement_intents where fair_id = $1`, [fairId]),
      0,
    );

    const checkedIn = await record({ phone: present.phone });
    assert.equal(checkedIn.status, 201, JSON.stringify(checkedIn.body));
    assert.equal(checkedIn.body.seekerName, '邓小芳');
    const walkInPhone = uniquePhone();
    const walkIn = await api.post(
      `/api/staff/fairs/${fairId}/walk-ins`,
      { phone: walkInPhone, name: '王大姐' },
      { token: staff.token },
    );
    assert.equal(walkIn.status, 200, JSON.stringify(walkIn.body));
    const walkInIntent = await record({ phone: walkInPhone });
    assert.equal(walkInIntent.status, 201, JSON.stringify(walkInIntent.body));
    assert.equal(walkInIntent.body.seekerName, '王大姐');
  });
});

describe('numbers, report and totals', () => {
  test('live numbers by employer and an .xlsx report', async () => {
    const fairId = await createFair(api, staff);
    const boothA = await approvedBooth(api, staff, fairId, a.owner, [vacancies.a1, vacancies.a2]);
    await approvedBooth(api, staff, fairId, b.owner, [vacancies.b1]);
    const people = await Promise.all([1, 2].map(() => registerSeekerWithProfile(api)));
    for (const person of people) {
      const { body: ticket } = await api.post(
        `/api/fairs/${fairId}/registrations`,
        {},
        { token: person.token },
      );
      await checkIn(fairId, { ticketCode: ticket.ticketCode });
      await api.post(
        `/api/fairs/${fairId}/applications`,
        { vacancyId: vacancies.a1 },
        { token: person.token },
      );
      for (const vacancyId of [vacancies.a1, vacancies.a2])
        await api.post(
          `/api/employer/booths/${boothA.id}/intents`,
          { vacancyId, phone: person.phone },
          { token: a.owner.token },
        );
    }
    const numbers = await api.get(`/api/staff/fairs/${fairId}/numbers`, {
      token: wenfengStaff.token,
    });
    assert.equal(numbers.status, 200, JSON.stringify(numbers.body));
    assert.deepEqual(numbers.body.totals, {
      employers: 2,
      booths: 2,
      vacancies: 3,
      positions: 33,
      registrations: 2,
      checkIns: 2,
      applications: 2,
      intents: 4,
      peopleWithIntents: 2,
    });
    const rowA = numbers.body.byEmployer.find((r: { employerId: string }) => r.employerId === a.id);
    assert.deepEqual(
      {
        vacancies: rowA.vacancies,
        positions: rowA.positions,
        applications: rowA.applications,
        intents: rowA.intents,
        people: rowA.peopleWithIntents,
      },
      { vacancies: 2, positions: 23, applications: 2, intents: 4, people: 2 },
    );
    assert.equal(
      (await api.get(`/api/staff/fairs/${fairId}/numbers`, { token: futianStaff.token })).status,
      403,
    );
    const report = await fetch(`${api.baseUrl}/api/staff/fairs/${fairId}/report`, {
      headers: { authorization: `Bearer ${staff.token}` },
    });
    assert.equal(report.status, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await report.arrayBuffer());
    const summary = workbook.getWorksheet('汇总')!;
    const values = new Map<string, unknown>();
    summary.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    assert.equal(values.get('汇集岗位数（人）'), 33);
    assert.equal(values.get('达成意向（人）'), 2);
    assert.equal(workbook.getWorksheet('按单位')!.rowCount, 3);
  });

  test('report exports are rate limited per person, like the statistics exports', async () => {
    const exporter = await createStaffUser(api);
    const fairId = await createFair(api, exporter);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const report = await fetch(`${api.baseUrl}/api/staff/fairs/${fairId}/report`, {
        headers: { authorization: `Bearer ${exporter.token}` },
      });
      statuses.push(report.status);
    }
    assert.deepEqual(statuses, [200, 200, 200], 'RATE_LIMIT_EXPORT (3 here) reports an hour');
    const fourth = await api.get(`/api/staff/fairs/${fairId}/report`, { token: exporter.token });
    assert.equal(fourth.status, 429);
    assert.equal(fourth.body.code, 'rate_limited');
    assert.equal(
      fourth.body.message,
      `导出过于频繁，请在${fourth.headers.get('retry-after')}秒后重试`,
    );
    assert.ok(fourth.body.details[0].retryAfterSeconds > 0);
    const statistics = await api.get(
      '/api/staff/statistics/export?from=2026-01-01&to=2026-12-31&format=csv',
      { token: exporter.token },
    );
    assert.equal(statistics.status, 429, 'one budget across every export');
    const other = await fetch(`${api.baseUrl}/api/staff/fairs/${fairId}/report`, {
      headers: { authorization: `Bearer ${staff.token}` },
    });
    assert.equal(other.status, 200, 'another person is not held back');
  });

  test('totals over overlapping fairs count each vacancy’s positions and each person once', async () => {
    const from = '2031-03-01';
    const at = (day: number) => ({
      startsAt: `2031-03-0${day}T09:00:00+08:00`,
      endsAt: `2031-03-0${day}T12:00:00+08:00`,
    });
    const fairs: string[] = [];
    for (const day of [1, 2, 3]) {
      const id = await createFair(api, staff, { status: 'registration_open', overrides: at(day) });
      await api.dataSource.query(`update fairs set status = 'ongoing' where id = $1`, [id]);
      fairs.push(id);
    }
    const cancelledFair = await createFair(api, staff, {
      status: 'registration_open',
      overrides: at(4),
    });
    // a1 (20) at all three fairs, b1 (10) at two, c1 (5) at the cancelled one only.
    const booths = [];
    for (const fairId of fairs)
      booths.push(await approvedBooth(api, staff, fairId, a.owner, [vacancies.a1]));
    for (const fairId of fairs.slice(0, 2))
      await approvedBooth(api, staff, fairId, b.owner, [vacancies.b1]);
    await approvedBooth(api, staff, cancelledFair, c.owner, [vacancies.c1]);
    await api.post(
      `/api/staff/fairs/${cancelledFair}/status`,
      { status: 'cancelled' },
      { token: staff.token },
    );
    // The same person reaches intents at two fairs (a1 at fair 1, b1 at fair 2); another at fair 3.
    const [twice, once] = await Promise.all([1, 2].map(() => registerSeekerWithProfile(api)));
    for (const fairId of fairs)
      for (const person of [twice, once]) {
        const { body: ticket } = await api.post(
          `/api/fairs/${fairId}/registrations`,
          {},
          { token: person.token },
        );
        await checkIn(fairId, { ticketCode: ticket.ticketCode });
      }
    const bBooth = (
      await api.get(`/api/staff/fairs/${fairs[1]}/booths`, { token: staff.token })
    ).body.find((x: { employerId: string }) => x.employerId === b.id);
    await api.post(
      `/api/employer/booths/${booths[0].id}/intents`,
      { vacancyId: vacancies.a1, phone: twice.phone },
      { token: a.owner.token },
    );
    await api.post(
      `/api/employer/booths/${bBooth.id}/intents`,
      { vacancyId: vacancies.b1, phone: twice.phone },
      { token: b.owner.token },
    );
    await api.post(
      `/api/employer/booths/${booths[2].id}/intents`,
      { vacancyId: vacancies.a1, phone: once.phone },
      { token: a.owner.token },
    );

    const totals = await api.get(`/api/staff/fair-totals?from=${from}&to=2031-03-31`, {
      token: staff.token,
    });
    assert.equal(totals.status, 200, JSON.stringify(totals.body));
    assert.equal(totals.body.fairs, 3, 'the cancelled fair gathered nothing');
    assert.equal(totals.body.vacancies, 2);
    assert.equal(totals.body.positions, 30, 'a1 and b1 once each: 20 + 10');
    assert.equal(totals.body.positionsSummedPerFair, 80, 'what adding up the fairs would say');
    assert.equal(totals.body.intents, 3);
    assert.equal(totals.body.peopleWithIntents, 2);
    const firstTwoDays = await api.get(`/api/staff/fair-totals?from=${from}&to=2031-03-02`, {
      token: staff.token,
    });
    assert.equal(firstTwoDays.body.fairs, 2);
    assert.equal(firstTwoDays.body.peopleWithIntents, 1);
    const futian = await api.get(`/api/staff/fair-totals?from=${from}&to=2031-03-31`, {
      token: futianStaff.token,
    });
    assert.equal(futian.body.fairs, 0, 'a window sees its own township’s fairs');
  });
});

describe('notices', () => {
  test('opening registration invites the target groups of the fair’s township, once each', async () => {
    const inWenfeng = await registerSeekerWithProfile(api, {
      townshipCode: WENFENG,
      villageCode: '360822100201',
      desiredTownships: [WENFENG],
    });
    const urban = await registerSeekerWithProfile(api, {
      townshipCode: WENFENG,
      villageCode: '360822100201',
      desiredTownships: [WENFENG],
      household: 'urban',
    });
    const inFutian = await registerSeekerWithProfile(api);
    const fairId = await createFair(api, staff, { status: 'registration_open' });
    const notices = api.app.get(FairNoticeService);
    await notices.invite(fairId);
    await notices.invite(fairId);
    const invited = async (user: TestUser) =>
      count(`select count(*) from notifications where dedupe_key = $1`, [
        `fair-invite:${fairId}:${user.userId}`,
      ]);
    assert.equal(await invited(inWenfeng), 1);
    assert.equal(await invited(urban), 0, 'not in the target groups');
    assert.equal(await invited(inFutian), 0, 'another township');
    assert.equal(
      await count(
        `select count(*) from outbox_events where type = 'fair.registration_opened' and aggregate_id = $1`,
        [fairId],
      ),
      1,
    );
  });

  test('registered seekers and booth employers are reminded once before the fair', async () => {
    const soon = {
      startsAt: new Date(Date.now() + 6 * 3600 * 1000).toISOString(),
      endsAt: new Date(Date.now() + 9 * 3600 * 1000).toISOString(),
    };
    const fairId = await createFair(api, staff, { status: 'registration_open', overrides: soon });
    await approvedBooth(api, staff, fairId, c.owner, [vacancies.c1]);
    const seeker = await registerUser(api, 'seeker');
    await api.post(`/api/fairs/${fairId}/registrations`, {}, { token: seeker.token });
    const notices = api.app.get(FairNoticeService);
    await Promise.all([notices.sendReminders(), notices.sendReminders()]);
    await notices.sendReminders();
    for (const userId of [seeker.userId, c.owner.userId])
      assert.equal(
        await count(`select count(*) from notifications where dedupe_key = $1`, [
          `fair-reminder:${fairId}:${userId}`,
        ]),
        1,
      );
  });
});

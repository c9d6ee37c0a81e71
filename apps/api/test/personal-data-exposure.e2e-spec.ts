import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import { parseResidentId, withIdCheckDigit } from '@jipin/core';
import { MatchingService } from '@jipin/matching';
import {
  approvedBooth,
  createFair,
  createStaffUser,
  discoverRoutes,
  chinaTomorrow,
  FUTIAN,
  gigBody,
  shiftDays,
  HttpResponse,
  profileBody,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  residentId,
  TestApi,
  TestEmployer,
  TestSeeker,
  TestUser,
  uniquePhone,
  WENFENG,
} from '@jipin/testing';
import { NOT_ABOUT_OTHER_PEOPLE, PERSON_ROUTES } from './personal-data-routes';

/**
 * PIPL: over every route that returns a person, as every kind of caller, the
 * answer holds no full ID number, no full phone and no birth date of anyone
 * but the caller, and no masked ID that the person's birth date, gender and
 * county would complete, unless the call wrote a pii_access_log row saying
 * who and why. Employers see a résumé only with a reason.
 */
let api: TestApi;
let countyStaff: TestUser;
let futianStaff: TestUser; // the person's township
let wenfengStaff: TestUser; // another township
let person: TestSeeker; // the one everyone tries to read
let otherSeeker: TestSeeker;
let related: TestEmployer; // the person applied to it
let recommended: TestEmployer; // matching recommended the person to it
let metAtFair: TestEmployer; // the person checked in at its fair
let unrelated: TestEmployer;
let unverified: TestEmployer;
const vacancies: Record<string, string> = {};
let applicationId: string;
let fairId: string;
let boothId: string;
let ticketCode: string;

interface Person {
  label: string;
  phone: string;
  idNumber?: string;
  birthDate?: string;
  gender?: 'male' | 'female';
}
/** Everyone whose ID, phone or birth date must not leak: filled as the test makes them. */
const people: Person[] = [];

const PERSON_BIRTH = '1987-03-14';

beforeAll(async () => {
  api = await TestApi.start('pii_exposure');
  countyStaff = await createStaffUser(api);
  futianStaff = await createStaffUser(api, { townshipCode: FUTIAN });
  wenfengStaff = await createStaffUser(api, { townshipCode: WENFENG });
  for (const [label, staff] of Object.entries({ countyStaff, futianStaff, wenfengStaff }))
    people.push({ label, phone: staff.phone });

  person = await registerSeekerWithProfile(api, {
    name: '刘秀英',
    birthDate: PERSON_BIRTH,
    gender: 'female',
    visibility: 'open',
    desiredOccupations: ['6-25-04-01'],
    skills: ['电焊'],
    desiredPayMin: 4000,
  });
  people.push({ label: 'person', ...person, birthDate: PERSON_BIRTH, gender: 'female' });
  otherSeeker = await registerSeekerWithProfile(api, { birthDate: '1995-11-23' });
  people.push({ label: 'otherSeeker', ...otherSeeker, birthDate: '1995-11-23', gender: 'male' });

  const employer = async (label: string, verified = true) => {
    const contactPhone = uniquePhone();
    const made = await registerEmployer(api, {
      staff: countyStaff,
      verified,
      overrides: { contactPhone },
    });
    people.push({ label: `${label} owner`, phone: made.owner.phone });
    people.push({ label: `${label} contact`, phone: contactPhone });
    return made;
  };
  related = await employer('related');
  recommended = await employer('recommended');
  metAtFair = await employer('metAtFair');
  unrelated = await employer('unrelated');
  unverified = await employer('unverified', false);

  vacancies.related = await publishVacancy(api, related);
  const applied = await api.post(
    '/api/applications',
    { vacancyId: vacancies.related, coverNote: '有焊工经验' },
    { token: person.token },
  );
  assert.equal(applied.status, 201, JSON.stringify(applied.body));
  applicationId = applied.body.id;

  vacancies.recommended = await publishVacancy(api, recommended);
  await api.app.get(MatchingService).matchVacancy(vacancies.recommended);
  const matched = await api.dataSource.query(
    `select 1 from matches where vacancy_id = $1 and seeker_id = $2`,
    [vacancies.recommended, person.profileId],
  );
  assert.equal(matched.length, 1, 'matching recommends the person to the employer');

  fairId = await createFair(api, countyStaff);
  vacancies.fair = await publishVacancy(api, metAtFair);
  boothId = (await approvedBooth(api, countyStaff, fairId, metAtFair.owner, [vacancies.fair])).id;
  const registration = await api.post(
    `/api/fairs/${fairId}/registrations`,
    {},
    { token: person.token },
  );
  ticketCode = registration.body.ticketCode;
});
afterAll(async () => api.close());

/** Every string in a JSON answer (or workbook), with where it was found. */
function strings(value: unknown, path = '$'): [string, string][] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string' || typeof value === 'number') return [[path, String(value)]];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${path}[${i}]`));
  if (typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
  return [];
}

/** IDs that agree with the visible characters of a mask, for an attacker who knows everything else. */
function rebuildCandidates(masked: string, who: Person): number {
  const [birth, gender, county] = [who.birthDate!, who.gender!, who.idNumber!.slice(0, 6)];
  let count = 0;
  for (let sequence = 0; sequence < 1000; sequence++) {
    if (sequence % 2 !== (gender === 'male' ? 1 : 0)) continue;
    const id = withIdCheckDigit(
      `${county}${birth.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`,
    );
    if ([...masked].every((char, i) => char === '*' || char === id[i])) count++;
  }
  return count;
}

/** 18 characters that parse as a resident ID (credit codes of companies do not: no valid birth date). */
const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/g;
const FULL_PHONE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;
const MASKED_ID = /(?<![0-9A-Za-z*])[\dX*]{18}(?![0-9A-Za-z*])/g;

/** What in an answer would give away a person's ID number, phone or birth date. */
function leaks(found: [string, string][], caller: TestUser): string[] {
  const problems: string[] = [];
  for (const [path, text] of found) {
    for (const id of text.match(FULL_ID) ?? [])
      if (parseResidentId(id).ok) problems.push(`${path}: full ID number ${id}`);
    if (FULL_PHONE.test(text)) problems.push(`${path}: full phone ${text}`);
    for (const who of people) {
      if (who.phone === caller.phone) continue; // the caller's own data
      if (who.birthDate && text.includes(who.birthDate))
        problems.push(`${path}: birth date of ${who.label}`);
      if (who.idNumber && text.includes(who.idNumber.slice(6, 14)))
        problems.push(`${path}: birth-date digits of ${who.label}'s ID`);
      for (const masked of text.match(MASKED_ID) ?? []) {
        if (!who.idNumber || !masked.includes('*')) continue;
        if (![...masked].every((char, i) => char === '*' || char === who.idNumber![i])) continue;
        const left = rebuildCandidates(masked, who);
        if (left < 30) problems.push(`${path}: ${masked} leaves only ${left} IDs for ${who.label}`);
      }
    }
  }
  return problems;
}

/** Rows that log a reveal of an ID number or phone (the only rows that let a full value out). */
const logCount = async (): Promise<number> =>
  Number(
    (
      await api.dataSource.query(
        `select count(*)::int as n from pii_access_log where field in ('id_number', 'phone')`,
      )
    )[0].n,
  );

async function workbookStrings(response: Response): Promise<[string, string][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const found: [string, string][] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row, r) =>
      row.eachCell((cell, c) => found.push([`${sheet.name}!R${r}C${c}`, String(cell.text)])),
    ),
  );
  return found;
}

const probed = new Map<string, Set<string>>();
let calls = 0;

/**
 * One call as one caller: the answer must not leak, unless it wrote an audit
 * row (a reveal); returns the answer for the scenario to go on.
 */
async function probe(
  route: string,
  callerName: string,
  caller: TestUser,
  call: (token: string) => Promise<HttpResponse | Response>,
  expectedStatus: number,
): Promise<HttpResponse> {
  assert.ok(PERSON_ROUTES[route], `${route} is not listed as a route that returns people`);
  const logged = await logCount();
  const response = await call(caller.token);
  const status = response.status;
  let body: unknown;
  let found: [string, string][];
  if (response instanceof Response) {
    found = status === 200 ? await workbookStrings(response) : [];
  } else {
    body = response.body;
    found = strings(body);
  }
  assert.equal(status, expectedStatus, `${route} as ${callerName}: ${JSON.stringify(body)}`);
  if ((await logCount()) === logged)
    assert.deepEqual(leaks(found, caller), [], `${route} as ${callerName}`);
  if (!probed.has(route)) probed.set(route, new Set());
  probed.get(route)!.add(callerName);
  calls++;
  return { status, body, headers: new Headers() };
}

const get = (path: string) => (token: string) => api.get(path, { token });
const post = (path: string, body: unknown) => (token: string) => api.post(path, body, { token });
const download = (path: string) => (token: string) =>
  fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('no caller rebuilds an ID number or a phone without an audit row', () => {
  test('the résumé by id: 404 without a relation, the reason with one, never a birth date', async () => {
    const route = 'GET /api/seekers/:id';
    const path = `/api/seekers/${person.profileId}`;
    await probe(route, 'other seeker', otherSeeker, get(path), 404);
    await probe(route, 'unrelated employer', unrelated.owner, get(path), 404);
    await probe(route, 'unverified employer', unverified.owner, get(path), 404);
    const reasons: Record<string, string> = {};
    for (const [name, employer] of Object.entries({ related, recommended })) {
      const seen = await probe(route, `${name} employer`, employer.owner, get(path), 200);
      reasons[name] = seen.body.access.reason;
      assert.equal(seen.body.birthDate, undefined);
      assert.equal(seen.body.idNumber, undefined, 'employers need no ID number before a hire');
      assert.equal(seen.body.age, 39);
      assert.ok(seen.body.access.reasonName);
    }
    assert.deepEqual(reasons, { related: 'applied', recommended: 'recommended' });
    // The person sees who opened the résumé and why; refused calls leave no row.
    const log = await api.get('/api/seekers/me/pii-access-log', { token: person.token });
    const views = log.body
      .filter((row: { field: string }) => row.field === 'resume')
      .map((row: { actorUserId: string; purpose: string }) => [row.actorUserId, row.purpose]);
    assert.deepEqual(views.reverse(), [
      [related.owner.userId, '该求职者投递过贵单位的岗位'],
      [recommended.owner.userId, '平台向贵单位推荐了该求职者'],
    ]);
    // Registered for the fair, not yet checked in: not a meeting.
    await probe(route, 'fair employer before check-in', metAtFair.owner, get(path), 404);
    for (const [name, staff] of Object.entries({ countyStaff, futianStaff })) {
      const seen = await probe(route, name, staff, get(path), 200);
      assert.equal(seen.body.birthDate, undefined);
      assert.equal(seen.body.age, 39);
      assert.match(seen.body.idNumber, /^\d{4}\*{13}[\dX]$/);
    }
    await probe(route, 'wenfengStaff', wenfengStaff, get(path), 404);
  });

  test('the fair floor: check-in, booth intent, walk-in, numbers and the .xlsx report', async () => {
    await probe(
      'POST /api/staff/fairs/:id/check-ins',
      'countyStaff',
      countyStaff,
      post(`/api/staff/fairs/${fairId}/check-ins`, { ticketCode }),
      200,
    );
    const seen = await probe(
      'GET /api/seekers/:id',
      'fair employer after check-in',
      metAtFair.owner,
      get(`/api/seekers/${person.profileId}`),
      200,
    );
    assert.equal(seen.body.access.reason, 'fair');
    await probe(
      'POST /api/employer/booths/:id/intents',
      'fair employer',
      metAtFair.owner,
      post(`/api/employer/booths/${boothId}/intents`, { vacancyId: vacancies.fair, ticketCode }),
      201,
    );
    const walkInPhone = uniquePhone();
    people.push({ label: 'walk-in', phone: walkInPhone });
    await probe(
      'POST /api/staff/fairs/:id/walk-ins',
      'countyStaff',
      countyStaff,
      post(`/api/staff/fairs/${fairId}/walk-ins`, { phone: walkInPhone, name: '王大姐' }),
      200,
    );
    for (const route of ['GET /api/staff/fairs/:id/numbers', 'GET /api/staff/fairs/:id'])
      await probe(
        route,
        'countyStaff',
        countyStaff,
        get(route.slice(4).replace(':id', fairId)),
        200,
      );
    await probe(
      'GET /api/staff/fairs/:id/report',
      'countyStaff',
      countyStaff,
      download(`/api/staff/fairs/${fairId}/report`),
      200,
    );
  });

  test("the employer's applicant inbox, the application and its status", async () => {
    const inbox = `/api/employer/vacancies/${vacancies.related}/applications`;
    const one = `/api/employer/applications/${applicationId}`;
    const inboxRoute = 'GET /api/employer/vacancies/:id/applications';
    const oneRoute = 'GET /api/employer/applications/:id';
    const seen = await probe(inboxRoute, 'related employer', related.owner, get(inbox), 200);
    assert.equal(seen.body.items[0].seeker.idNumber, undefined);
    assert.match(seen.body.items[0].seeker.phone, /^1\d{2}\*{4}\d{4}$/);
    await probe(inboxRoute, 'unrelated employer', unrelated.owner, get(inbox), 404);
    await probe(oneRoute, 'related employer', related.owner, get(one), 200);
    await probe(oneRoute, 'unrelated employer', unrelated.owner, get(one), 404);
    await probe(
      'POST /api/employer/applications/:id/status',
      'related employer',
      related.owner,
      post(`${one}/status`, { status: 'interviewing', note: '周一上午面试' }),
      200,
    );
    await probe(
      'GET /api/employer/vacancies/:id/recommended-seekers',
      'recommended employer',
      recommended.owner,
      get(`/api/employer/vacancies/${vacancies.recommended}/recommended-seekers`),
      200,
    );
    await probe(
      'GET /api/employer/vacancies/:id/recommended-seekers',
      'unrelated employer',
      unrelated.owner,
      get(`/api/employer/vacancies/${vacancies.recommended}/recommended-seekers`),
      404,
    );
  });

  test('staff views: the list, changes, key groups, 代录 and the audit log', async () => {
    for (const [name, staff] of Object.entries({ countyStaff, futianStaff, wenfengStaff })) {
      const list = await probe(
        'GET /api/staff/seekers',
        name,
        staff,
        get('/api/staff/seekers?limit=200'),
        200,
      );
      for (const item of list.body.items) assert.equal(item.birthDate, undefined);
    }
    const path = `/api/staff/seekers/${person.profileId}`;
    await probe(
      'PATCH /api/staff/seekers/:id',
      'futianStaff',
      futianStaff,
      (token) => api.patch(path, { skills: ['电焊', '叉车'] }, { token }),
      200,
    );
    await probe(
      'PATCH /api/staff/seekers/:id',
      'wenfengStaff',
      wenfengStaff,
      (token) => api.patch(path, { skills: ['电焊'] }, { token }),
      404,
    );
    await probe(
      'POST /api/staff/seekers/:id/key-groups',
      'futianStaff',
      futianStaff,
      post(`${path}/key-groups`, { code: 'employment_difficulty', note: '就业困难人员认定' }),
      201,
    );
    await probe(
      'POST /api/staff/seekers/:id/key-groups/verify',
      'futianStaff',
      futianStaff,
      post(`${path}/key-groups/verify`, { code: 'employment_difficulty', decision: 'verified' }),
      201,
    );
    const assisted: Person = {
      label: 'assisted',
      phone: uniquePhone(),
      birthDate: '1966-07-19',
      gender: 'male',
    };
    assisted.idNumber = residentId(assisted.birthDate!, 'male');
    people.push(assisted);
    const registered = await probe(
      'POST /api/staff/seekers',
      'futianStaff',
      futianStaff,
      post('/api/staff/seekers', {
        ...profileBody({ name: '王大爷', idNumber: assisted.idNumber, birthDate: undefined }),
        phone: assisted.phone,
        consent: { method: 'signed_paper', reference: '阜田镇代录2026-002' },
      }),
      201,
    );
    assert.equal(registered.body.age > 50, true);
    const windowPath = `/api/staff/fairs/${fairId}/window-registrations`;
    await probe(
      'POST /api/staff/fairs/:id/window-registrations',
      'futianStaff',
      futianStaff,
      post(windowPath, { seekerProfileId: registered.body.id }),
      200,
    );
    const ticketRoute = 'GET /api/staff/fairs/:id/window-registrations/:profileId/ticket';
    const ticketPath = `${windowPath}/${registered.body.id}/ticket`;
    await probe(ticketRoute, 'futianStaff', futianStaff, get(ticketPath), 200);
    await probe(ticketRoute, 'wenfengStaff', wenfengStaff, get(ticketPath), 404);
    for (const [name, staff] of Object.entries({ countyStaff, futianStaff, wenfengStaff }))
      await probe(
        'GET /api/staff/seekers/export',
        name,
        staff,
        download('/api/staff/seekers/export'),
        200,
      );
    await probe(
      'GET /api/staff/pii-access-log',
      'countyStaff',
      countyStaff,
      get('/api/staff/pii-access-log'),
      200,
    );
  });

  test('intents and follow-ups, notifications, employers and recruiters', async () => {
    const intent = await probe(
      'POST /api/staff/intents',
      'countyStaff',
      countyStaff,
      post('/api/staff/intents', {
        seekerProfileId: person.profileId,
        vacancyId: vacancies.recommended,
      }),
      201,
    );
    // An intent staff record between a person and an employer lets the employer open the résumé.
    const byId = get(`/api/seekers/${otherSeeker.profileId}`);
    await probe('GET /api/seekers/:id', 'related employer, no link', related.owner, byId, 404);
    await probe(
      'POST /api/staff/intents',
      'countyStaff',
      countyStaff,
      post('/api/staff/intents', {
        seekerProfileId: otherSeeker.profileId,
        vacancyId: vacancies.related,
      }),
      201,
    );
    const linked = await probe(
      'GET /api/seekers/:id',
      'related employer',
      related.owner,
      byId,
      200,
    );
    assert.equal(linked.body.access.reason, 'intent');
    await probe(
      'GET /api/staff/intents/follow-ups',
      'countyStaff',
      countyStaff,
      get('/api/staff/intents/follow-ups?all=true'),
      200,
    );
    await probe(
      'GET /api/employer/intents/follow-ups',
      'recommended employer',
      recommended.owner,
      get('/api/employer/intents/follow-ups?all=true'),
      200,
    );
    await probe(
      'POST /api/employer/intents/:id/outcome',
      'recommended employer',
      recommended.owner,
      post(`/api/employer/intents/${intent.body.id}/outcome`, { outcome: 'hired' }),
      200,
    );
    await probe(
      'POST /api/staff/intents/:id/outcome',
      'countyStaff',
      countyStaff,
      post(`/api/staff/intents/${intent.body.id}/outcome`, { outcome: 'hired' }),
      200,
    );
    for (const [name, user] of Object.entries({
      'related employer': related.owner,
      'other seeker': otherSeeker,
    }))
      await probe('GET /api/notifications', name, user, get('/api/notifications'), 200);
    await probe(
      'GET /api/employers/mine/recruiters',
      'related employer',
      related.owner,
      get('/api/employers/mine/recruiters'),
      200,
    );
    await probe(
      'GET /api/staff/employers',
      'countyStaff',
      countyStaff,
      get('/api/staff/employers'),
      200,
    );
    await probe(
      'GET /api/staff/employers/:id',
      'wenfengStaff',
      wenfengStaff,
      get(`/api/staff/employers/${related.id}`),
      200,
    );
    const year = new Date().getFullYear();
    await probe(
      'GET /api/staff/statistics/export',
      'countyStaff',
      countyStaff,
      download(`/api/staff/statistics/export?from=${year}-01-01&to=${year}-12-31&format=xlsx`),
      200,
    );
    for (const [name, staff] of Object.entries({ countyStaff, futianStaff, wenfengStaff })) {
      await probe(
        'GET /api/staff/paper-notices',
        name,
        staff,
        get('/api/staff/paper-notices'),
        200,
      );
      await probe(
        'GET /api/staff/paper-notices/print',
        name,
        staff,
        get('/api/staff/paper-notices/print'),
        200,
      );
      const period = `from=${year}-01-01&to=${year}-12-31`;
      await probe(
        'GET /api/staff/public-welfare-subsidies',
        name,
        staff,
        get(`/api/staff/public-welfare-subsidies?${period}`),
        200,
      );
      await probe(
        'GET /api/staff/public-welfare-subsidies/export',
        name,
        staff,
        download(`/api/staff/public-welfare-subsidies/export?${period}`),
        200,
      );
    }
  });

  test('a full ID or phone comes only through a reveal, and each reveal writes who and why', async () => {
    const reveal = async (caller: TestUser, path: string, body: object, status: number) => {
      const before = await logCount();
      const answer = await api.post(path, body, { token: caller.token });
      assert.equal(answer.status, status, JSON.stringify(answer.body));
      const rows = await api.dataSource.query(
        `select actor_user_id, actor_role, subject_profile_id, field, purpose, route
           from pii_access_log order by id desc limit 1`,
      );
      return { answer, rows: (await logCount()) - before ? rows : [] };
    };
    const staffRead = await reveal(
      futianStaff,
      `/api/seekers/${person.profileId}/reveal`,
      { field: 'id_number', purpose: '办理就业困难人员认定，核对身份证' },
      200,
    );
    assert.equal(staffRead.answer.body.value, person.idNumber);
    assert.deepEqual(staffRead.rows, [
      {
        actor_user_id: futianStaff.userId,
        actor_role: 'staff',
        subject_profile_id: person.profileId,
        field: 'id_number',
        purpose: '办理就业困难人员认定，核对身份证',
        route: 'POST /api/seekers/:id/reveal',
      },
    ]);
    const elsewhere = await reveal(
      wenfengStaff,
      `/api/seekers/${person.profileId}/reveal`,
      { field: 'id_number', purpose: '查看' },
      404,
    );
    assert.deepEqual(elsewhere.rows, [], 'a refused reveal leaves no value and no row');
    const employerRead = await reveal(
      related.owner,
      `/api/employer/applications/${applicationId}/reveal`,
      { field: 'phone', purpose: '电话通知面试' },
      200,
    );
    assert.equal(employerRead.answer.body.value, person.phone);
    assert.equal(employerRead.rows[0].actor_user_id, related.owner.userId);
    assert.equal(employerRead.rows[0].purpose, '电话通知面试');
    probed.set('POST /api/seekers/:id/reveal', new Set(['futianStaff', 'wenfengStaff']));
    probed.set('POST /api/employer/applications/:id/reveal', new Set(['related employer']));
  });

  test('gigs: the poster, the day record, the window, the station and unpaid reports', async () => {
    const availability = {
      townshipCode: FUTIAN,
      radiusKm: 30,
      availableDates: [chinaTomorrow(), shiftDays(chinaTomorrow(), 2)],
    };
    for (const worker of [person, otherSeeker])
      assert.equal(
        (await api.put('/api/gig-worker/me', availability, { token: worker.token })).status,
        200,
      );
    const postGig = async (overrides: Record<string, unknown> = {}) =>
      (await api.post('/api/gigs', gigBody(overrides), { token: related.owner.token })).body
        .id as string;
    const gigId = await postGig();
    const place = (await api.post(`/api/gigs/${gigId}/accept`, {}, { token: person.token })).body;
    const laterGig = await postGig({ startDate: shiftDays(chinaTomorrow(), 2) });
    const laterPlace = (await api.post(`/api/gigs/${laterGig}/accept`, {}, { token: person.token }))
      .body;

    let route = 'GET /api/gigs/:id/assignments';
    await probe(route, 'poster', related.owner, get(`/api/gigs/${gigId}/assignments`), 200);
    await probe(
      route,
      'unrelated employer',
      unrelated.owner,
      get(`/api/gigs/${gigId}/assignments`),
      404,
    );
    await probe(route, 'other seeker', otherSeeker, get(`/api/gigs/${gigId}/assignments`), 404);
    await probe(route, 'futianStaff', futianStaff, get(`/api/gigs/${gigId}/assignments`), 200);
    await probe(route, 'wenfengStaff', wenfengStaff, get(`/api/gigs/${gigId}/assignments`), 404);
    route = 'POST /api/gig-assignments/:id/confirm';
    await probe(
      route,
      'unrelated employer',
      unrelated.owner,
      post(`/api/gig-assignments/${place.id}/confirm`, {}),
      404,
    );
    await probe(
      route,
      'poster',
      related.owner,
      post(`/api/gig-assignments/${place.id}/confirm`, {}),
      200,
    );
    route = 'POST /api/gig-assignments/:id/no-show';
    await probe(
      route,
      'wenfengStaff',
      wenfengStaff,
      post(`/api/gig-assignments/${laterPlace.id}/no-show`, {}),
      404,
    );
    await probe(
      route,
      'poster',
      related.owner,
      post(`/api/gig-assignments/${laterPlace.id}/no-show`, {}),
      200,
    );

    // The first day comes: the gig runs today and tomorrow and started five minutes ago.
    await api.dataSource.query(
      `update gigs set start_date = (now() at time zone 'Asia/Shanghai')::date,
         end_date = (now() at time zone 'Asia/Shanghai')::date + 1,
         starts_at = now() - interval '5 minutes' where id = $1`,
      [gigId],
    );
    route = 'POST /api/gig-assignments/:id/check-in';
    await probe(
      route,
      'other seeker',
      otherSeeker,
      post(`/api/gig-assignments/${place.id}/check-in`, {}),
      404,
    );
    await probe(
      route,
      'poster',
      related.owner,
      post(`/api/gig-assignments/${place.id}/check-in`, {}),
      200,
    );
    route = 'POST /api/gig-assignments/:id/check-out';
    await probe(
      route,
      'unrelated employer',
      unrelated.owner,
      post(`/api/gig-assignments/${place.id}/check-out`, {}),
      404,
    );
    await probe(
      route,
      'futianStaff',
      futianStaff,
      post(`/api/gig-assignments/${place.id}/check-out`, {}),
      200,
    );
    route = 'POST /api/gig-assignments/:id/pay';
    const pay = { amount: 160, status: 'owed' };
    await probe(
      route,
      'wenfengStaff',
      wenfengStaff,
      post(`/api/gig-assignments/${place.id}/pay`, pay),
      404,
    );
    await probe(
      route,
      'poster',
      related.owner,
      post(`/api/gig-assignments/${place.id}/pay`, pay),
      200,
    );
    const reported = await api.post(
      `/api/gig-assignments/${place.id}/unpaid-report`,
      { amountOwed: 160 },
      { token: person.token },
    );
    assert.equal(reported.status, 201);
    route = 'GET /api/staff/gig-unpaid-reports';
    const reports = await probe(
      route,
      'futianStaff',
      futianStaff,
      get('/api/staff/gig-unpaid-reports'),
      200,
    );
    assert.equal((reports.body as unknown[]).length, 1);
    const none = await probe(
      route,
      'wenfengStaff',
      wenfengStaff,
      get('/api/staff/gig-unpaid-reports'),
      200,
    );
    assert.deepEqual(none.body, []);

    route = 'POST /api/staff/gig-workers';
    const signUp = { ...availability, profileId: person.profileId };
    await probe(route, 'wenfengStaff', wenfengStaff, post('/api/staff/gig-workers', signUp), 404);
    await probe(route, 'futianStaff', futianStaff, post('/api/staff/gig-workers', signUp), 200);
    const stationGig = (
      await api.post(
        '/api/staff/gigs',
        {
          ...gigBody({ startTime: '13:00', hoursPerDay: 3 }),
          onBehalfOf: { name: '赵大妈', phone: uniquePhone() },
        },
        { token: futianStaff.token },
      )
    ).body.id;
    route = 'POST /api/staff/gigs/:id/assignments';
    const assign = { workerUserId: otherSeeker.userId };
    await probe(
      route,
      'wenfengStaff',
      wenfengStaff,
      post(`/api/staff/gigs/${stationGig}/assignments`, assign),
      404,
    );
    await probe(
      route,
      'futianStaff',
      futianStaff,
      post(`/api/staff/gigs/${stationGig}/assignments`, assign),
      201,
    );
    route = 'GET /api/staff/gig-station';
    const screen = `/api/staff/gig-station?townshipCode=${FUTIAN}&date=${chinaTomorrow()}`;
    const station = await probe(route, 'futianStaff', futianStaff, get(screen), 200);
    assert.ok((station.body as { gigs: unknown[] }).gigs.length >= 2);
    await probe(route, 'countyStaff', countyStaff, get(screen), 200);
    await probe(route, 'wenfengStaff', wenfengStaff, get(screen), 403);
  });

  test('message threads, the recruiter inbox and reported threads', async () => {
    const opened = await probe(
      'POST /api/messages/threads',
      'person',
      person,
      post('/api/messages/threads', { subjectKind: 'application', subjectId: applicationId }),
      200,
    );
    const threadId = opened.body.id;
    await probe(
      'POST /api/messages/threads',
      'unrelated employer',
      unrelated.owner,
      post('/api/messages/threads', { subjectKind: 'application', subjectId: applicationId }),
      404,
    );
    await api.post(
      `/api/messages/threads/${threadId}/messages`,
      { body: '您好，请问什么时候面试？' },
      { token: person.token },
    );
    for (const [name, caller] of Object.entries({ person, 'related employer': related.owner }))
      await probe('GET /api/messages/threads', name, caller, get('/api/messages/threads'), 200);
    const one = `/api/messages/threads/${threadId}`;
    await probe('GET /api/messages/threads/:id', 'related employer', related.owner, get(one), 200);
    await probe('GET /api/messages/threads/:id', 'other seeker', otherSeeker, get(one), 404);
    await probe(
      'GET /api/messages/threads/:id',
      'unrelated employer',
      unrelated.owner,
      get(one),
      404,
    );
    await probe(
      'POST /api/messages/threads/:id/block',
      'related employer',
      related.owner,
      post(`${one}/block`, { blocked: false }),
      200,
    );
    await probe(
      'GET /api/employer/inbox',
      'related employer',
      related.owner,
      get('/api/employer/inbox'),
      200,
    );
    const report = await api.post(
      `${one}/reports`,
      { reason: 'harassment' },
      { token: person.token },
    );
    assert.equal(report.status, 201);
    await probe(
      'GET /api/staff/message-reports',
      'countyStaff',
      countyStaff,
      get('/api/staff/message-reports'),
      200,
    );
    const read = `/api/staff/message-reports/${report.body.id}/thread`;
    await probe(
      'GET /api/staff/message-reports/:id/thread',
      'countyStaff',
      countyStaff,
      get(`${read}?purpose=${encodeURIComponent('核实骚扰举报')}`),
      200,
    );
    await probe(
      'GET /api/staff/message-reports/:id/thread',
      'countyStaff',
      countyStaff,
      get(read),
      400,
    );
    await probe(
      'GET /api/staff/held-messages',
      'countyStaff',
      countyStaff,
      get('/api/staff/held-messages'),
      200,
    );
  });

  test('every route is either probed above or does not return other people', () => {
    const served = discoverRoutes(api.app).map((route) => route.key);
    const unclassified = served.filter(
      (key) => !PERSON_ROUTES[key] && !NOT_ABOUT_OTHER_PEOPLE.includes(key),
    );
    assert.deepEqual(unclassified, [], 'say whether these routes return people');
    const unprobed = Object.keys(PERSON_ROUTES).filter((key) => !probed.has(key));
    assert.deepEqual(unprobed, [], 'these person routes were not probed');
    const stale = [...Object.keys(PERSON_ROUTES), ...NOT_ABOUT_OTHER_PEOPLE].filter(
      (key) => !served.includes(key),
    );
    assert.deepEqual(stale, []);
    console.log(
      `${Object.keys(PERSON_ROUTES).length} person routes of ${served.length}, ${calls} calls probed`,
    );
  });
});

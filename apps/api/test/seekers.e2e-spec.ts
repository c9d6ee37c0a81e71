import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { chinaToday } from '@jipin/seekers';
import {
  bornYearsBefore,
  createStaffUser,
  FUTIAN,
  lastSmsCode,
  profileBody,
  registerSeekerWithProfile,
  registerUser,
  residentId,
  shiftDays,
  TEST_PASSWORD,
  TestApi,
  TestUser,
  uniquePhone,
  WENFENG,
} from '@jipin/testing';

let api: TestApi;
let futianStaff: TestUser;
let wenfengStaff: TestUser;
let countyStaff: TestUser;

const count = async (sql: string, params: unknown[] = []) =>
  Number((await api.dataSource.query(sql, params))[0].count);

beforeAll(async () => {
  api = await TestApi.start('seekers');
  futianStaff = await createStaffUser(api, { townshipCode: FUTIAN });
  wenfengStaff = await createStaffUser(api, { townshipCode: WENFENG });
  countyStaff = await createStaffUser(api, { townshipCode: null });
});
afterAll(async () => api.close());

describe('a seeker keeps one résumé', () => {
  test('the profile is created with ID and phone masked, facts read from the ID and tags normalised', async () => {
    const user = await registerUser(api, 'seeker');
    const body = profileBody({ birthDate: '1992-08-08', gender: 'female' });
    delete body.gender;
    const response = await api.post(
      '/api/seekers/me',
      { ...body, skills: ['  电焊 ', '焊工', 'ＥＸＣＥＬ'], certificates: ['Ｃ１驾照'] },
      { token: user.token },
    );
    assert.equal(response.status, 201, JSON.stringify(response.body));
    const id = body.idNumber as string;
    assert.equal(response.body.idNumber, `${id.slice(0, 4)}${'*'.repeat(13)}${id.slice(17)}`);
    assert.equal(response.body.phone, `${user.phone.slice(0, 3)}****${user.phone.slice(7)}`);
    assert.equal(response.body.gender, 'female');
    assert.equal(response.body.birthDate, '1992-08-08');
    assert.deepEqual(response.body.skills, ['焊工', 'Excel']);
    assert.deepEqual(response.body.certificates, ['C1驾照']);
    assert.ok(!JSON.stringify(response.body).includes(id));
    const rows = await api.dataSource.query(`select * from seeker_profiles where id = $1`, [
      response.body.id,
    ]);
    assert.ok(!JSON.stringify(rows).includes(id), 'the ID number is stored only encrypted');

    const again = await api.post('/api/seekers/me', profileBody(), { token: user.token });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'profile_exists');
  });

  test('a wrong check digit is a clear 400 and nothing is written', async () => {
    const user = await registerUser(api, 'seeker');
    const id = residentId('1990-01-01', 'male');
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    const response = await api.post('/api/seekers/me', profileBody({ idNumber: wrong }), {
      token: user.token,
    });
    assert.equal(response.status, 400);
    assert.equal(response.body.code, 'invalid_id_number');
    assert.match(response.body.message, /校验位/);
    assert.equal(
      await count(`select count(*) from seeker_profiles where user_id = $1`, [user.userId]),
      0,
    );
  });

  test('a birth date or gender that contradicts the ID is refused in Chinese', async () => {
    const user = await registerUser(api, 'seeker');
    const idNumber = residentId('1990-01-01', 'male');
    const birth = await api.post(
      '/api/seekers/me',
      profileBody({ idNumber, birthDate: '1990-01-02' }),
      { token: user.token },
    );
    assert.equal(birth.status, 400);
    assert.equal(birth.body.code, 'id_number_mismatch');
    assert.match(birth.body.message, /出生日期与身份证号不一致/);
    assert.equal(birth.body.details[0].field, 'birthDate');
    const gender = await api.post(
      '/api/seekers/me',
      profileBody({ idNumber, birthDate: '1990-01-01', gender: 'female' }),
      { token: user.token },
    );
    assert.equal(gender.status, 400);
    assert.equal(gender.body.details[0].field, 'gender');
  });

  test('a village outside the chosen township and unknown fields are refused', async () => {
    const user = await registerUser(api, 'seeker');
    const village = await api.post('/api/seekers/me', profileBody({ townshipCode: WENFENG }), {
      token: user.token,
    });
    assert.equal(village.status, 400);
    assert.equal(village.body.code, 'unknown_village');
    const occupation = await api.post(
      '/api/seekers/me',
      profileBody({ desiredOccupations: ['9-99-99-99'] }),
      { token: user.token },
    );
    assert.equal(occupation.status, 400);
    assert.equal(occupation.body.code, 'unknown_occupation');
    const extra = await api.post(
      '/api/seekers/me',
      { ...profileBody(), role: 'admin' },
      {
        token: user.token,
      },
    );
    assert.equal(extra.status, 400);
    assert.equal(extra.body.code, 'validation_failed');
  });

  test('one profile per ID number: a second person with the same number gets 409', async () => {
    const first = await registerSeekerWithProfile(api);
    const other = await registerUser(api, 'seeker');
    const response = await api.post(
      '/api/seekers/me',
      profileBody({ idNumber: first.idNumber, birthDate: undefined }),
      { token: other.token },
    );
    assert.equal(response.status, 409);
    assert.equal(response.body.code, 'duplicate_id_number');
  });

  test('seeker A cannot read seeker B, nor reach staff routes', async () => {
    const a = await registerSeekerWithProfile(api);
    const b = await registerSeekerWithProfile(api);
    assert.equal((await api.get(`/api/seekers/${a.profileId}`, { token: a.token })).status, 200);
    const other = await api.get(`/api/seekers/${b.profileId}`, { token: a.token });
    assert.equal(other.status, 404);
    assert.equal((await api.get('/api/staff/seekers', { token: a.token })).status, 403);
    const reveal = await api.post(
      `/api/seekers/${b.profileId}/reveal`,
      { field: 'phone', purpose: '好奇' },
      { token: a.token },
    );
    assert.equal(reveal.status, 403);
  });

  test('an update re-checks the ID and keeps derived facts in step', async () => {
    const seeker = await registerSeekerWithProfile(api, { birthDate: '1995-01-01' });
    const newId = residentId('1995-02-02', 'female');
    const updated = await api.patch(
      '/api/seekers/me',
      { idNumber: newId, visibility: 'hidden', skills: ['叉车'] },
      { token: seeker.token },
    );
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    assert.equal(updated.body.birthDate, '1995-02-02');
    assert.equal(updated.body.gender, 'female');
    assert.equal(updated.body.visibility, 'hidden');
    assert.deepEqual(updated.body.skills, ['叉车司机']);
  });

  test('a save writes what changed: an unchanged ID is not re-encrypted, an unchanged save writes nothing', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const stored = async () =>
      (
        await api.dataSource.query(
          `select p.id_number_cipher as cipher, p.updated_at as "updatedAt", p.skills,
                  (select count(*)::int from outbox_events o
                    where o.type = 'seeker.profile_changed' and o.aggregate_id = p.id::text) as announced,
                  (select count(*)::int from seeker_employment_history h
                    where h.profile_id = p.id) as history
             from seeker_profiles p where p.user_id = $1`,
          [seeker.userId],
        )
      )[0];
    const save = async (body: Record<string, unknown>) => {
      const answer = await api.patch('/api/seekers/me', body, { token: seeker.token });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body;
    };
    const before = await stored();
    const changed = await save({ skills: ['电工'] });
    assert.deepEqual(changed.skills, ['电工']);
    const after = await stored();
    assert.equal(after.cipher, before.cipher, 'the ID number was not encrypted again');
    assert.deepEqual(after.skills, ['电工']);
    assert.equal(after.announced, before.announced + 1, 'matching hears of the change once');
    assert.ok(after.updatedAt > before.updatedAt);

    const same = await save({ skills: ['电工'] });
    assert.deepEqual(same.skills, ['电工']);
    const unchanged = await stored();
    assert.deepEqual(unchanged, after, 'nothing written, nothing announced');

    const employed = await save({ employmentStatus: 'employed' });
    assert.equal(employed.employmentStatus, 'employed');
    const withStatus = await stored();
    assert.equal(withStatus.history, after.history + 1, 'the new status enters the history');
    assert.equal(withStatus.announced, after.announced + 1);
  });
});

describe('key groups follow the calendar', () => {
  test('a woman turns 4050 on her 40th birthday without anyone editing her profile', async () => {
    const today = chinaToday();
    const tomorrow = shiftDays(today, 1);
    const turnsTomorrow = await registerSeekerWithProfile(api, {
      birthDate: bornYearsBefore(40, tomorrow),
      gender: 'female',
      household: 'urban',
    });
    const turnsToday = await registerSeekerWithProfile(api, {
      birthDate: bornYearsBefore(40, today),
      gender: 'female',
      household: 'urban',
    });
    const codes = (body: { keyGroups: { code: string }[] }) => body.keyGroups.map((g) => g.code);
    const before = await api.get('/api/seekers/me', { token: turnsTomorrow.token });
    assert.ok(!codes(before.body).includes('age_4050'));
    assert.equal(before.body.age, 39);
    const onBirthday = await api.get(`/api/seekers/me?asOf=${tomorrow}`, {
      token: turnsTomorrow.token,
    });
    assert.ok(codes(onBirthday.body).includes('age_4050'));
    assert.equal(onBirthday.body.age, 40);
    const todayBirthday = await api.get('/api/seekers/me', { token: turnsToday.token });
    assert.ok(codes(todayBirthday.body).includes('age_4050'));

    // The query by date agrees with the read-time derivation.
    const listed = async (asOf: string) =>
      (
        await api.get(`/api/staff/seekers?keyGroup=age_4050&asOf=${asOf}&limit=200`, {
          token: countyStaff.token,
        })
      ).body.items.map((p: { id: string }) => p.id);
    assert.ok(!(await listed(today)).includes(turnsTomorrow.profileId));
    assert.ok((await listed(today)).includes(turnsToday.profileId));
    assert.ok((await listed(tomorrow)).includes(turnsTomorrow.profileId));
  });

  test('a man is not 4050 at 40 but is at 50', async () => {
    const forty = await registerSeekerWithProfile(api, {
      birthDate: bornYearsBefore(40),
      gender: 'male',
    });
    const fifty = await registerSeekerWithProfile(api, {
      birthDate: bornYearsBefore(50),
      gender: 'male',
    });
    const codes = async (token: string) =>
      (await api.get('/api/seekers/me', { token })).body.keyGroups.map(
        (g: { code: string }) => g.code,
      );
    assert.ok(!(await codes(forty.token)).includes('age_4050'));
    assert.ok((await codes(fifty.token)).includes('age_4050'));
  });

  test('unemployed youth ends the day someone turns 25; a recent graduate stops being one after two years', async () => {
    const today = chinaToday();
    const youth = await registerSeekerWithProfile(api, {
      birthDate: bornYearsBefore(25, shiftDays(today, 1)),
      employmentStatus: 'unemployed',
      education: [
        { level: 'bachelor', school: '井冈山大学', graduationDate: shiftDays(today, -730) },
      ],
    });
    const at = async (asOf: string) =>
      (await api.get(`/api/seekers/me?asOf=${asOf}`, { token: youth.token })).body.keyGroups.map(
        (g: { code: string }) => g.code,
      );
    const now = await at(today);
    assert.ok(now.includes('unemployed_youth'));
    assert.ok(now.includes('graduate'));
    assert.ok(now.includes('rural_labour'));
    const tomorrow = await at(shiftDays(today, 1));
    assert.ok(!tomorrow.includes('unemployed_youth'), 'the 25th birthday ends it');
    const later = await at(shiftDays(today, 800));
    assert.ok(later.includes('graduate') && !later.includes('graduate_recent'));
    const list = await api.get(
      `/api/staff/seekers?keyGroup=unemployed_youth&asOf=${shiftDays(today, 1)}&limit=200`,
      { token: countyStaff.token },
    );
    assert.ok(!list.body.items.some((p: { id: string }) => p.id === youth.profileId));
  });

  test('a declared group counts only once staff verified it, with who and when', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const declared = await api.post(
      '/api/seekers/me/key-groups',
      { code: 'poverty_alleviated', note: '2019年脱贫户' },
      { token: seeker.token },
    );
    assert.equal(declared.status, 201);
    assert.equal(declared.body.declaredKeyGroups[0].status, 'declared');
    assert.ok(
      !declared.body.keyGroups.some((g: { code: string }) => g.code === 'poverty_alleviated'),
    );
    const derivedOnly = await api.post(
      '/api/seekers/me/key-groups',
      { code: 'age_4050' },
      { token: seeker.token },
    );
    assert.equal(derivedOnly.status, 400);

    const verified = await api.post(
      `/api/staff/seekers/${seeker.profileId}/key-groups/verify`,
      { code: 'poverty_alleviated', decision: 'verified' },
      { token: futianStaff.token },
    );
    assert.equal(verified.status, 201);
    const declaration = verified.body.declaredKeyGroups[0];
    assert.equal(declaration.status, 'verified');
    assert.equal(declaration.verifiedBy, futianStaff.userId);
    assert.ok(declaration.verifiedAt);
    assert.ok(
      verified.body.keyGroups.some((g: { code: string }) => g.code === 'poverty_alleviated'),
    );
    const otherTownship = await api.post(
      `/api/staff/seekers/${seeker.profileId}/key-groups/verify`,
      { code: 'poverty_alleviated', decision: 'rejected' },
      { token: wenfengStaff.token },
    );
    assert.equal(otherTownship.status, 404);
  });
});

describe('代录: staff register people without a smartphone', () => {
  test('township staff register a person with recorded consent, who later claims the account by SMS', async () => {
    const phone = uniquePhone();
    const registered = await api.post(
      '/api/staff/seekers',
      {
        ...profileBody({ name: '王大爷', birthDate: '1970-04-04', gender: 'male' }),
        phone,
        consent: { method: 'signed_paper', reference: '阜田镇代录2026-001' },
      },
      { token: futianStaff.token },
    );
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    assert.equal(registered.body.claimed, false);
    assert.equal(registered.body.assistedRegistration.consentMethod, 'signed_paper');
    assert.equal(registered.body.assistedRegistration.consentRecordedBy, futianStaff.userId);
    assert.ok(registered.body.assistedRegistration.consentRecordedAt);
    assert.ok(registered.body.keyGroups.some((g: { code: string }) => g.code === 'age_4050'));

    const updated = await api.patch(
      `/api/staff/seekers/${registered.body.id}`,
      { desiredPayMin: 2500, skills: ['保洁员'] },
      { token: futianStaff.token },
    );
    assert.equal(updated.status, 200);
    assert.deepEqual(updated.body.skills, ['保洁']);

    // The person cannot log in before claiming; then claims with an SMS code.
    assert.equal(
      (await api.post('/api/auth/login', { phone, password: TEST_PASSWORD })).status,
      401,
    );
    assert.equal((await api.post('/api/auth/sms-codes', { phone, purpose: 'claim' })).status, 202);
    const claimed = await api.post('/api/auth/claim', {
      phone,
      code: lastSmsCode(api, phone),
      password: TEST_PASSWORD,
    });
    assert.equal(claimed.status, 200, JSON.stringify(claimed.body));
    const mine = await api.get('/api/seekers/me', { token: claimed.body.accessToken });
    assert.equal(mine.status, 200);
    assert.equal(mine.body.id, registered.body.id);
    assert.equal(mine.body.claimed, true);
    assert.equal(mine.body.desiredPayMin, 2500);
  });

  test('verbal consent needs a witness; a bad phone is a clear 400; nothing is written', async () => {
    const before = await count(`select count(*) from users`);
    const noWitness = await api.post(
      '/api/staff/seekers',
      { ...profileBody(), phone: uniquePhone(), consent: { method: 'verbal_witnessed' } },
      { token: futianStaff.token },
    );
    assert.equal(noWitness.status, 400);
    assert.equal(noWitness.body.code, 'consent_witness_required');
    const badPhone = await api.post(
      '/api/staff/seekers',
      { ...profileBody(), phone: '1234567', consent: { method: 'signed_paper' } },
      { token: futianStaff.token },
    );
    assert.equal(badPhone.status, 400);
    assert.equal(badPhone.body.code, 'validation_failed');
    assert.equal(badPhone.body.details[0].field, 'phone');
    assert.match(badPhone.body.details[0].message, /手机号格式不正确/);
    assert.equal(await count(`select count(*) from users`), before);
  });

  test('township staff see and edit only their own township; county-wide staff see all', async () => {
    const inWenfeng = await api.post(
      '/api/staff/seekers',
      {
        ...profileBody({ townshipCode: WENFENG, villageCode: undefined, desiredTownships: [] }),
        phone: uniquePhone(),
        consent: { method: 'verbal_witnessed', witness: '文峰镇 李主任' },
      },
      { token: wenfengStaff.token },
    );
    assert.equal(inWenfeng.status, 201, JSON.stringify(inWenfeng.body));
    const id = inWenfeng.body.id;
    const futian = { token: futianStaff.token };
    assert.equal((await api.get(`/api/seekers/${id}`, futian)).status, 404);
    assert.equal(
      (await api.patch(`/api/staff/seekers/${id}`, { desiredPayMin: 1 }, futian)).status,
      404,
    );
    const list = await api.get('/api/staff/seekers?limit=200', futian);
    assert.ok(list.body.items.every((p: { townshipCode: string }) => p.townshipCode === FUTIAN));
    assert.equal((await api.get(`/api/staff/seekers?townshipCode=${WENFENG}`, futian)).status, 403);
    const county = await api.get(`/api/seekers/${id}`, { token: countyStaff.token });
    assert.equal(county.status, 200);
    const countyList = await api.get(`/api/staff/seekers?townshipCode=${WENFENG}`, {
      token: countyStaff.token,
    });
    assert.ok(countyList.body.items.some((p: { id: string }) => p.id === id));

    const elsewhere = await api.post(
      '/api/staff/seekers',
      {
        ...profileBody({ townshipCode: WENFENG, villageCode: undefined }),
        phone: uniquePhone(),
        consent: { method: 'signed_paper' },
      },
      futian,
    );
    assert.equal(elsewhere.status, 403);
    assert.equal(elsewhere.body.code, 'outside_township');
  });
});

describe('personal information (PIPL)', () => {
  test('every reveal is audited; staff of another township can neither reveal nor leave a trace', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const revealed = await api.post(
      `/api/seekers/${seeker.profileId}/reveal`,
      { field: 'id_number', purpose: '办理失业登记，核对身份' },
      { token: futianStaff.token },
    );
    assert.equal(revealed.status, 200);
    assert.equal(revealed.body.value, seeker.idNumber);
    const phone = await api.post(
      `/api/seekers/${seeker.profileId}/reveal`,
      { field: 'phone', purpose: '电话通知面试' },
      { token: countyStaff.token },
    );
    assert.equal(phone.body.value, seeker.phone);

    const refused = await api.post(
      `/api/seekers/${seeker.profileId}/reveal`,
      { field: 'id_number', purpose: '查看' },
      { token: wenfengStaff.token },
    );
    assert.equal(refused.status, 404);

    const rows = await api.dataSource.query(
      `select actor_user_id, actor_role, subject_user_id, field, purpose, route, created_at
         from pii_access_log where subject_profile_id = $1 order by id`,
      [seeker.profileId],
    );
    assert.equal(rows.length, 2);
    assert.equal(rows[0].actor_user_id, futianStaff.userId);
    assert.equal(rows[0].subject_user_id, seeker.userId);
    assert.equal(rows[0].field, 'id_number');
    assert.equal(rows[0].purpose, '办理失业登记，核对身份');
    assert.equal(rows[0].route, 'POST /api/seekers/:id/reveal');
    assert.equal(rows[1].actor_user_id, countyStaff.userId);

    const log = await api.get(`/api/staff/pii-access-log?profileId=${seeker.profileId}`, {
      token: futianStaff.token,
    });
    assert.equal(log.status, 200);
    assert.equal(log.body.total, 2);
    const otherLog = await api.get(`/api/staff/pii-access-log?profileId=${seeker.profileId}`, {
      token: wenfengStaff.token,
    });
    assert.equal(otherLog.body.total, 0);
    const own = await api.get('/api/seekers/me/pii-access-log', { token: seeker.token });
    assert.equal(own.body.length, 2);
  });

  test('the seeker exports all their data in full, and the export is logged', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const exported = await api.get('/api/seekers/me/export', { token: seeker.token });
    assert.equal(exported.status, 200);
    assert.equal(exported.body.profile.idNumber, seeker.idNumber);
    assert.equal(exported.body.account.phone, seeker.phone);
    assert.ok(Array.isArray(exported.body.piiAccessLog));
    assert.equal(
      await count(
        `select count(*) from pii_access_log where subject_user_id = $1 and field = 'export'`,
        [seeker.userId],
      ),
      1,
    );
  });

  test('deleting the account strips the profile but keeps the counts', async () => {
    const seeker = await registerSeekerWithProfile(api, { birthDate: '1988-09-09' });
    const summary = async () =>
      (
        await api.get(`/api/staff/seekers/summary?townshipCode=${FUTIAN}`, {
          token: countyStaff.token,
        })
      ).body;
    const before = await summary();
    const unconfirmed = await api.post(
      '/api/seekers/me/account-deletion',
      {},
      {
        token: seeker.token,
      },
    );
    assert.equal(unconfirmed.status, 400);
    assert.equal((await summary()).active, before.active, 'nothing deleted without confirmation');
    const deleted = await api.post(
      '/api/seekers/me/account-deletion',
      { confirm: '确认注销' },
      { token: seeker.token },
    );
    assert.equal(deleted.status, 204);
    const after = await summary();
    assert.equal(after.registered, before.registered, 'registered people still count');
    assert.equal(after.active, before.active - 1);
    assert.equal(after.deleted, before.deleted + 1);

    const [row] = await api.dataSource.query(`select * from seeker_profiles where id = $1`, [
      seeker.profileId,
    ]);
    assert.equal(row.name, '已注销用户');
    assert.equal(row.id_number_cipher, null);
    assert.equal(row.id_number_index, null);
    assert.equal(row.township_code, FUTIAN);
    assert.ok(row.anonymised_at);
    assert.equal(
      (await api.post('/api/auth/login', { phone: seeker.phone, password: TEST_PASSWORD })).status,
      401,
    );
    assert.equal(
      (await api.get(`/api/seekers/${seeker.profileId}`, { token: countyStaff.token })).status,
      404,
    );
    // The ID number is free again: the person may come back.
    const back = await registerUser(api, 'seeker');
    const again = await api.post(
      '/api/seekers/me',
      profileBody({ idNumber: seeker.idNumber, birthDate: undefined }),
      { token: back.token },
    );
    assert.equal(again.status, 201);
  });
});

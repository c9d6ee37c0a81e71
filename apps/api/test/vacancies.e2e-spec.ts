import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import {
  createStaffUser,
  daysFromToday,
  eventually,
  OTHER_TOWNSHIP,
  registerEmployer,
  registerUser,
  TestApi,
  TestEmployer,
  TestUser,
  vacancyBody,
} from '@jipin/testing';
import { KEY_GROUPS } from '@jipin/seekers';
import { VacancyExpiryService } from '@jipin/vacancies';

let api: TestApi;
let staff: TestUser;
let verified: TestEmployer;

beforeAll(async () => {
  api = await TestApi.start('vacancies');
  staff = await createStaffUser(api);
  verified = await registerEmployer(api, { staff });
});
afterAll(async () => api.close());

const vacancyCount = async () =>
  (await api.dataSource.query(`select count(*)::int as n from vacancies`))[0].n as number;

const outboxFor = async (id: string) =>
  (
    await api.dataSource.query(
      `select payload from outbox_events where type = 'vacancy.changed' and aggregate_id = $1`,
      [id],
    )
  ).map((row: { payload: unknown }) => row.payload);

async function post(employer: TestEmployer, overrides: Record<string, unknown> = {}) {
  return api.post('/api/employer/vacancies', vacancyBody({ submit: true, ...overrides }), {
    token: employer.owner.token,
  });
}

describe('publishing', () => {
  test("a verified employer's honest ad is published at once, with history and an outbox event", async () => {
    const created = await post(verified);
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'published');
    assert.equal(created.body.version, 1);
    assert.equal(created.body.occupationName, '电子设备装配工');
    assert.deepEqual(await outboxFor(created.body.id), [{ vacancyId: created.body.id }]);
    const history = await api.get(`/api/employer/vacancies/${created.body.id}/history`, {
      token: verified.owner.token,
    });
    assert.equal(history.body[0].action, 'created');
    assert.equal(history.body[0].toStatus, 'published');
    assert.equal(history.body[0].actorUserId, verified.owner.userId);
  });

  test('a draft is saved without publishing and submitted later', async () => {
    const draft = await api.post('/api/employer/vacancies', vacancyBody(), {
      token: verified.owner.token,
    });
    assert.equal(draft.body.status, 'draft');
    const submitted = await api.post(
      `/api/employer/vacancies/${draft.body.id}/submit`,
      {},
      {
        token: verified.owner.token,
      },
    );
    assert.equal(submitted.body.status, 'published');
  });

  test("an unverified employer's ad waits for staff, who approve it", async () => {
    const pending = await registerEmployer(api, { verified: false });
    const created = await post(pending);
    assert.equal(created.body.status, 'pending_review');
    const publicPage = await api.get(`/api/vacancies/${created.body.id}`);
    assert.equal(publicPage.status, 404);
    const queue = await api.get('/api/staff/vacancies/review-queue', { token: staff.token });
    assert.ok(queue.body.items.some((v: { id: string }) => v.id === created.body.id));
    const approved = await api.post(
      `/api/staff/vacancies/${created.body.id}/approve`,
      {},
      {
        token: staff.token,
      },
    );
    assert.equal(approved.status, 200);
    assert.equal(approved.body.status, 'published');
    assert.equal((await api.get(`/api/vacancies/${created.body.id}`)).status, 200);
  });
});

describe('staff review scope', () => {
  test('township window staff see and decide only ads of employers in their township', async () => {
    const pending = await registerEmployer(api, { verified: false });
    const { body } = await post(pending);
    const other = await createStaffUser(api, { townshipCode: OTHER_TOWNSHIP });
    const queue = await api.get('/api/staff/vacancies/review-queue', { token: other.token });
    assert.ok(!queue.body.items.some((v: { id: string }) => v.id === body.id));
    assert.equal(
      (await api.get(`/api/staff/vacancies/${body.id}`, { token: other.token })).status,
      404,
    );
    const approve = await api.post(
      `/api/staff/vacancies/${body.id}/approve`,
      {},
      {
        token: other.token,
      },
    );
    assert.equal(approve.status, 404);
    const detail = await api.get(`/api/staff/vacancies/${body.id}`, { token: staff.token });
    assert.equal(detail.body.status, 'pending_review');
    assert.equal(detail.body.history[0].action, 'created');
    assert.match(detail.body.contactPhone, /^\d{3}\*{4}\d{4}$/);
  });
});

describe('review rules', () => {
  test('an ad saying 限男性 is refused with the reason, and nothing is written', async () => {
    const before = await vacancyCount();
    const response = await post(verified, { requirements: '限 男 性，18-40岁' });
    assert.equal(response.status, 400);
    assert.equal(response.body.code, 'vacancy_refused');
    const detail = response.body.details.find(
      (d: { rule?: string }) => d.rule === 'gender_restricted',
    );
    assert.equal(detail.field, 'requirements');
    assert.match(detail.message, /性别/);
    assert.equal(await vacancyCount(), before);
  });

  test('an ad charging 报名费 is refused', async () => {
    const response = await post(verified, {
      description: '入职需交报名费100元，工作轻松，月入过万不是梦',
    });
    assert.equal(response.status, 400);
    assert.ok(response.body.details.some((d: { rule?: string }) => d.rule === 'fee_charged'));
    assert.match(response.body.message, /不得向求职者收取/);
  });

  test('a pay range with min above max is refused', async () => {
    const response = await post(verified, { pay: { min: 6000, max: 4000, unit: 'month' } });
    assert.equal(response.status, 400);
    assert.deepEqual(
      response.body.details.map((d: { rule?: string }) => d.rule),
      ['pay_range'],
    );
  });

  test('a public-welfare post at the county subsidy (1,500 yuan/month) is published; a wage job at 1,500 is not', async () => {
    const welfare = await post(verified, {
      kind: 'public_welfare',
      title: '乡村保洁员',
      occupationCode: '4-09-08-02',
      pay: { min: 1500, max: 1500, unit: 'month' },
      eligibility: { keyGroups: ['poverty_alleviated'] },
    });
    assert.equal(welfare.status, 201, JSON.stringify(welfare.body));
    assert.equal(welfare.body.status, 'published');
    const internship = await post(verified, {
      kind: 'internship',
      pay: { min: 1200, max: 1500, unit: 'month' },
      eligibility: { keyGroups: ['graduate'], graduatedWithinYears: 2 },
    });
    assert.equal(internship.status, 201, JSON.stringify(internship.body));
    const wage = await post(verified, { pay: { min: 1500, max: 1500, unit: 'month' } });
    assert.equal(wage.status, 400);
    assert.equal(wage.body.details[0].rule, 'pay_below_floor');
  });

  test('a public-welfare post below the county subsidy standard is refused, naming that standard', async () => {
    const response = await post(verified, {
      kind: 'public_welfare',
      pay: { min: 600, max: 800, unit: 'month' },
      eligibility: { keyGroups: ['poverty_alleviated'] },
    });
    assert.equal(response.status, 400);
    assert.equal(response.body.details[0].rule, 'pay_below_floor');
    assert.match(response.body.message, /本县公益性岗位补贴标准 1000 元\/月/);
  });

  test('a short description that says something is accepted; one that says nothing is not', async () => {
    const short = await post(verified, {
      title: '育婴员',
      occupationCode: '4-10-01-02',
      description: '持育婴员证书，住家',
    });
    assert.equal(short.status, 201, JSON.stringify(short.body));
    for (const description of ['。。。。。。。。。。', '好好好好好好', '无']) {
      const empty = await post(verified, { description });
      assert.equal(empty.status, 400, description);
      assert.equal(empty.body.details[0].field, 'description');
      assert.match(empty.body.details[0].message, /岗位描述须写明工作内容/);
    }
  });

  test('pay below the configured floor or missing is refused', async () => {
    const low = await post(verified, { pay: { min: 30, max: 50, unit: 'day' } });
    assert.equal(low.body.details[0].rule, 'pay_below_floor');
    const body = vacancyBody({ submit: true });
    delete body.pay;
    const missing = await api.post('/api/employer/vacancies', body, {
      token: verified.owner.token,
    });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.details[0].rule, 'pay_missing');
  });

  test('a held ad goes to review, staff see why, and a rejection sends it back as a draft', async () => {
    const created = await post(verified, { requirements: '未婚，能吃苦耐劳' });
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'pending_review');
    const queue = await api.get('/api/staff/vacancies/review-queue', { token: staff.token });
    const item = queue.body.items.find((v: { id: string }) => v.id === created.body.id);
    assert.equal(item.reviewFlags[0].code, 'marital_mentioned');
    assert.match(item.reviewFlags[0].message, /婚育/);
    const rejected = await api.post(
      `/api/staff/vacancies/${created.body.id}/reject`,
      { reason: '请删除婚育状况要求' },
      { token: staff.token },
    );
    assert.equal(rejected.body.status, 'draft');
    const own = await api.get(`/api/employer/vacancies/${created.body.id}`, {
      token: verified.owner.token,
    });
    assert.equal(own.body.reviewNote, '请删除婚育状况要求');
  });

  test('dates are checked: expiry after start and not in the past', async () => {
    const inverted = await post(verified, {
      startDate: daysFromToday(10),
      expiresAt: daysFromToday(5),
    });
    assert.equal(inverted.status, 400);
    assert.equal(inverted.body.code, 'vacancy_invalid');
    assert.equal(inverted.body.details[0].field, 'expiresAt');
    const past = await post(verified, {
      startDate: daysFromToday(-30),
      expiresAt: daysFromToday(-1),
    });
    assert.equal(past.body.details[0].message, '截止日期不能早于今天');
    const badDate = await post(verified, { startDate: '2026-02-30' });
    assert.equal(badDate.body.details[0].field, 'startDate');
  });

  test('an unknown occupation, welfare tag or key group is refused', async () => {
    const response = await post(verified, {
      occupationCode: '9-99-99-99',
      welfareTags: ['天天加薪'],
      targetKeyGroups: ['vip'],
    });
    assert.equal(response.status, 400);
    assert.deepEqual(response.body.details.map((d: { field: string }) => d.field).sort(), [
      'occupationCode',
      'targetKeyGroups',
      'welfareTags',
    ]);
  });
});

describe('special posts', () => {
  test('a public-welfare post must state its eligibility, which is stored as given', async () => {
    const welfare = {
      kind: 'public_welfare',
      title: '乡村保洁员',
      occupationCode: '4-09-08-02',
      pay: { min: 1600, max: 1800, unit: 'month' },
    };
    const without = await post(verified, welfare);
    assert.equal(without.status, 400);
    assert.equal(without.body.details[0].field, 'eligibility');
    const eligibility = { keyGroups: ['poverty_alleviated', 'monitored'], ageMin: 18, ageMax: 60 };
    const created = await post(verified, { ...welfare, eligibility });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.eligibility, eligibility);
  });

  test('an internship with an impossible age range is refused; a regular post cannot carry eligibility', async () => {
    const bad = await post(verified, {
      kind: 'internship',
      eligibility: { keyGroups: ['graduate'], ageMin: 30, ageMax: 20, graduatedWithinYears: 2 },
    });
    assert.equal(bad.body.details[0].field, 'eligibility.ageMin');
    const regular = await post(verified, { eligibility: { keyGroups: ['graduate'] } });
    assert.equal(regular.status, 400);
  });
  test('an internship post targets 离校2年内高校毕业生; every key group the résumés know is accepted, nothing else', async () => {
    const internship = await post(verified, {
      kind: 'internship',
      title: '财务见习生',
      occupationCode: '2-06-03-00',
      pay: { min: 1800, max: 2200, unit: 'month' },
      targetKeyGroups: ['graduate_recent'],
      eligibility: { keyGroups: ['graduate_recent', 'unemployed_youth'] },
    });
    assert.equal(internship.status, 201, JSON.stringify(internship.body));
    assert.deepEqual(internship.body.targetKeyGroups, ['graduate_recent']);
    assert.deepEqual(internship.body.eligibility.keyGroups, [
      'graduate_recent',
      'unemployed_youth',
    ]);
    const all = await post(verified, { targetKeyGroups: [...KEY_GROUPS] });
    assert.equal(all.status, 201, JSON.stringify(all.body));
    const inherited = await post(verified, { targetKeyGroups: ['toString'] });
    assert.equal(inherited.status, 400);
    assert.equal(inherited.body.details[0].field, 'targetKeyGroups');
  });
});

describe('editing', () => {
  test('an edit bumps the version; an edit of an older version is a 409', async () => {
    const created = await post(verified);
    const edited = await api.patch(
      `/api/employer/vacancies/${created.body.id}`,
      { version: 1, headcount: 30 },
      { token: verified.owner.token },
    );
    assert.equal(edited.status, 200);
    assert.equal(edited.body.version, 2);
    assert.equal(edited.body.headcount, 30);
    assert.equal(edited.body.status, 'published');
    const stale = await api.patch(
      `/api/employer/vacancies/${created.body.id}`,
      { version: 1, headcount: 40 },
      { token: verified.owner.token },
    );
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'stale_version');
    assert.equal((await outboxFor(created.body.id)).length, 2);
  });

  test('an edit that adds banned words is refused and changes nothing', async () => {
    const created = await post(verified);
    const response = await api.patch(
      `/api/employer/vacancies/${created.body.id}`,
      { version: 1, description: '男性优先，需交押金200元，包吃住，长白班' },
      { token: verified.owner.token },
    );
    assert.equal(response.status, 400);
    const rules = response.body.details.map((d: { rule?: string }) => d.rule);
    assert.ok(rules.includes('gender_restricted') && rules.includes('fee_charged'));
    const own = await api.get(`/api/employer/vacancies/${created.body.id}`, {
      token: verified.owner.token,
    });
    assert.equal(own.body.version, 1);
  });

  test('pause, resume, fill follow the lifecycle and the public page follows them', async () => {
    const { body } = await post(verified);
    const token = verified.owner.token;
    await api.post(`/api/employer/vacancies/${body.id}/pause`, { reason: '春节放假' }, { token });
    assert.equal((await api.get(`/api/vacancies/${body.id}`)).status, 404);
    await api.post(`/api/employer/vacancies/${body.id}/resume`, {}, { token });
    assert.equal((await api.get(`/api/vacancies/${body.id}`)).status, 200);
    const filled = await api.post(`/api/employer/vacancies/${body.id}/fill`, {}, { token });
    assert.equal(filled.body.status, 'filled');
    const again = await api.post(`/api/employer/vacancies/${body.id}/pause`, {}, { token });
    assert.equal(again.status, 409);
    const history = await api.get(`/api/employer/vacancies/${body.id}/history`, { token });
    assert.deepEqual(
      history.body.map((h: { action: string }) => h.action),
      ['created', 'pause', 'resume', 'fill'],
    );
    assert.equal(history.body[1].reason, '春节放假');
    assert.equal((await outboxFor(body.id)).length, 4);
  });
});

describe('who sees what', () => {
  test("a recruiter of employer A cannot read or edit employer B's vacancy (404)", async () => {
    const other = await registerEmployer(api, { staff });
    const { body } = await post(verified);
    const token = other.owner.token;
    assert.equal((await api.get(`/api/employer/vacancies/${body.id}`, { token })).status, 404);
    const edit = await api.patch(
      `/api/employer/vacancies/${body.id}`,
      { version: 1, title: '被篡改' },
      { token },
    );
    assert.equal(edit.status, 404);
    assert.equal(
      (await api.post(`/api/employer/vacancies/${body.id}/close`, {}, { token })).status,
      404,
    );
    const list = await api.get('/api/employer/vacancies', { token });
    assert.ok(!list.body.items.some((v: { id: string }) => v.id === body.id));
  });

  test('a removed recruiter loses access to the vacancies at once', async () => {
    const recruiter = await registerUser(api, 'employer');
    await api.post(
      '/api/employers/mine/recruiters',
      { phone: recruiter.phone },
      { token: verified.owner.token },
    );
    const { body } = await post(verified);
    const seen = await api.get(`/api/employer/vacancies/${body.id}`, { token: recruiter.token });
    assert.equal(seen.status, 200);
    await api.delete(`/api/employers/mine/recruiters/${recruiter.userId}`, {
      token: verified.owner.token,
    });
    const after = await api.get(`/api/employer/vacancies/${body.id}`, { token: recruiter.token });
    assert.equal(after.status, 403);
    const edit = await api.patch(
      `/api/employer/vacancies/${body.id}`,
      { version: 1, title: '离职后修改' },
      { token: recruiter.token },
    );
    assert.equal(edit.status, 403);
  });

  test('the public page masks the contact phone; the list filters and pages', async () => {
    const phone = '13912345678';
    const { body } = await post(verified, {
      contactPhone: phone,
      townshipCode: OTHER_TOWNSHIP,
      kind: 'gig',
      title: '日结搬运工',
      occupationCode: '4-02-06-03',
      pay: { min: 150, max: 200, unit: 'day' },
    });
    const page = await api.get(`/api/vacancies/${body.id}`);
    assert.equal(page.body.contactPhone, '139****5678');
    assert.ok(!JSON.stringify(page.body).includes(phone));
    assert.equal(page.body.reviewFlags, undefined);
    const list = await api.get(`/api/vacancies?townshipCode=${OTHER_TOWNSHIP}&kind=gig&pageSize=5`);
    assert.equal(list.status, 200);
    assert.ok(list.body.items.every((v: { kind: string }) => v.kind === 'gig'));
    assert.ok(list.body.items.some((v: { id: string }) => v.id === body.id));
    const keyword = await api.get(`/api/vacancies?keyword=${encodeURIComponent('日结搬运')}`);
    assert.ok(keyword.body.items.some((v: { id: string }) => v.id === body.id));
  });

  test("the public page shows the employer's own view, field for field and in order, with the phone masked", async () => {
    const { body } = await post(verified, {
      kind: 'public_welfare',
      title: '乡村保洁员（公益性岗位）',
      occupationCode: '4-09-08-02',
      pay: { min: 2345.67, max: 3456.78, unit: 'month' },
      eligibility: { keyGroups: ['poverty_alleviated'], ageMin: 18, ageMax: 60 },
      shiftPattern: undefined,
      lat: undefined,
      lng: undefined,
      welfareTags: [],
      contactPhone: '13712345678',
    });
    const own = await api.get(`/api/employer/vacancies/${body.id}`, {
      token: verified.owner.token,
    });
    const { reviewFlags, reviewNote, createdAt, ...expected } = own.body;
    assert.ok(reviewFlags && createdAt && reviewNote === null);
    expected.contactPhone = '137****5678';
    const page = await api.get(`/api/vacancies/${body.id}`);
    assert.equal(page.status, 200);
    assert.equal(JSON.stringify(page.body), JSON.stringify(expected));
    assert.deepEqual(page.body.pay, { min: 2345.67, max: 3456.78, unit: 'month' });
    assert.equal(page.body.shiftPattern, null);
    assert.equal(page.body.lat, null);
    assert.match(page.body.startDate, /^\d{4}-\d{2}-\d{2}$/);
  });

  test('a page of the list asked again comes from memory until a vacancy changes anywhere', async () => {
    const employer = await registerEmployer(api, { staff });
    const first = (await post(employer, { title: '缓存测试岗位甲' })).body;
    const titles = async () =>
      (
        await api.get(`/api/vacancies?keyword=${encodeURIComponent('缓存测试岗位')}`)
      ).body.items.map((v: { title: string }) => v.title);
    assert.deepEqual(await titles(), ['缓存测试岗位甲']);
    // Changed behind the platform's back (no event): the page kept in memory still answers.
    await api.dataSource.query(`update vacancies set title = '缓存测试岗位乙' where id = $1`, [
      first.id,
    ]);
    assert.deepEqual(await titles(), ['缓存测试岗位甲']);
    // Its JSON text is kept with it, and still said to be JSON.
    const kept = await api.get(`/api/vacancies?keyword=${encodeURIComponent('缓存测试岗位')}`);
    assert.equal(kept.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(kept.body.total, 1);
    // Any change through the platform drops the kept pages before its own request answers.
    const second = (await post(employer, { title: '缓存测试岗位丙' })).body;
    assert.deepEqual(await titles(), ['缓存测试岗位丙', '缓存测试岗位乙']);
    // Another API process's change is heard through the sequence it bumps.
    await api.dataSource.query(`update vacancies set title = '缓存测试岗位丁' where id = $1`, [
      second.id,
    ]);
    assert.deepEqual(await titles(), ['缓存测试岗位丙', '缓存测试岗位乙']);
    // Its own bump is not news to this process: past its next look at the sequence, still kept.
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.deepEqual(await titles(), ['缓存测试岗位丙', '缓存测试岗位乙']);
    await api.dataSource.query(`select nextval('public_vacancy_generation')`);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.deepEqual(await titles(), ['缓存测试岗位丁', '缓存测试岗位乙']);
  });

  test("a suspended employer's ads leave the public listing and page, and come back on reinstatement", async () => {
    const employer = await registerEmployer(api, { staff });
    const { body } = await post(employer, { title: '暂停测试岗位' });
    const listed = async () =>
      (
        await api.get(`/api/vacancies?keyword=${encodeURIComponent('暂停测试岗位')}`)
      ).body.items.some((v: { id: string }) => v.id === body.id);
    assert.equal(await listed(), true);
    await api.post(
      `/api/staff/employers/${employer.id}/suspend`,
      { reason: '发布虚假信息' },
      { token: staff.token },
    );
    assert.equal(await listed(), false);
    assert.equal((await api.get(`/api/vacancies/${body.id}`)).status, 404);
    const blocked = await post(employer);
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.code, 'employer_suspended');
    await api.post(`/api/staff/employers/${employer.id}/reinstate`, {}, { token: staff.token });
    assert.equal(await listed(), true);
  });
});

describe('expiry', () => {
  test('the worker expires vacancies past their last day, announcing each through the outbox', async () => {
    const { body } = await post(verified);
    await api.dataSource.query(
      `update vacancies set start_date = current_date - 30, expires_at = current_date - 2 where id = $1`,
      [body.id],
    );
    // Hidden from the public at once, even before the job runs.
    assert.equal((await api.get(`/api/vacancies/${body.id}`)).status, 404);
    const expired = await api.app.get(VacancyExpiryService).expireDue();
    assert.ok(expired >= 1);
    const own = await api.get(`/api/employer/vacancies/${body.id}`, {
      token: verified.owner.token,
    });
    assert.equal(own.body.status, 'expired');
    assert.equal((await outboxFor(body.id)).length, 2);
    assert.equal(await api.app.get(VacancyExpiryService).expireDue(), 0);
  });

  test('the scheduled worker job does the same on its own', async () => {
    const { body } = await post(verified);
    await api.dataSource.query(
      `update vacancies set start_date = current_date - 30, expires_at = current_date - 2 where id = $1`,
      [body.id],
    );
    await api.startWorker();
    await eventually(async () => {
      const rows = await api.dataSource.query(`select status from vacancies where id = $1`, [
        body.id,
      ]);
      return rows[0].status === 'expired';
    });
    await api.stopWorker();
  });
});

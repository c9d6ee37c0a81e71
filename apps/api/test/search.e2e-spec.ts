import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { SearchIndexer, VacancySearch } from '@jipin/search';
import {
  approvedBooth,
  createFair,
  createStaffUser,
  eventually,
  registerEmployer,
  TestApi,
  TestEmployer,
  TestUser,
  vacancyBody,
} from '@jipin/testing';
import { VacancyExpiryService } from '@jipin/vacancies';

let api: TestApi;
let staff: TestUser;
let employer: TestEmployer;

beforeAll(async () => {
  // Cached answers live far longer than any wait below: only the index's own changes refresh them.
  api = await TestApi.start('search', { SEARCH_CACHE_SECONDS: '600' });
  staff = await createStaffUser(api);
  employer = await registerEmployer(api, { staff });
});
afterAll(async () => api.close());

const search = (query: string) => api.get(`/api/search/vacancies?${query}`);
const found = async (q: string, id: string) =>
  ((await search(`q=${encodeURIComponent(q)}`)).body.items as { id: string }[]).some(
    (item) => item.id === id,
  );
const foundSoon = (q: string, id: string) => eventually(() => found(q, id), 10000);
const goneSoon = (q: string, id: string) => eventually(async () => !(await found(q, id)), 10000);

async function publish(overrides: Record<string, unknown>, by = employer) {
  const created = await api.post(
    '/api/employer/vacancies',
    vacancyBody({ submit: true, ...overrides }),
    {
      token: by.owner.token,
    },
  );
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.status, 'published');
  return created.body as { id: string; version: number };
}

const move = (id: string, action: string, by = employer) =>
  api.post(`/api/employer/vacancies/${id}/${action}`, {}, { token: by.owner.token });

describe('freshness through the outbox and the worker', () => {
  beforeAll(async () => {
    await api.startWorker();
  });
  afterAll(async () => api.stopWorker());

  test('a published vacancy is found by a Chinese query within seconds, anonymously', async () => {
    const started = Date.now();
    const vacancy = await publish({ title: '冷链仓储分拣员', occupationCode: '4-02-06-03' });
    await foundSoon('仓储分拣', vacancy.id);
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 10000, `took ${elapsed} ms`);
    console.log(`published to searchable: ${elapsed} ms`);
    const { body } = await search('q=' + encodeURIComponent('分拣员'));
    const hit = body.items.find((i: { id: string }) => i.id === vacancy.id);
    assert.equal(hit.highlights.title, '冷链仓储<em>分拣员</em>');
    assert.equal(hit.employerName.startsWith('吉水县测试电子有限公司'), true);
    assert.equal(body.total >= 1, true);
    assert.equal(typeof body.facets.kind, 'object');
  });

  test('an edit, a pause and a close reach the index; resuming brings the vacancy back', async () => {
    const vacancy = await publish({ title: '注塑机操作员' });
    await foundSoon('注塑机', vacancy.id);
    const edited = await api.patch(
      `/api/employer/vacancies/${vacancy.id}`,
      { version: vacancy.version, title: '吹塑机调机员' },
      { token: employer.owner.token },
    );
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    await foundSoon('吹塑机', vacancy.id);
    assert.equal(await found('注塑机', vacancy.id), false);

    assert.equal((await move(vacancy.id, 'pause')).status, 200);
    await goneSoon('吹塑机', vacancy.id);
    assert.equal((await move(vacancy.id, 'resume')).status, 200);
    await foundSoon('吹塑机', vacancy.id);
    assert.equal((await move(vacancy.id, 'close')).status, 200);
    await goneSoon('吹塑机', vacancy.id);
  });

  test('suspending an employer removes all of its vacancies; reinstating restores them', async () => {
    const other = await registerEmployer(api, { staff });
    const first = await publish({ title: '竹木家具打磨工' }, other);
    const second = await publish({ title: '竹木家具油漆工' }, other);
    await foundSoon('竹木家具', first.id);
    await foundSoon('竹木家具', second.id);
    const suspended = await api.post(
      `/api/staff/employers/${other.id}/suspend`,
      { reason: '营业执照已吊销' },
      { token: staff.token },
    );
    assert.equal(suspended.status, 200, JSON.stringify(suspended.body));
    await goneSoon('竹木家具', first.id);
    await goneSoon('竹木家具', second.id);
    const reinstated = await api.post(
      `/api/staff/employers/${other.id}/reinstate`,
      {},
      { token: staff.token },
    );
    assert.equal(reinstated.status, 200, JSON.stringify(reinstated.body));
    await foundSoon('竹木家具', first.id);
    await foundSoon('竹木家具', second.id);
  });

  test("a booth approved at a fair puts its vacancies under the fair's filter; cancelling the booth takes them out", async () => {
    const vacancy = await publish({ title: '光伏组件层压工' });
    const fairId = await createFair(api, staff);
    const booth = await approvedBooth(api, staff, fairId, employer.owner, [vacancy.id]);
    const atFair = async () =>
      ((await search(`fairId=${fairId}`)).body.items as { id: string }[]).some(
        (item) => item.id === vacancy.id,
      );
    await eventually(atFair, 10000);
    const cancelled = await api.post(
      `/api/employer/booths/${booth.id}/cancel`,
      {},
      { token: employer.owner.token },
    );
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    await eventually(async () => !(await atFair()), 10000);
    assert.equal(await found('层压工', vacancy.id), true, 'still found without the fair filter');
  });

  test('an expired vacancy leaves the index', async () => {
    const vacancy = await publish({ title: '脐橙果园采摘工' });
    await foundSoon('脐橙', vacancy.id);
    await api.dataSource.query(
      `update vacancies set start_date = current_date - 30, expires_at = current_date - 2 where id = $1`,
      [vacancy.id],
    );
    assert.ok((await api.app.get(VacancyExpiryService).expireDue()) >= 1);
    await goneSoon('脐橙', vacancy.id);
  });
});

describe('reconciling the index with the database', () => {
  test('finds what is missing, stale or extra, and fixes it', async () => {
    const indexer = api.app.get(SearchIndexer);
    // Asked of the index itself: the tampering below goes around the indexer, so the
    // API's cached answers are not told of it (they are of everything the indexer does).
    const inIndex = async (q: string, id: string) =>
      (await api.app.get(VacancySearch).search({ q })).items.some((item) => item.id === id);
    const vacancy = await publish({ title: '白茶加工工' });
    await indexer.refresh({ vacancyIds: [vacancy.id] });
    assert.equal(await inIndex('白茶', vacancy.id), true);
    await api.dataSource.query(`delete from vacancy_search_documents where id = $1`, [vacancy.id]);
    await api.dataSource.query(
      `insert into vacancy_search_documents (id, title, occupation_code, occupation_name, description,
         employer_id, employer_name, kind, township_code, pay_min, pay_max, pay_unit, education,
         published_at, version, tsv)
       values (gen_random_uuid(), '幽灵岗位', 'x', 'x', 'x', gen_random_uuid(), 'x', 'regular',
         '360822100000', 1, 2, 'month', 'any', now(), 1, to_tsvector('simple', '幽灵 灵岗 岗位'))`,
    );
    assert.equal(await inIndex('白茶', vacancy.id), false);
    const change = await indexer.reconcile();
    assert.ok(change.upserted >= 1 && change.removed >= 1, JSON.stringify(change));
    assert.equal(await inIndex('白茶', vacancy.id), true);
    assert.equal((await search('q=' + encodeURIComponent('幽灵岗位'))).body.total, 0);
    assert.deepEqual(await indexer.reconcile(), { upserted: 0, removed: 0 });
  });
});

describe('hot searches from memory', () => {
  test('the same search is answered from memory until the indexer changes the index', async () => {
    const vacancy = await publish({ title: '香菇大棚管护员' });
    await api.app.get(SearchIndexer).refresh({ vacancyIds: [vacancy.id] });
    await eventually(() => found('香菇大棚', vacancy.id), 5000);
    // Taken out of the index behind the indexer's back: the remembered answer still has it,
    // for the same words only.
    await api.dataSource.query(`delete from vacancy_search_documents where id = $1`, [vacancy.id]);
    assert.equal(await found('香菇大棚', vacancy.id), true, 'answered from memory');
    // Its JSON text is kept with it, and still said to be JSON.
    const remembered = await search(`q=${encodeURIComponent('香菇大棚')}`);
    assert.equal(remembered.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(remembered.body.items[0].id, vacancy.id);
    assert.equal(await found('香菇管护', vacancy.id), false, 'other words ask the index');
    // Any change the indexer makes drops every remembered answer.
    await api.app.get(SearchIndexer).refresh({ vacancyIds: [vacancy.id] });
    await eventually(() => found('香菇大棚', vacancy.id), 5000);
    await api.dataSource.query(`delete from vacancy_search_documents where id = $1`, [vacancy.id]);
    const other = await publish({ title: '烟叶烘烤工' });
    await api.app.get(SearchIndexer).refresh({ vacancyIds: [other.id] });
    await eventually(async () => !(await found('香菇大棚', vacancy.id)), 5000);
  });
});

describe('bad input is a clear 400', () => {
  const cases: [string, string, RegExp][] = [
    ['an over-long query', 'q=' + encodeURIComponent('招'.repeat(51)), /搜索词不能超过50个字/],
    ['an unknown filter', 'colour=red', /colour 是不允许提交的字段/],
    ['a reversed pay range', 'payMin=8000&payMax=3000', /最低薪资不能高于最高薪资/],
    ['a radius without a point', 'radiusKm=5', /须同时提供位置/],
    ['sorting by distance without a point', 'sort=distance', /按距离排序时须同时提供位置/],
    ['half a point', 'lat=27.2', /须同时提供有效的纬度 lat 和经度 lng/],
    ['an unknown sort', 'sort=salary', /排序方式须为/],
    [
      'an unknown welfare tag',
      'welfareTags=' + encodeURIComponent('包吃,带薪出国'),
      /福利标签不在可选范围内/,
    ],
  ];
  for (const [what, query, message] of cases) {
    test(`${what}`, async () => {
      const response = await search(query);
      assert.equal(response.status, 400, JSON.stringify(response.body));
      assert.match(response.body.message + JSON.stringify(response.body.details), message);
    });
  }

  test('a suggestion needs something typed and no more than 50 characters', async () => {
    assert.equal((await api.get('/api/search/suggest')).status, 400);
    const long = await api.get('/api/search/suggest?q=' + encodeURIComponent('招'.repeat(51)));
    assert.equal(long.status, 400);
  });
});

describe('suggestions and filters through HTTP', () => {
  test('suggests titles as one types', async () => {
    const vacancy = await publish({ title: '数控车床操作工' });
    await api.app.get(SearchIndexer).refresh({ vacancyIds: [vacancy.id] });
    const { status, body } = await api.get('/api/search/suggest?q=' + encodeURIComponent('数控'));
    assert.equal(status, 200);
    assert.equal(body[0].text, '数控车床操作工');
  });

  test('filters and a radius from a point arrive at the driver', async () => {
    const vacancy = await publish({ title: '光伏组件质检员', welfareTags: ['包吃', '周末双休'] });
    await api.app.get(SearchIndexer).refresh({ vacancyIds: [vacancy.id] });
    const ok = await search(
      'q=' +
        encodeURIComponent('质检') +
        '&welfareTags=' +
        encodeURIComponent('包吃,周末双休') +
        '&payMin=5000&payMax=9000&lat=27.2&lng=115.13&radiusKm=5&sort=distance&keyGroupFriendly=true',
    );
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(
      ok.body.items.map((i: { id: string }) => i.id),
      [vacancy.id],
    );
    assert.ok(ok.body.items[0].distanceKm < 5);
    const none = await search('q=' + encodeURIComponent('质检') + '&payMin=7000');
    assert.equal(none.body.total, 0);
  });

  test('the search driver is part of readiness', async () => {
    const ready = await api.get('/health/ready');
    assert.equal(ready.status, 200);
    assert.ok(JSON.stringify(ready.body).includes('search:postgres'));
  });
});

describe('rate limit', () => {
  test('searches beyond the per-address limit get a 429 with a Chinese reason', async () => {
    const limited = await TestApi.start('search_limit', { RATE_LIMIT_SEARCH: '3' });
    try {
      for (let i = 0; i < 3; i++)
        assert.equal(
          (await limited.get('/api/search/vacancies?q=' + encodeURIComponent('普工'))).status,
          200,
        );
      const refused = await limited.get('/api/search/vacancies?q=' + encodeURIComponent('普工'));
      assert.equal(refused.status, 429);
      assert.match(refused.body.message, /搜索过于频繁/);
    } finally {
      await limited.close();
    }
  });
});

describe('what a rural seeker types (issue 17) through HTTP', () => {
  const ads: Record<string, string> = {};
  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);
  const query = async (q: string, more = '') => {
    const response = await search('q=' + encodeURIComponent(q) + more);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body;
  };

  beforeAll(async () => {
    const plain = { welfareTags: [], description: '岗位职责见面谈，工作地点在城区。' };
    const published = {
      assembler: await publish({
        ...plain,
        title: '装配工',
        pay: { min: 4000, max: 4500, unit: 'month' },
      }),
      electrician: await publish({
        ...plain,
        title: '维修电工',
        occupationCode: '6-31-01-03',
        description: '厂区设备维护，持低压电工证。',
        pay: { min: 9000, max: 30000, unit: 'month' },
      }),
      housedByTag: await publish({
        ...plain,
        title: '叉车工',
        occupationCode: '4-02-06-04',
        welfareTags: ['包住'],
      }),
      housedByText: await publish({
        ...plain,
        title: '仓库理货员',
        occupationCode: '4-02-06-01',
        description: '公司包吃住，长白班。',
      }),
      cleaner: await publish({ ...plain, title: '保洁员', occupationCode: '4-09-08-02' }),
      driver: await publish({ ...plain, title: '驾驶员', occupationCode: '4-02-01-01' }),
      welder: await publish({ ...plain, title: '电焊工', occupationCode: '6-18-02-04' }),
      accountant: await publish({ ...plain, title: '会计', occupationCode: '2-06-03-00' }),
    };
    for (const [name, vacancy] of Object.entries(published)) ads[name] = vacancy.id;
    await api.app.get(SearchIndexer).refresh({ vacancyIds: Object.values(ads) });
  });

  test('普工, 普工急招 and driver find the jobs they name', async () => {
    assert.ok(ids(await query('普工')).includes(ads.assembler));
    assert.ok(ids(await query('普工急招')).includes(ads.assembler));
    const drivers = await query('driver');
    assert.ok(ids(drivers).includes(ads.driver));
    assert.deepEqual(drivers.understood.terms, [{ typed: 'driver' }]);
  });

  test('招工 asks for no text; 工资高 and 高工资 put the best paid first; 附近 the nearest', async () => {
    const hiring = await query('招工');
    assert.ok(hiring.total >= Object.keys(ads).length);
    assert.deepEqual(hiring.understood.intents, ['hiring']);
    for (const words of ['工资高', '高工资']) {
      const best = await query(words);
      assert.equal(best.understood.sort, 'pay');
      assert.equal(best.items[0].id, ads.electrician);
    }
    const near = await query('附近', '&lat=27.21&lng=115.13');
    assert.equal(near.understood.sort, 'distance');
    const distances = near.items.map((i: { distanceKm: number }) => i.distanceKm);
    assert.deepEqual(
      distances,
      [...distances].sort((a, b) => a - b),
    );
  });

  test('电工，持证 finds the ad that says 持低压电工证, and says the match is partial', async () => {
    const body = await query('电工，持证');
    assert.ok(ids(body).includes(ads.electrician));
    assert.equal(body.partial, true);
    assert.deepEqual(body.matchedTerms, ['电工']);
    assert.deepEqual(body.unmatchedTerms, ['持证']);
  });

  test('包住 finds the ad tagged 包住 and the one whose text says 包吃住', async () => {
    const found = ids(await query('包住'));
    assert.ok(found.includes(ads.housedByTag));
    assert.ok(found.includes(ads.housedByText));
  });

  test('misspellings by sound, pinyin and traditional characters find the job meant', async () => {
    for (const [typed, ad, readAs] of [
      ['保结', 'cleaner', '保洁'],
      ['baojie', 'cleaner', '保洁'],
      ['驾使员', 'driver', '驾驶员'],
      ['电悍工', 'welder', '电焊工'],
      ['會計', 'accountant', undefined],
    ] as const) {
      const body = await query(typed);
      assert.ok(ids(body).includes(ads[ad]), typed);
      assert.equal(body.understood.terms[0].readAs, readAs, typed);
    }
  });

  test('a search that matches nothing offers related searches and the newest ads, not a blank page', async () => {
    const body = await query('宇航员');
    assert.equal(body.total, 0);
    assert.ok(body.rescue.related.length > 0, JSON.stringify(body.rescue.related));
    assert.ok(body.rescue.newest.length > 0);
    const related = await query(body.rescue.related[0]);
    assert.ok(related.total > 0);
  });
});

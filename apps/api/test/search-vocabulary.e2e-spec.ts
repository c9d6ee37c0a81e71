import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import {
  createStaffUser,
  eventually,
  registerEmployer,
  registerSeekerWithProfile,
  TestApi,
  TestEmployer,
  TestUser,
  vacancyBody,
} from '@jipin/testing';

let api: TestApi;
let staff: TestUser;
let employer: TestEmployer;
let canteen: string;

const ROUTE = '/api/staff/search-vocabulary';
type Said = { field?: string; message: string };

beforeAll(async () => {
  api = await TestApi.start('search_vocabulary');
  await api.startWorker();
  staff = await createStaffUser(api);
  employer = await registerEmployer(api, { staff });
  const created = await api.post(
    '/api/employer/vacancies',
    vacancyBody({
      submit: true,
      title: '食堂打杂（长白班）',
      description: '负责食堂洗菜、洗碗和清扫，包三餐。',
    }),
    { token: employer.owner.token },
  );
  assert.equal(created.status, 201, JSON.stringify(created.body));
  canteen = created.body.id;
  await eventually(async () => (await api.get('/api/search/vacancies?q=打杂')).body.total === 1);
});
afterAll(async () => api.close());

const finds = async (q: string) =>
  (
    (await api.get(`/api/search/vacancies?q=${encodeURIComponent(q)}`)).body.items as {
      id: string;
    }[]
  )
    .map((i) => i.id)
    .includes(canteen);
const save = (body: unknown, id?: string, token = staff.token) =>
  id ? api.put(`${ROUTE}/${id}`, body, { token }) : api.post(ROUTE, body, { token });

describe('staff extend the job words of search', () => {
  let entryId: string;

  test('a word staff add is understood by the next search, and the change is audited', async () => {
    assert.equal(await finds('勤杂工'), false);
    const created = await save({ word: '勤杂工', synonyms: ['打杂', '杂工'] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    entryId = created.body.id;
    assert.deepEqual(created.body.synonyms, ['打杂', '杂工']);
    assert.equal(await finds('勤杂工'), true);
    assert.equal(await finds('杂工'), true);
    const suggestions = (await api.get(`/api/search/suggest?q=${encodeURIComponent('勤杂工')}`))
      .body as { text: string }[];
    assert.ok(
      suggestions.some((s) => s.text === '食堂打杂（长白班）'),
      JSON.stringify(suggestions),
    );

    const history = (await api.get(`${ROUTE}/history`, { token: staff.token })).body;
    assert.equal(history[0].action, 'created');
    assert.equal(history[0].changedBy, staff.userId);
    assert.deepEqual(history[0].after.synonyms, ['打杂', '杂工']);
    const [{ n }] = await api.dataSource.query(
      `select count(*)::int as n from outbox_events where type = 'search.vocabulary_changed'`,
    );
    assert.equal(n, 1);
  });

  test('an edit takes effect at once, and the list shows it', async () => {
    const edited = await save({ word: '勤杂工', synonyms: ['杂活'] }, entryId);
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(await finds('勤杂工'), false);
    const list = (await api.get(ROUTE, { token: staff.token })).body;
    assert.deepEqual(
      list.map((e: { word: string }) => e.word),
      ['勤杂工'],
    );
    const history = (await api.get(`${ROUTE}/history`, { token: staff.token })).body;
    assert.equal(history[0].action, 'updated');
    assert.deepEqual(history[0].before.synonyms, ['打杂', '杂工']);
  });

  test('traditional characters, full width and capitals are stored as a search reads them', async () => {
    const created = await save({ word: '雜務工', synonyms: ['ＺＡＷＵ'] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.word, '杂务工');
    assert.deepEqual(created.body.synonyms, ['zawu']);
    assert.equal(
      (await api.delete(`${ROUTE}/${created.body.id}`, { token: staff.token })).status,
      204,
    );
  });

  test('a removed word no longer widens searches; removing it twice is a 404', async () => {
    await save({ word: '勤杂工', synonyms: ['打杂'] }, entryId);
    assert.equal(await finds('勤杂工'), true);
    assert.equal((await api.delete(`${ROUTE}/${entryId}`, { token: staff.token })).status, 204);
    assert.equal(await finds('勤杂工'), false);
    const again = await api.delete(`${ROUTE}/${entryId}`, { token: staff.token });
    assert.equal(again.status, 404);
    assert.match(again.body.message, /不存在/);
    const history = (await api.get(`${ROUTE}/history`, { token: staff.token })).body;
    assert.equal(history[0].action, 'deleted');
    assert.equal(history[0].after, null);
  });
});

describe('bad vocabulary input gets a Chinese 4xx and changes nothing', () => {
  const cases: [string, unknown, number, RegExp][] = [
    ['an empty word', { word: '  ', synonyms: ['杂工'] }, 400, /词语不能为空/],
    ['no synonyms at all', { word: '勤杂工' }, 400, /至少填写一个/],
    ['a huge word', { word: '工'.repeat(5000), synonyms: ['杂工'] }, 400, /最多12个字/],
    [
      'too many synonyms',
      { word: '勤杂工', synonyms: Array.from({ length: 21 }, (_, i) => `杂工${i}`) },
      400,
      /最多填写20个/,
    ],
    ['a synonym that is not text', { word: '勤杂工', synonyms: [7] }, 400, /须是文字/],
    [
      'punctuation inside a word',
      { word: '电工，持证', synonyms: ['电工证'] },
      400,
      /不能含空格、标点/,
    ],
    ['one character', { word: '工', synonyms: ['杂工'] }, 400, /至少要2个字/],
    ['the same word twice', { word: '勤杂工', synonyms: ['杂工', '雜工'] }, 400, /不止一次/],
    [
      'two different jobs made one',
      { word: '厨师', synonyms: ['司机'] },
      409,
      /「厨师」和「司机」.*不同的工种/,
    ],
    ['an intent word as a job', { word: '勤杂工', synonyms: ['附近'] }, 409, /功能词/],
    ['a welfare word as a job', { word: '勤杂工', synonyms: ['包住'] }, 409, /福利/],
  ];
  for (const [name, body, status, message] of cases)
    test(name, async () => {
      const answer = await save(body);
      assert.equal(answer.status, status, JSON.stringify(answer.body));
      // The message says what is wrong; details name the field (form errors go under it).
      const said = [answer.body.message, ...answer.body.details.map((d: Said) => d.message)];
      assert.match(said.join('；'), message);
      assert.ok(
        answer.body.details.every((d: Said) => d.field),
        JSON.stringify(answer.body),
      );
    });

  test('a word already in the list is a 409 that says to edit it', async () => {
    const first = await save({ word: '跑腿员', synonyms: ['跑腿'] });
    assert.equal(first.status, 201);
    const second = await save({ word: '跑腿员', synonyms: ['帮跑腿'] });
    assert.equal(second.status, 409);
    assert.match(second.body.message, /已在词库中/);
  });

  test('a synonym another staff entry gives a different job is a conflict', async () => {
    const answer = await save({ word: '外卖骑手', synonyms: ['跑腿员', '厨工'] });
    assert.equal(answer.status, 409);
    assert.match(answer.body.message, /不同的工种/);
  });

  test('nothing of the refused input was stored', async () => {
    const list = (await api.get(ROUTE, { token: staff.token })).body;
    assert.deepEqual(
      list.map((e: { word: string }) => e.word),
      ['跑腿员'],
    );
  });

  test('a township window reads the words but cannot change them; a seeker cannot see them', async () => {
    const township = await createStaffUser(api, { townshipCode: '360822101000' });
    assert.equal((await api.get(ROUTE, { token: township.token })).status, 200);
    const refused = await save({ word: '勤杂工', synonyms: ['打杂'] }, undefined, township.token);
    assert.equal(refused.status, 403);
    assert.match(refused.body.message, /县级工作人员/);
    const seeker = await registerSeekerWithProfile(api);
    assert.equal((await api.get(ROUTE, { token: seeker.token })).status, 403);
    assert.equal((await api.put(`${ROUTE}/not-a-uuid`, {}, { token: staff.token })).status, 400);
  });
});

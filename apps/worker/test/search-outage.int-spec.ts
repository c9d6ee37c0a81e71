import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { SearchIndexer } from '@jipin/search';
import {
  createStaffUser,
  eventually,
  publishVacancy,
  registerEmployer,
  TestApi,
  TestEmployer,
} from '@jipin/testing';

/**
 * The search index goes away while employers keep publishing and closing
 * vacancies (here: the PostgreSQL driver's table is renamed, so every index job
 * fails). When it is back, the retried jobs bring the index level with the
 * database on their own: the reconcile job afterwards finds nothing to fix.
 */
let api: TestApi;
let employer: TestEmployer;

beforeAll(async () => {
  // Every index job fails while the index is away: those warnings are the point, not news.
  api = await TestApi.start('search_outage', { LOG_LEVEL: 'error' });
  employer = await registerEmployer(api, { staff: await createStaffUser(api) });
  await api.startWorker();
});
afterAll(async () => api?.close());

const indexedIds = async (): Promise<string[]> =>
  (await api.dataSource.query(`select id from vacancy_search_documents order by id`)).map(
    (r: { id: string }) => r.id,
  );
const publishedIds = async (): Promise<string[]> =>
  (
    await api.dataSource.query(
      `select id from vacancies where employer_id = $1 and status = 'published' order by id`,
      [employer.id],
    )
  ).map((r: { id: string }) => r.id);

test('vacancies published and closed while the search index is down are all indexed (and removed) once it is back', async () => {
  const before = [await publishVacancy(api, employer), await publishVacancy(api, employer)];
  await eventually(async () => (await indexedIds()).length === 2, 15000);

  await api.dataSource.query(
    `alter table vacancy_search_documents rename to vacancy_search_documents_away`,
  );
  const during: string[] = [];
  try {
    for (let i = 0; i < 6; i++)
      during.push(await publishVacancy(api, employer, { title: `仓库理货员${i}` }));
    const closed = await api.post(
      `/api/employer/vacancies/${before[0]}/close`,
      {},
      { token: employer.owner.token },
    );
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    await new Promise((resolve) => setTimeout(resolve, 2500)); // the index jobs fail and back off meanwhile
    const failing = await api.dataSource.query(
      `select count(*)::int as n from outbox_events where delivered_at is null`,
    );
    assert.equal(failing[0].n, 0, 'the outbox delivered its events; the jobs are what wait');
  } finally {
    await api.dataSource.query(
      `alter table vacancy_search_documents_away rename to vacancy_search_documents`,
    );
  }

  const expected = await publishedIds();
  assert.equal(expected.length, 7);
  await eventually(
    async () => JSON.stringify(await indexedIds()) === JSON.stringify(expected),
    60000,
  );
  assert.deepEqual(await api.app.get(SearchIndexer).reconcile(), { upserted: 0, removed: 0 });
}, 120000);

import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { driversUnderTest } from '../drivers-under-test';
import { VacancySearch } from '../search-types';
import { judgeQuery, measureRelevance } from './relevance-measure';
import { relevanceDocuments } from './relevance-postings';
import { RELEVANCE_QUERIES } from './relevance-queries';

/**
 * The relevance suite of issue 17: realistic queries over a fixed county of
 * postings, judged as a seeker would (relevance-queries.ts), on every driver.
 */
for (const driver of driversUnderTest('search_relevance'))
  describe(`search relevance on ${driver.name}`, () => {
    let search: VacancySearch;
    let close: () => Promise<void>;
    const documents = relevanceDocuments();
    const keyOf = new Map(documents.map((d) => [d.id, d.key]));

    beforeAll(async () => {
      ({ search, close } = await driver.create());
      await search.prepare();
      await search.upsert(documents);
    });
    afterAll(() => close());

    test('the set is at least 60 queries over at least 60 postings', () => {
      assert.ok(RELEVANCE_QUERIES.length >= 60, `${RELEVANCE_QUERIES.length} queries`);
      assert.ok(documents.length >= 60, `${documents.length} postings`);
    });

    for (const query of RELEVANCE_QUERIES)
      test(`${query.q}${query.near ? ` (standing in the ${query.near})` : ''}`, async () => {
        const outcome = await judgeQuery(search, query, keyOf);
        assert.deepEqual(outcome.problems, []);
      });

    test('precision@10 is at least 0.9 and no must-not posting appears', async () => {
      const report = await measureRelevance(search, documents);
      console.log(
        `relevance on ${driver.name}: precision@10 ${report.precisionAt10.toFixed(3)}, ` +
          `recall ${report.recall.toFixed(3)}, MRR ${report.mrr.toFixed(3)}, ` +
          `must-not hits ${report.mustNotHits}, ${report.outcomes.length} queries`,
      );
      assert.ok(report.precisionAt10 >= 0.9, `precision@10 ${report.precisionAt10}`);
      assert.equal(report.mustNotHits, 0);
    });
  });

if (!process.env.MEILI_URL) {
  test.skip('search relevance on meilisearch', () => undefined);
  console.log('SKIPPED: search relevance on meilisearch (MEILI_URL is not set)');
}

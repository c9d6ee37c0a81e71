import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import type { Task } from 'meilisearch';
import {
  isTransient,
  meiliFilter,
  meiliSettings,
  meiliSort,
  MeiliTaskFailedError,
  succeeded,
  synonymsMap,
  vocabularySynonyms,
  toMeiliDocument,
  withRetry,
} from './meili-query';
import { buildVocabulary } from '../vocabulary';

const task = (status: Task['status'], error: Task['error'] = null) =>
  ({ uid: 7, type: 'documentAdditionOrUpdate', status, error }) as Task;

describe('Meilisearch driver without a server', () => {
  test('filters quote strings, overlap pay ranges and turn a radius into metres', () => {
    const now = Date.UTC(2026, 0, 10);
    assert.deepEqual(
      meiliFilter(
        {
          kind: 'gig',
          townshipCode: '360822100000',
          payMin: 5000,
          payMax: 7000,
          welfareTags: ['包吃', '包住'],
          keyGroupFriendly: true,
          employerId: 'e"1',
          postedWithinDays: 7,
          point: { lat: 27.2, lng: 115.1 },
          radiusKm: 2.5,
        },
        now,
      ),
      [
        'kind = "gig"',
        'townshipCode = "360822100000"',
        'payMax >= 5000',
        'payMin <= 7000',
        'welfareTags = "包吃"',
        'welfareTags = "包住"',
        'keyGroupFriendly = true',
        'employerId = "e\\"1"',
        `publishedAtTs >= ${now - 7 * 86400000}`,
        '_geoRadius(27.2, 115.1, 2500)',
      ],
    );
  });

  test('sorts: newest without a query, relevance with one, distance from the point', () => {
    assert.deepEqual(meiliSort({}), ['publishedAtTs:desc']);
    assert.equal(meiliSort({ q: '普工' }), undefined);
    assert.deepEqual(meiliSort({ sort: 'pay' }), [
      'payMax:desc',
      'payMin:desc',
      'publishedAtTs:desc',
    ]);
    assert.deepEqual(meiliSort({ sort: 'distance', point: { lat: 1, lng: 2 } }), [
      '_geoPoint(1, 2):asc',
    ]);
  });

  test('settings: Chinese locale, recency after relevance, every filter filterable, synonyms both ways', () => {
    const settings = meiliSettings([['司机', '驾驶员']]);
    assert.deepEqual(settings.localizedAttributes?.[0].locales, ['cmn']);
    assert.equal(settings.rankingRules?.at(-1), 'publishedAtTs:desc');
    for (const field of ['kind', 'payMin', 'payMax', 'welfareTags', 'fairIds', '_geo', 'id'])
      assert.ok(settings.filterableAttributes?.includes(field), field);
    assert.deepEqual(settings.synonyms, { 司机: ['驾驶员'], 驾驶员: ['司机'] });
    assert.deepEqual(synonymsMap([['a', 'b', 'c']]).a, ['b', 'c']);
  });

  test('the vocabulary goes to Meilisearch as one-way synonyms, welfare tags are searchable', () => {
    const synonyms = vocabularySynonyms();
    assert.ok(synonyms['普工'].includes('装配工'), 'an everyday word finds narrower jobs');
    assert.ok(!(synonyms['装配工'] ?? []).includes('包装工'), 'a narrower job not its siblings');
    assert.ok(synonyms['driver'].includes('司机'));
    assert.ok(synonyms['包住'].includes('包吃住'));
    const settings = meiliSettings();
    assert.deepEqual(settings.synonyms, synonyms);
    assert.ok(settings.searchableAttributes?.includes('welfareTags'));
    assert.equal(meiliSort({ terms: [{}] }), undefined);
  });

  test('words staff added are pushed with the rest, both ways for synonyms', () => {
    const vocabulary = buildVocabulary([
      { word: '勤杂工', synonyms: ['打杂'], narrower: [] },
      { word: '果农', synonyms: [], narrower: ['采摘工'] },
    ]);
    const settings = meiliSettings(vocabulary);
    assert.ok(settings.synonyms?.['勤杂工'].includes('打杂'));
    assert.ok(settings.synonyms?.['打杂'].includes('勤杂工'));
    assert.ok(settings.synonyms?.['果农'].includes('采摘工'));
    assert.ok(!settings.synonyms?.['采摘工']?.includes('果农'));
    assert.equal(vocabularySynonyms()['勤杂工'], undefined);
  });

  test('documents get a numeric timestamp and _geo only when located', () => {
    const base = {
      publishedAt: '2026-01-01T00:00:00.000Z',
      lat: 27.2,
      lng: 115.1,
    } as Parameters<typeof toMeiliDocument>[0];
    assert.deepEqual(toMeiliDocument(base)._geo, { lat: 27.2, lng: 115.1 });
    assert.equal(toMeiliDocument(base).publishedAtTs, Date.UTC(2026, 0, 1));
    assert.equal(toMeiliDocument({ ...base, lat: null, lng: null })._geo, undefined);
  });

  test('a task the server resolved as failed is an error with its reason', async () => {
    const failed = task('failed', {
      message: 'The primary key is missing',
      code: 'missing_document_id',
      type: 'invalid_request',
      link: '',
    });
    await assert.rejects(
      succeeded({ waitTask: async () => failed }),
      (error: unknown) =>
        error instanceof MeiliTaskFailedError &&
        /failed: The primary key is missing/.test(error.message),
    );
    await assert.rejects(
      succeeded({ waitTask: async () => task('canceled') }),
      MeiliTaskFailedError,
    );
    assert.equal((await succeeded({ waitTask: async () => task('succeeded') })).uid, 7);
  });

  test('network errors and 5xx are retried with backoff; 4xx and failed tasks are not', async () => {
    const network = Object.assign(new Error('connect ECONNREFUSED'), {
      name: 'MeilisearchRequestError',
    });
    const server = Object.assign(new Error('bad gateway'), {
      name: 'MeilisearchApiError',
      response: { status: 502 },
    });
    const client = Object.assign(new Error('invalid filter'), {
      name: 'MeilisearchApiError',
      response: { status: 400 },
    });
    assert.equal(isTransient(network), true);
    assert.equal(isTransient(server), true);
    assert.equal(isTransient(client), false);
    assert.equal(isTransient(new MeiliTaskFailedError(task('failed'))), false);

    let calls = 0;
    const retried: unknown[] = [];
    const value = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw network;
        return 'ok';
      },
      { baseDelayMs: 1, onRetry: (e) => retried.push(e) },
    );
    assert.equal(value, 'ok');
    assert.equal(retried.length, 2);

    let clientCalls = 0;
    await assert.rejects(
      withRetry(
        async () => {
          clientCalls++;
          throw client;
        },
        { baseDelayMs: 1 },
      ),
      /invalid filter/,
    );
    assert.equal(clientCalls, 1);

    let exhausted = 0;
    await assert.rejects(
      withRetry(
        async () => {
          exhausted++;
          throw server;
        },
        { attempts: 3, baseDelayMs: 1 },
      ),
      /bad gateway/,
    );
    assert.equal(exhausted, 3);
  });
});

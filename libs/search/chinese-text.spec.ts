import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import {
  buildTsQuery,
  expandSynonyms,
  highlight,
  indexTokens,
  queryTokens,
  snippet,
} from './chinese-text';

describe('Chinese tokenising for search', () => {
  test('indexes bigrams and single characters of Chinese, whole words of Latin and digits', () => {
    assert.deepEqual(indexTokens('电焊工 B2驾照'), [
      '电焊',
      '焊工',
      '电',
      '焊',
      '工',
      'b2',
      '驾照',
      '驾',
      '照',
    ]);
  });

  test('full-width letters and upper case are folded', () => {
    assert.deepEqual(indexTokens('ＣＮＣ操作'), ['cnc', '操作', '操', '作']);
  });

  test('queries need each bigram; a lone character stays one token; words match as prefixes', () => {
    assert.deepEqual(queryTokens('电子装配 cn'), [
      { token: '电子', prefix: false },
      { token: '子装', prefix: false },
      { token: '装配', prefix: false },
      { token: 'cn', prefix: true },
    ]);
    assert.deepEqual(queryTokens('焊'), [{ token: '焊', prefix: false }]);
  });

  test('synonyms rewrite the query, original first', () => {
    assert.deepEqual(expandSynonyms('吉水普工', [['普工', '操作工']]), ['吉水普工', '吉水操作工']);
    assert.equal(buildTsQuery('普工', [['普工', '操作工']]), "('普工') | ('操作' & '作工')");
  });

  test('punctuation alone is no query', () => {
    assert.equal(buildTsQuery('！？ ——'), undefined);
  });

  test('highlighting escapes HTML and marks every match', () => {
    assert.equal(
      highlight('<b>焊工</b>电焊', ['焊工', '电焊']),
      '&lt;b&gt;<em>焊工</em>&lt;/b&gt;<em>电焊</em>',
    );
  });

  test('a snippet is cut around the first match', () => {
    const text = '前'.repeat(50) + '焊接' + '后'.repeat(100);
    const cut = snippet(text, ['焊接'], 40);
    assert.ok(cut.startsWith('…'));
    assert.ok(cut.endsWith('…'));
    assert.match(cut, /<em>焊接<\/em>/);
  });
});

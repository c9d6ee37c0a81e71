import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { foldQuery, termsTsQuery, understandQuery } from './query-understanding';

const read = (q: string) =>
  understandQuery(q).terms.map((t) => (t.readAs ? `${t.typed}→${t.readAs}` : t.typed));

describe('query understanding', () => {
  test('job words bring their synonyms and the narrower jobs an everyday word covers', () => {
    const [general] = understandQuery('普工').terms;
    for (const word of ['操作工', '装配工', '包装工', '采摘工'])
      assert.ok(general.texts.includes(word), word);
    const [packer] = understandQuery('包装工').terms;
    assert.ok(!packer.texts.includes('装配工'), 'a narrower job does not find its siblings');
    assert.ok(understandQuery('月嫂').terms[0].texts.includes('育婴员'));
    assert.ok(understandQuery('厨师').terms[0].texts.includes('炒菜师傅'));
  });

  test('welfare tags and kinds are words that also match the tag or the kind', () => {
    const [housed] = understandQuery('包住').terms;
    assert.deepEqual(housed.lexemes, ['welfare=包住']);
    assert.ok(housed.texts.includes('包吃住'));
    assert.deepEqual(understandQuery('日结').terms[0].lexemes.sort(), [
      'kind=gig',
      'welfare=日结工资',
    ]);
    assert.deepEqual(understandQuery('见习').terms[0].lexemes, ['kind=internship']);
    assert.deepEqual(understandQuery('公益性岗位').terms[0].lexemes, ['kind=public_welfare']);
  });

  test('intent words change the search instead of matching text', () => {
    for (const [q, intent] of [
      ['附近', 'nearby'],
      ['工资高', 'highPay'],
      ['高工资', 'highPay'],
      ['招工', 'hiring'],
      ['急招', 'hiring'],
      ['招聘', 'hiring'],
    ] as const) {
      const understood = understandQuery(q);
      assert.deepEqual(understood.intents, [intent], q);
      assert.deepEqual(understood.terms, [], q);
    }
    assert.deepEqual(read('普工急招'), ['普工']);
    assert.deepEqual(read('我想找附近的普工'), ['普工']);
  });

  test('misspellings by sound, pinyin and its initials read as the word meant', () => {
    assert.deepEqual(read('保结'), ['保结→保洁']);
    assert.deepEqual(read('驾使员'), ['驾使员→驾驶员']);
    assert.deepEqual(read('电悍工'), ['电悍工→电焊工']);
    assert.deepEqual(read('baojie'), ['baojie→保洁']);
    assert.deepEqual(read('bj'), ['bj→保洁']);
    assert.deepEqual(read('siji'), ['siji→司机']);
  });

  test('traditional characters fold to simplified; English job words join their group', () => {
    assert.equal(foldQuery('會計 駕駛員'), '会计 驾驶员');
    assert.deepEqual(read('會計'), ['会计']);
    assert.ok(understandQuery('driver').terms[0].texts.includes('司机'));
  });

  test('the words around known ones stay as text; fillers are dropped', () => {
    assert.deepEqual(read('电工，持证'), ['电工', '持证']);
    assert.deepEqual(read('找保洁工作'), ['保洁']);
    assert.deepEqual(read('B2'), ['b2']);
  });

  test('each term is one alternative group of the tsquery; lexemes are exact', () => {
    const [term] = understandQuery('包住').terms;
    const query = termsTsQuery([{ ...term, texts: ['包住', '包吃住'] }]);
    assert.equal(query, "(('包住') | ('包吃' & '吃住') | ('welfare=包住'))");
    assert.equal(termsTsQuery([]), undefined);
  });
});

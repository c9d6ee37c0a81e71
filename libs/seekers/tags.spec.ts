import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { normaliseTag, normaliseTags } from './tags';

describe('skill and certificate tags', () => {
  test('trims and turns full-width letters and digits into half-width', () => {
    assert.equal(normaliseTag('  ＰＨＯＴＯＳＨＯＰ　'), 'PHOTOSHOP');
    assert.equal(normaliseTag('Ｃ１驾照'), 'C1驾照');
  });

  test('merges synonyms into one tag', () => {
    assert.equal(normaliseTag('电焊'), '焊工');
    assert.equal(normaliseTag(' 焊工 '), '焊工');
    assert.equal(normaliseTag('ｅｘｃｅｌ'), 'Excel');
  });

  test('drops empties and duplicates after normalising', () => {
    assert.deepEqual(normaliseTags(['电焊', '焊工', ' ', '叉车']), ['焊工', '叉车司机']);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { reviewGig } from './gig-rules';

const FLOOR = { day: 100, hour: 15, piece: 0 };
const codes = (description: string, amount = 150, unit: 'day' | 'hour' | 'piece' = 'day') =>
  reviewGig({ title: '摘脐橙', description }, { amount, unit }, FLOOR).map((f) => f.code);

describe('gig review rules', () => {
  test('a plain gig at or above the floor passes', () => {
    assert.deepEqual(codes('果园摘脐橙，管午饭'), []);
    assert.deepEqual(codes('', 100), []);
    assert.deepEqual(codes('', 15, 'hour'), []);
    assert.deepEqual(codes('按筐计', 2, 'piece'), []);
  });

  test('pay below the county floor is refused, per unit', () => {
    assert.deepEqual(codes('', 99), ['pay_below_floor']);
    assert.deepEqual(codes('', 14, 'hour'), ['pay_below_floor']);
  });

  test('the vacancy rules apply: gender and fees', () => {
    assert.ok(
      codes('只要男的，力气大').includes('gender_restricted') ||
        codes('限男性').includes('gender_restricted'),
    );
    assert.ok(codes('报名费20元').includes('fee_charged'));
  });

  test('deposits and wages kept back are refused; their denial is not', () => {
    for (const text of ['押一天工资', '先交50元定金', '扣押工资到月底', '压三天工钱'])
      assert.ok(codes(text).includes('gig_deposit'), text);
    assert.deepEqual(codes('不押工资，当天结清'), []);
  });
});

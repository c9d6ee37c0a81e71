import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { reviewPay } from './pay-rules';
import { reviewAdText } from './review-rules';

const codes = (text: string) => reviewAdText({ description: text }).map((f) => f.code);
const refused = (text: string) =>
  reviewAdText({ description: text }).some((f) => f.action === 'refuse');

describe('gender', () => {
  for (const text of [
    '限男性',
    '仅限女性，18-35岁',
    '只招男工',
    '男性优先',
    '男 性 优 先',
    '女士优先考虑',
    '男*性优先',
    '性别：男',
    '性别:女',
    '招女工若干',
    '不招女',
    '女性勿扰',
    '限　男　性', // full-width spaces
  ]) {
    test(`"${text}" is refused as gender discrimination`, () => {
      assert.ok(codes(text).includes('gender_restricted'), codes(text).join());
    });
  }
  for (const text of [
    '男女不限',
    '性别不限，吃苦耐劳',
    '招男女普工各10名',
    '不限男女',
    '性别：男女不限',
    '员工子女优先安排暑期工',
  ]) {
    test(`"${text}" passes`, () => assert.deepEqual(codes(text), []));
  }
});

describe('ethnicity', () => {
  for (const text of ['限汉族', '汉族优先', '少数民族勿扰', '不招少数民族', '回族免谈']) {
    test(`"${text}" is refused`, () => assert.ok(codes(text).includes('ethnicity_restricted')));
  }
  test('naming an ethnic dish is fine', () => assert.deepEqual(codes('会做清真菜'), []));
});

describe('hepatitis B', () => {
  for (const text of [
    '乙肝携带者勿扰',
    '乙肝 携带者 勿扰',
    '无乙肝',
    '入职体检查乙肝',
    'ＨＢｓＡｇ阳性者不要',
  ]) {
    test(`"${text}" is refused`, () => {
      assert.ok(codes(text).includes('hepatitis_b_excluded'), codes(text).join());
      assert.ok(!codes(text).includes('hepatitis_b_mentioned'));
    });
  }
  test('any other mention of 乙肝 is held for a person to read', () => {
    const findings = reviewAdText({ description: '关于乙肝的说明见附件' });
    assert.deepEqual(
      findings.map((f) => [f.code, f.action]),
      [['hepatitis_b_mentioned', 'hold']],
    );
  });
});

describe('marital and child-bearing status', () => {
  for (const text of [
    '限已婚已育',
    '已婚已育女性',
    '未婚未育',
    '两年内不得生育',
    '孕妇勿扰',
    '要求已婚',
  ]) {
    test(`"${text}" is refused`, () => assert.ok(refused(text), codes(text).join()));
  }
  for (const text of ['未婚', '未育', '请注明婚否']) {
    test(`"${text}" is held for review`, () => {
      assert.deepEqual(codes(text), ['marital_mentioned']);
    });
  }
});

describe('fees charged to seekers', () => {
  for (const text of [
    '入职需交报名费100元',
    '培训费300元',
    '押金500元，干满三个月退还',
    '服装费从工资扣',
    '体检费由求职者承担',
    '报 名 费 50元',
    '上班需扣押身份证',
  ]) {
    test(`"${text}" is refused`, () => assert.ok(refused(text), codes(text).join()));
  }
  for (const text of [
    '公司为员工缴纳社保费',
    '免培训费，包吃住',
    '无押金',
    '不收任何报名费',
    '体检费公司报销',
    '免费培训',
  ]) {
    test(`"${text}" passes`, () => assert.deepEqual(codes(text), []));
  }
  test('a vague charge is held', () =>
    assert.deepEqual(codes('入职需缴纳300元'), ['fee_suspected']));
});

describe('benefits the employer pays are not fees', () => {
  for (const text of [
    '缴纳社保、免费培训',
    '公司缴纳五险一金',
    '免费提供培训',
    '缴纳五险一金及免费提供培训',
    '缴纳五险免费体检',
    '入职即缴纳社保费',
    '为全体员工缴纳住房公积金费用',
    '培训费用由公司承担',
  ]) {
    test(`"${text}" passes`, () => assert.deepEqual(codes(text), []));
  }
  for (const text of [
    '报名费',
    '培训费200元',
    '押金',
    '服装费自理',
    '缴纳社保、免费培训，另收培训费200元',
  ]) {
    test(`"${text}" is still refused`, () =>
      assert.ok(codes(text).includes('fee_charged'), codes(text).join()));
  }
  for (const text of ['缴纳社保300元', '入职先交200元', '缴纳社保、免费培训，需交资料钱']) {
    test(`"${text}" is still held`, () => assert.deepEqual(codes(text), ['fee_suspected']));
  }
});

describe('fields', () => {
  test('the title, description and requirements are each read and named', () => {
    const findings = reviewAdText({
      title: '普工（限男性）',
      description: '',
      requirements: '报名费50元',
    });
    assert.deepEqual(
      findings.map((f) => [f.field, f.code]),
      [
        ['title', 'gender_restricted'],
        ['requirements', 'fee_charged'],
      ],
    );
    assert.ok(findings.every((f) => /[\u4e00-\u9fa5]/.test(f.message)));
  });
});

describe('pay', () => {
  const floor = { month: 1550, day: 60, hour: 15, piece: 0 };
  test('a fair range passes', () =>
    assert.deepEqual(reviewPay({ min: 4000, max: 6000, unit: 'month' }, floor), []));
  test('missing pay is refused', () =>
    assert.equal(reviewPay(undefined, floor)[0].code, 'pay_missing'));
  test('min above max is refused', () =>
    assert.deepEqual(
      reviewPay({ min: 6000, max: 4000, unit: 'month' }, floor).map((f) => f.code),
      ['pay_range'],
    ));
  test('below the configured floor is refused', () =>
    assert.deepEqual(
      reviewPay({ min: 1000, max: 1200, unit: 'month' }, floor).map((f) => f.code),
      ['pay_below_floor'],
    ));
  test('a floor is per unit', () => {
    assert.deepEqual(reviewPay({ min: 80, max: 120, unit: 'day' }, floor), []);
    assert.equal(reviewPay({ min: 10, max: 12, unit: 'hour' }, floor)[0].code, 'pay_below_floor');
  });
  test('an absurdly high figure is refused', () =>
    assert.equal(
      reviewPay({ min: 4000, max: 4000000, unit: 'month' }, floor)[0].code,
      'pay_absurd',
    ));
  test('zero or negative is refused', () =>
    assert.equal(
      reviewPay({ min: 0, max: 100, unit: 'piece' }, floor)[0].code,
      'pay_not_positive',
    ));
});

import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { withIdCheckDigit } from '@jipin/core';
import { parseDate } from './ledger-cells';
import { checkRow } from './ledger-rows';

const ctx = {
  today: '2026-12-06',
  townshipCode: (v: string) => (v === '文峰镇' ? '360822100000' : undefined),
};

describe('ledger cells and rows', () => {
  test('dates as bureaus write them, and Excel date numbers', () => {
    assert.equal(parseDate('2025-03-01'), '2025-03-01');
    assert.equal(parseDate('2025/3/1'), '2025-03-01');
    assert.equal(parseDate('2025.3.1'), '2025-03-01');
    assert.equal(parseDate('2025年3月1日'), '2025-03-01');
    assert.equal(parseDate('45717'), '2025-03-01');
    assert.equal(parseDate('2025-02-30'), null);
    assert.equal(parseDate('三月一日'), null);
  });

  test('a person row: facts from the ID number, verified groups only, every problem named', () => {
    const id = withIdCheckDigit('36082219900101123');
    const good = checkRow(
      {
        kind: 'people',
        line: 2,
        cells: {
          idNumber: id,
          name: '张三',
          household: '农村',
          township: '文峰镇',
          registeredOn: '2025-03-01',
          status: '失业',
          keyGroups: '脱贫劳动力、高校毕业生',
        },
      },
      ctx,
    );
    assert.ok('value' in good);
    assert.deepEqual(
      { ...good.value, idNumber: undefined },
      {
        idNumber: undefined,
        name: '张三',
        gender: 'male',
        birthDate: '1990-01-01',
        household: 'rural',
        townshipCode: '360822100000',
        registeredOn: '2025-03-01',
        status: 'unemployed',
        education: [],
        keyGroups: ['poverty_alleviated'],
        phone: null,
      },
    );
    const bad = checkRow(
      {
        kind: 'people',
        line: 3,
        cells: {
          idNumber: id,
          household: '城里',
          registeredOn: '2027-01-01',
          status: '失业',
          township: '文峰镇',
        },
      },
      ctx,
    );
    assert.ok('problems' in bad);
    assert.deepEqual(bad.problems, [
      '登记日期：不能晚于今天（2026-12-06）',
      '姓名：必填',
      '户籍类型：“城里”不在可选值中（城镇、农村、非农业、农业）',
    ]);
  });
});

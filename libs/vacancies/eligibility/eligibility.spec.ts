import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { checkEligibility, eligibilityProblems } from './eligibility';

const today = new Date('2026-06-01T00:00:00Z');

describe('checkEligibility', () => {
  const welfare = { keyGroups: ['poverty_alleviated', 'monitored'], ageMin: 18, ageMax: 60 };

  test('a seeker in a required group and age range is eligible', () => {
    const result = checkEligibility(
      welfare,
      { keyGroups: ['monitored'], birthDate: '1980-05-01' },
      today,
    );
    assert.deepEqual(result, { eligible: true, reasons: [] });
  });

  test('a seeker outside the groups is told which groups the post is for', () => {
    const result = checkEligibility(
      welfare,
      { keyGroups: ['graduate'], birthDate: '1980-05-01' },
      today,
    );
    assert.equal(result.eligible, false);
    assert.deepEqual(result.reasons, ['该岗位仅面向脱贫劳动力、监测对象']);
  });

  test('age is counted in full years on the day', () => {
    const rule = { keyGroups: [], ageMin: 16, ageMax: 24 };
    assert.equal(
      checkEligibility(rule, { keyGroups: [], birthDate: '2001-06-02' }, today).eligible,
      true,
    );
    const old = checkEligibility(rule, { keyGroups: [], birthDate: '2001-06-01' }, today);
    assert.deepEqual(old.reasons, ['年龄须在16至24周岁之间（当前25周岁）']);
  });

  test('a missing birth date is a reason, not a pass', () => {
    const result = checkEligibility({ keyGroups: [], ageMax: 24 }, { keyGroups: [] }, today);
    assert.deepEqual(result.reasons, ['缺少出生日期，无法确认年龄是否符合要求']);
  });

  test('an internship takes graduates within the window only', () => {
    const rule = { keyGroups: [], graduatedWithinYears: 2 };
    assert.equal(
      checkEligibility(rule, { keyGroups: [], graduationDate: '2024-07-01' }, today).eligible,
      true,
    );
    assert.deepEqual(
      checkEligibility(rule, { keyGroups: [], graduationDate: '2023-06-30' }, today).reasons,
      ['该岗位面向离校2年内的毕业生，您已离校超过2年'],
    );
    assert.equal(checkEligibility(rule, { keyGroups: [] }, today).eligible, false);
  });

  test('no eligibility means open to all', () => {
    assert.equal(checkEligibility(null, { keyGroups: [] }, today).eligible, true);
  });
});

describe('eligibilityProblems', () => {
  test('public-welfare posts must name their key groups', () => {
    assert.equal(eligibilityProblems(undefined, 'public_welfare').length, 1);
    assert.equal(
      eligibilityProblems({ keyGroups: [] }, 'public_welfare')[0].field,
      'eligibility.keyGroups',
    );
    assert.deepEqual(
      eligibilityProblems({ keyGroups: ['poverty_alleviated'] }, 'public_welfare'),
      [],
    );
  });

  test('unknown groups, bad ages and unknown fields are refused', () => {
    const problems = eligibilityProblems(
      { keyGroups: ['vip'], ageMin: 70, ageMax: 20, extra: 1 },
      'internship',
    );
    assert.deepEqual(
      problems.map((p) => p.field),
      ['eligibility.extra', 'eligibility.keyGroups', 'eligibility.ageMin'],
    );
    assert.equal(
      eligibilityProblems({ keyGroups: [], ageMin: 30, ageMax: 20 }, 'internship')[0].message,
      '最低年龄不能高于最高年龄',
    );
  });

  test('regular posts carry no eligibility', () => {
    assert.equal(eligibilityProblems({ keyGroups: [] }, 'regular').length, 1);
    assert.deepEqual(eligibilityProblems(undefined, 'regular'), []);
  });

  test('internships need a graduation window or a group', () => {
    assert.equal(eligibilityProblems({ keyGroups: [] }, 'internship').length, 1);
    assert.deepEqual(
      eligibilityProblems({ keyGroups: [], graduatedWithinYears: 2 }, 'internship'),
      [],
    );
  });
});

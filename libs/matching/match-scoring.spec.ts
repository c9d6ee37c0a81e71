import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import {
  MatchSeeker,
  MatchVacancy,
  MatchWeights,
  occupationFamily,
  scoreMatch,
} from './match-scoring';

const weights: MatchWeights = {
  occupation: 0.3,
  skills: 0.2,
  pay: 0.15,
  distance: 0.15,
  education: 0.1,
  experience: 0.05,
  keyGroup: 0.05,
};

const vacancy: MatchVacancy = {
  occupationCode: '6-25-04-05',
  occupationName: '电子设备装配工',
  payMin: 4000,
  payMax: 5500,
  payUnit: 'month',
  education: 'junior_high',
  ageMin: 18,
  ageMax: 45,
  experienceYears: null,
  skills: ['焊接'],
  targetKeyGroups: [],
  lat: 27.213,
  lng: 115.135,
};

const seeker: MatchSeeker = {
  desiredOccupationCodes: ['6-25-04-05'],
  pastOccupationCodes: [],
  skills: ['焊接', '叉车'],
  desiredPayMin: 4500,
  desiredPayUnit: 'month',
  education: 'senior_high',
  age: 30,
  experienceYears: 3,
  keyGroups: [],
  lat: 27.24,
  lng: 115.15,
};

describe('match scoring', () => {
  test('explains a good match in Chinese with the occupation, the distance and the pay', () => {
    const outcome = scoreMatch(vacancy, seeker, weights);
    assert.ok(outcome.eligible);
    assert.match(
      outcome.match.explanation,
      /^意向职业为电子设备装配工；具备焊接技能；薪资符合期望；距您3\.3公里$/,
    );
    assert.ok(outcome.match.score > 0.9);
  });

  test('never scores a seeker outside the age limits', () => {
    assert.deepEqual(scoreMatch(vacancy, { ...seeker, age: 46 }, weights), {
      eligible: false,
      reason: '年龄超过岗位要求的45岁',
    });
    assert.deepEqual(scoreMatch(vacancy, { ...seeker, age: 17 }, weights), {
      eligible: false,
      reason: '年龄未达到岗位要求的18岁',
    });
    assert.ok(
      scoreMatch(vacancy, { ...seeker, age: 45 }, weights).eligible,
      'the limit itself is allowed',
    );
  });

  test('the same occupation code scores above the same family, which scores above neither', () => {
    const same = scoreMatch(vacancy, seeker, weights);
    const family = scoreMatch(
      vacancy,
      { ...seeker, desiredOccupationCodes: ['6-25-04-01'] },
      weights,
    );
    const other = scoreMatch(
      vacancy,
      { ...seeker, desiredOccupationCodes: ['4-03-02-01'] },
      weights,
    );
    assert.ok(same.eligible && family.eligible && other.eligible);
    assert.ok(same.match.score > family.match.score && family.match.score > other.match.score);
    assert.equal(occupationFamily('6-25-04-05'), '6-25-04');
  });

  test('a daily rate is compared with a monthly wish through working days', () => {
    const daily = scoreMatch(
      { ...vacancy, payMin: 180, payMax: 220, payUnit: 'day' },
      seeker,
      weights,
    );
    assert.ok(daily.eligible);
    assert.equal(daily.match.components.pay, 1, '220 a day × 22 days ≥ 4500 a month');
    const low = scoreMatch(
      { ...vacancy, payMin: 100, payMax: 120, payUnit: 'day' },
      seeker,
      weights,
    );
    assert.ok(low.eligible && low.match.components.pay < 1);
  });

  test('weights are config: with all weight on distance, only distance counts', () => {
    const onlyDistance = {
      occupation: 0,
      skills: 0,
      pay: 0,
      distance: 1,
      education: 0,
      experience: 0,
      keyGroup: 0,
    };
    const near = scoreMatch(vacancy, seeker, onlyDistance);
    const far = scoreMatch(vacancy, { ...seeker, lat: 27.5, lng: 115.4 }, onlyDistance);
    assert.ok(near.eligible && far.eligible);
    assert.ok(near.match.score > far.match.score);
    assert.equal(near.match.score, Math.round(near.match.components.distance * 1000) / 1000);
  });

  test('key groups the post is meant for raise the score and say so', () => {
    const post = { ...vacancy, targetKeyGroups: ['poverty_alleviated'] };
    const member = scoreMatch(post, { ...seeker, keyGroups: ['poverty_alleviated'] }, weights);
    const nonMember = scoreMatch(post, seeker, weights);
    assert.ok(member.eligible && nonMember.eligible);
    assert.ok(member.match.score > nonMember.match.score);
    assert.ok(member.match.reasons.includes('属于岗位优先招收的重点群体'));
  });
});

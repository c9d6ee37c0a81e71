import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { evaluatePair, SeekerRow, VacancyRow } from './match-facts';
import { MatchWeights } from './match-scoring';

const weights: MatchWeights = {
  occupation: 0.3,
  skills: 0.2,
  pay: 0.15,
  distance: 0.15,
  education: 0.1,
  experience: 0.05,
  keyGroup: 0.05,
};
const today = '2026-06-01';

const vacancy: VacancyRow = {
  id: 'v',
  status: 'published',
  employerStatus: 'verified',
  expiresAt: '2026-07-01',
  title: '乡村保洁员',
  occupationCode: '4-09-08-02',
  occupationName: '保洁员',
  kind: 'public_welfare',
  payMin: 1600,
  payMax: 1800,
  payUnit: 'month',
  education: 'any',
  ageMin: null,
  ageMax: null,
  experienceYears: 0,
  townshipCode: '360822100000',
  lat: 27.213,
  lng: 115.135,
  targetKeyGroups: ['poverty_alleviated'],
  eligibility: { keyGroups: ['poverty_alleviated'], ageMin: 18, ageMax: 60 },
  text: '负责村道保洁',
};

const seeker: SeekerRow = {
  id: 's',
  gender: 'female',
  birthDate: '1975-03-03',
  household: 'rural',
  townshipCode: '360822100000',
  villageCode: null,
  education: [],
  workHistory: [],
  skills: ['保洁'],
  desiredOccupations: ['4-09-08-03'],
  desiredPayMin: 1500,
  employmentStatus: 'unemployed',
  recommendationOptOut: false,
  anonymised: false,
  verifiedGroups: ['poverty_alleviated'],
  lat: 27.22,
  lng: 115.14,
};

const reasonOf = (v: VacancyRow, s: SeekerRow) => {
  const outcome = evaluatePair(v, s, weights, today);
  return outcome.eligible ? 'eligible' : outcome.reason;
};

describe('hard constraints on a pair', () => {
  test('a verified member of the group in the age range is matched, with the reasons', () => {
    const outcome = evaluatePair(vacancy, seeker, weights, today);
    assert.ok(outcome.eligible);
    assert.equal(
      outcome.match.explanation,
      '意向职业与保洁员同属一类；具备保洁技能；薪资符合期望；距您0.9公里；属于岗位优先招收的重点群体',
    );
  });

  test('a public-welfare post never takes someone outside its key groups', () => {
    assert.equal(reasonOf(vacancy, { ...seeker, verifiedGroups: [] }), '该岗位仅面向脱贫劳动力');
  });

  test("the eligibility's age range holds on the day", () => {
    assert.match(
      reasonOf(vacancy, { ...seeker, birthDate: '1965-06-01' }),
      /年龄须在18至60周岁之间/,
    );
    assert.equal(reasonOf(vacancy, { ...seeker, birthDate: '1965-06-02' }), 'eligible');
  });

  test('an internship takes only graduates within two years', () => {
    const internship = {
      ...vacancy,
      kind: 'internship',
      targetKeyGroups: [],
      eligibility: { keyGroups: [], graduatedWithinYears: 2 },
    };
    const graduate = {
      ...seeker,
      verifiedGroups: [],
      education: [{ level: 'bachelor' as const, graduationDate: '2025-06-30' }],
    };
    assert.equal(reasonOf(internship, graduate), 'eligible');
    assert.match(
      reasonOf(internship, {
        ...graduate,
        education: [{ level: 'bachelor' as const, graduationDate: '2023-06-30' }],
      }),
      /离校超过2年/,
    );
  });

  test('nobody is matched who opted out, is employed, or wants another occupation family', () => {
    assert.notEqual(reasonOf(vacancy, { ...seeker, recommendationOptOut: true }), 'eligible');
    assert.notEqual(reasonOf(vacancy, { ...seeker, employmentStatus: 'employed' }), 'eligible');
    assert.equal(
      reasonOf(vacancy, { ...seeker, desiredOccupations: ['6-25-04-01'] }),
      '意向职业不属于同一类',
    );
  });

  test('a vacancy far away, closed or expired is not matched', () => {
    assert.match(reasonOf(vacancy, { ...seeker, lat: 28.2, lng: 115.1 }), /距离超过/);
    assert.notEqual(reasonOf({ ...vacancy, status: 'closed' }, seeker), 'eligible');
    assert.notEqual(reasonOf({ ...vacancy, expiresAt: '2026-05-31' }, seeker), 'eligible');
    assert.notEqual(reasonOf({ ...vacancy, employerStatus: 'suspended' }, seeker), 'eligible');
  });
});

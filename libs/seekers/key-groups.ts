import {
  COLLEGE_LEVELS,
  EducationEntry,
  EmploymentStatus,
  Gender,
  Household,
} from './seeker-types';

/** Key groups (重点群体) that follow from the profile's facts and the date. */
export const DERIVED_KEY_GROUPS = [
  'age_4050',
  'unemployed_youth',
  'graduate',
  'graduate_recent',
  'rural_labour',
] as const;
export type DerivedKeyGroup = (typeof DERIVED_KEY_GROUPS)[number];

/** Key groups a person or staff declares and staff verify. */
export const DECLARED_KEY_GROUPS = [
  'poverty_alleviated',
  'monitored',
  'employment_difficulty',
  'zero_employment_family',
  'disabled',
  'veteran',
  'migrant_worker',
] as const;
export type DeclaredKeyGroup = (typeof DECLARED_KEY_GROUPS)[number];

export type KeyGroup = DerivedKeyGroup | DeclaredKeyGroup;
export const KEY_GROUPS: readonly KeyGroup[] = [...DERIVED_KEY_GROUPS, ...DECLARED_KEY_GROUPS];

export const KEY_GROUP_NAMES: Record<KeyGroup, string> = {
  age_4050: '4050人员',
  unemployed_youth: '失业青年',
  graduate: '高校毕业生',
  graduate_recent: '离校2年内高校毕业生',
  rural_labour: '农村劳动力',
  poverty_alleviated: '脱贫劳动力',
  monitored: '监测对象',
  employment_difficulty: '就业困难人员',
  zero_employment_family: '零就业家庭',
  disabled: '残疾人',
  veteran: '退役军人',
  migrant_worker: '外出务工人员',
};

export interface KeyGroupFacts {
  gender: Gender;
  birthDate: string;
  household: Household;
  employmentStatus: EmploymentStatus;
  education: Pick<EducationEntry, 'level' | 'graduationDate'>[];
}

/** Full years between two YYYY-MM-DD dates; a birthday counts from its own day (29 Feb from 1 Mar). */
export function ageOn(birthDate: string, asOf: string): number {
  const years = Number(asOf.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return asOf.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The same date n years later (29 Feb becomes 1 Mar in a common year). */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return monthDay === '02-29' && !leap ? `${year}-03-01` : `${year}-${monthDay}`;
}

/** Latest graduation from a college (大专+) on or before asOf, if any. */
export function collegeGraduation(
  education: KeyGroupFacts['education'],
  asOf?: string,
): string | undefined {
  return education
    .filter((e) => COLLEGE_LEVELS.includes(e.level) && (!asOf || e.graduationDate <= asOf))
    .map((e) => e.graduationDate)
    .sort()
    .pop();
}

/**
 * The derived key groups of a person on a given date. Pure: the same facts
 * give different groups as time passes, so nothing derived is ever stored.
 */
export function deriveKeyGroups(facts: KeyGroupFacts, asOf: string): DerivedKeyGroup[] {
  const groups: DerivedKeyGroup[] = [];
  const age = ageOn(facts.birthDate, asOf);
  if ((facts.gender === 'female' && age >= 40) || (facts.gender === 'male' && age >= 50))
    groups.push('age_4050');
  // Students are not counted as unemployed youth, as in the labour statistics.
  if (age >= 16 && age <= 24 && facts.employmentStatus === 'unemployed')
    groups.push('unemployed_youth');
  const graduated = collegeGraduation(facts.education, asOf);
  if (graduated) {
    groups.push('graduate');
    if (asOf < addYears(graduated, 2)) groups.push('graduate_recent');
  }
  if (facts.household === 'rural') groups.push('rural_labour');
  return groups;
}

/** Today in China (UTC+8), as YYYY-MM-DD. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

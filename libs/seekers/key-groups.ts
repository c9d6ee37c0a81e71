import { DerivedKeyGroup } from '@jipin/core';
import {
  COLLEGE_LEVELS,
  EducationEntry,
  EmploymentStatus,
  Gender,
  Household,
} from './seeker-types';

export {
  DECLARED_KEY_GROUPS,
  type DeclaredKeyGroup,
  DERIVED_KEY_GROUPS,
  type DerivedKeyGroup,
  isKeyGroup,
  KEY_GROUP_NAMES,
  KEY_GROUPS,
  type KeyGroup,
} from '@jipin/core';

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

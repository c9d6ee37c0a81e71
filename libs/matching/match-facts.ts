import { distanceKm } from '@jipin/regions';
import {
  ageOn,
  collegeGraduation,
  deriveKeyGroups,
  EducationEntry,
  EmploymentStatus,
  Gender,
  Household,
  tagsMentionedIn,
  WorkEntry,
} from '@jipin/seekers';
import { checkEligibility, Eligibility } from '@jipin/vacancies';
import { EducationLevel } from './education-level';
import {
  MatchOutcome,
  MatchSeeker,
  MatchVacancy,
  MatchWeights,
  occupationFamily,
  PayUnit,
  scoreMatch,
} from './match-scoring';

/** Candidates are looked for within this distance of the workplace. */
export const MATCH_RADIUS_KM = 40;
/** How many candidates the cheap SQL pre-score lets through to full scoring. */
export const CANDIDATE_LIMIT = 500;
/** How many matches one run keeps for its subject (the best ones). */
export const KEEP_PER_VACANCY = 200;
export const KEEP_PER_SEEKER = 100;

/** A vacancy as matching reads it from the database. */
export interface VacancyRow {
  id: string;
  status: string;
  /** A suspended or rejected employer's vacancies are not shown, so not matched either. */
  employerStatus: string;
  expiresAt: string;
  title: string;
  occupationCode: string;
  occupationName: string;
  kind: string;
  payMin: number;
  payMax: number;
  payUnit: PayUnit;
  education: string;
  ageMin: number | null;
  ageMax: number | null;
  experienceYears: number;
  townshipCode: string;
  lat: number;
  lng: number;
  targetKeyGroups: string[];
  eligibility: Eligibility | null;
  text: string;
}

/** A seeker as matching reads it from the database. */
export interface SeekerRow {
  id: string;
  gender: Gender;
  birthDate: string;
  household: Household;
  townshipCode: string;
  villageCode: string | null;
  education: Pick<EducationEntry, 'level' | 'graduationDate'>[];
  workHistory: Pick<WorkEntry, 'startDate' | 'endDate'>[];
  skills: string[];
  desiredOccupations: string[];
  desiredPayMin: number | null;
  employmentStatus: EmploymentStatus;
  recommendationOptOut: boolean;
  anonymised: boolean;
  verifiedGroups: string[];
  lat: number;
  lng: number;
}

const SEEKER_EDUCATION: Record<string, EducationLevel> = {
  primary: 'primary',
  junior_high: 'junior_high',
  senior_high: 'senior_high',
  secondary_vocational: 'vocational',
  junior_college: 'associate',
  bachelor: 'bachelor',
  master: 'master',
  doctorate: 'doctorate',
};
const VACANCY_EDUCATION: Record<string, EducationLevel | null> = {
  any: null,
  junior_high: 'junior_high',
  senior_high: 'senior_high',
  vocational: 'vocational',
  junior_college: 'associate',
  bachelor: 'bachelor',
  master: 'master',
};

/** Whether the seeker wants matches at all: looking for work, not opted out, not deleted. */
export function seekerAvailable(seeker: SeekerRow): boolean {
  return (
    !seeker.anonymised && !seeker.recommendationOptOut && seeker.employmentStatus !== 'employed'
  );
}

/** Whether the vacancy is open to matching on the day. */
export function vacancyOpen(vacancy: VacancyRow, today: string): boolean {
  return (
    vacancy.status === 'published' &&
    vacancy.expiresAt >= today &&
    !['suspended', 'rejected'].includes(vacancy.employerStatus)
  );
}

/** The codes that count as the vacancy's occupation family (the prefix before the last segment). */
export function familyPrefix(code: string): string {
  return `${occupationFamily(code)}-`;
}

export function keyGroupsOf(seeker: SeekerRow, today: string): string[] {
  return [
    ...deriveKeyGroups({ ...seeker, education: seeker.education }, today),
    ...seeker.verifiedGroups,
  ];
}

function experienceYears(history: SeekerRow['workHistory'], today: string): number {
  const days = history.reduce((sum, job) => {
    const end = Date.parse(job.endDate ?? today);
    const start = Date.parse(job.startDate);
    return sum + (Number.isFinite(end - start) && end > start ? (end - start) / 86400000 : 0);
  }, 0);
  return Math.floor(days / 365);
}

function highestEducation(seeker: SeekerRow): EducationLevel | null {
  const ranks = Object.keys(SEEKER_EDUCATION);
  const best = seeker.education
    .map((e) => e.level as string)
    .sort((a, b) => ranks.indexOf(b) - ranks.indexOf(a))[0];
  return best ? SEEKER_EDUCATION[best] : null;
}

export function toMatchVacancy(vacancy: VacancyRow): MatchVacancy {
  return {
    occupationCode: vacancy.occupationCode,
    occupationName: vacancy.occupationName,
    payMin: Number(vacancy.payMin),
    payMax: Number(vacancy.payMax),
    payUnit: vacancy.payUnit,
    education: VACANCY_EDUCATION[vacancy.education] ?? null,
    ageMin: vacancy.ageMin,
    ageMax: vacancy.ageMax,
    experienceYears: vacancy.experienceYears || null,
    skills: tagsMentionedIn(vacancy.text),
    targetKeyGroups: vacancy.targetKeyGroups,
    lat: vacancy.lat,
    lng: vacancy.lng,
  };
}

export function toMatchSeeker(seeker: SeekerRow, today: string): MatchSeeker {
  return {
    desiredOccupationCodes: seeker.desiredOccupations,
    pastOccupationCodes: [],
    skills: seeker.skills,
    desiredPayMin: seeker.desiredPayMin,
    desiredPayUnit: seeker.desiredPayMin === null ? null : 'month',
    education: highestEducation(seeker),
    age: ageOn(seeker.birthDate, today),
    experienceYears: experienceYears(seeker.workHistory, today),
    keyGroups: keyGroupsOf(seeker, today),
    lat: seeker.lat,
    lng: seeker.lng,
  };
}

/**
 * Every hard constraint, checked again in code on each pair the SQL let
 * through, then the score. A pair that fails any constraint is never stored.
 */
export function evaluatePair(
  vacancy: VacancyRow,
  seeker: SeekerRow,
  weights: MatchWeights,
  today: string,
): MatchOutcome {
  if (!vacancyOpen(vacancy, today)) return { eligible: false, reason: '岗位未在招聘中' };
  if (!seekerAvailable(seeker)) return { eligible: false, reason: '求职者未在求职或已关闭推荐' };
  const family = familyPrefix(vacancy.occupationCode);
  if (!seeker.desiredOccupations.some((code) => `${code}-`.startsWith(family)))
    return { eligible: false, reason: '意向职业不属于同一类' };
  if (distanceKm(vacancy, seeker) > MATCH_RADIUS_KM)
    return { eligible: false, reason: `距离超过${MATCH_RADIUS_KM}公里` };
  if (vacancy.eligibility) {
    const result = checkEligibility(
      vacancy.eligibility,
      {
        birthDate: seeker.birthDate,
        keyGroups: keyGroupsOf(seeker, today),
        graduationDate: collegeGraduation(seeker.education, today) ?? null,
      },
      new Date(`${today}T12:00:00Z`),
    );
    if (!result.eligible) return { eligible: false, reason: result.reasons.join('；') };
  }
  return scoreMatch(toMatchVacancy(vacancy), toMatchSeeker(seeker, today), weights);
}

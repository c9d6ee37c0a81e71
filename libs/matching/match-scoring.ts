import { distanceKm } from '@jipin/regions';
import { EducationLevel, educationRank } from './education-level';

export type PayUnit = 'month' | 'day' | 'hour' | 'piece';

/** What scoring needs to know of a vacancy. */
export interface MatchVacancy {
  occupationCode: string;
  occupationName: string;
  payMin: number;
  payMax: number;
  payUnit: PayUnit;
  education: EducationLevel | null;
  ageMin: number | null;
  ageMax: number | null;
  experienceYears: number | null;
  skills: string[];
  targetKeyGroups: string[];
  lat: number;
  lng: number;
}

/** What scoring needs to know of a seeker (as of the day of matching). */
export interface MatchSeeker {
  desiredOccupationCodes: string[];
  pastOccupationCodes: string[];
  skills: string[];
  desiredPayMin: number | null;
  desiredPayUnit: PayUnit | null;
  education: EducationLevel | null;
  age: number;
  experienceYears: number;
  keyGroups: string[];
  lat: number;
  lng: number;
}

export type MatchWeights = Record<
  'occupation' | 'skills' | 'pay' | 'distance' | 'education' | 'experience' | 'keyGroup',
  number
>;

export interface MatchScore {
  score: number;
  components: MatchWeights;
  distanceKm: number;
  /** Short Chinese reasons the seeker and the employer can read. */
  reasons: string[];
  explanation: string;
}

export type MatchOutcome =
  { eligible: true; match: MatchScore } | { eligible: false; reason: string };

/** Working hours and days that turn day and hour rates into a monthly figure for comparison. */
const MONTHLY_FACTOR: Record<PayUnit, number | null> = {
  month: 1,
  day: 22,
  hour: 22 * 8,
  piece: null,
};

/** Beyond this distance a job scores nothing for distance (a county is about 60 km across). */
const FAR_KM = 40;

/**
 * Scores one seeker against one vacancy. Hard constraints (age limits) are
 * never violated: such pairs are not scored at all. Public-welfare and
 * internship eligibility is checked before scoring by the caller, with the
 * vacancy's own rules. Weights come from config.
 */
export function scoreMatch(
  vacancy: MatchVacancy,
  seeker: MatchSeeker,
  weights: MatchWeights,
): MatchOutcome {
  if (vacancy.ageMin !== null && seeker.age < vacancy.ageMin)
    return { eligible: false, reason: `年龄未达到岗位要求的${vacancy.ageMin}岁` };
  if (vacancy.ageMax !== null && seeker.age > vacancy.ageMax)
    return { eligible: false, reason: `年龄超过岗位要求的${vacancy.ageMax}岁` };

  const reasons: string[] = [];
  const components: MatchWeights = {
    occupation: 0,
    skills: 0,
    pay: 0,
    distance: 0,
    education: 0,
    experience: 0,
    keyGroup: 0,
  };

  const family = occupationFamily(vacancy.occupationCode);
  if (
    seeker.desiredOccupationCodes.includes(vacancy.occupationCode) ||
    seeker.pastOccupationCodes.includes(vacancy.occupationCode)
  ) {
    components.occupation = 1;
    reasons.push(
      seeker.pastOccupationCodes.includes(vacancy.occupationCode)
        ? `做过${vacancy.occupationName}`
        : `意向职业为${vacancy.occupationName}`,
    );
  } else if (
    [...seeker.desiredOccupationCodes, ...seeker.pastOccupationCodes].some(
      (code) => occupationFamily(code) === family,
    )
  ) {
    components.occupation = 0.6;
    reasons.push(`意向职业与${vacancy.occupationName}同属一类`);
  }

  if (vacancy.skills.length) {
    const shared = vacancy.skills.filter((skill) => seeker.skills.includes(skill));
    components.skills = shared.length / vacancy.skills.length;
    if (shared.length) reasons.push(`具备${shared.slice(0, 3).join('、')}技能`);
  } else {
    components.skills = 0.5; // nothing asked: neither a plus nor a minus
  }

  components.pay = payFit(vacancy, seeker);
  if (components.pay === 1) reasons.push('薪资符合期望');

  const km = distanceKm(vacancy, seeker);
  components.distance = Math.max(0, 1 - km / FAR_KM);
  reasons.push(`距您${km < 10 ? km.toFixed(1) : Math.round(km)}公里`);

  const needed = educationRank(vacancy.education);
  components.education = needed === 0 || educationRank(seeker.education) >= needed ? 1 : 0.3;
  components.experience = !vacancy.experienceYears
    ? 1
    : Math.min(1, seeker.experienceYears / vacancy.experienceYears);

  const priority = vacancy.targetKeyGroups.filter((group) => seeker.keyGroups.includes(group));
  components.keyGroup = vacancy.targetKeyGroups.length ? (priority.length ? 1 : 0) : 0.5;
  if (priority.length) reasons.push('属于岗位优先招收的重点群体');

  const totalWeight = Object.values(weights).reduce((sum, weight) => sum + weight, 0) || 1;
  const score =
    (Object.keys(components) as (keyof MatchWeights)[]).reduce(
      (sum, key) => sum + components[key] * weights[key],
      0,
    ) / totalWeight;
  return {
    eligible: true,
    match: {
      score: Math.round(score * 1000) / 1000,
      components,
      distanceKm: Math.round(km * 10) / 10,
      reasons,
      explanation: reasons.join('；'),
    },
  };
}

/** Occupation codes read like 6-25-04-05; the family is all but the last segment. */
export function occupationFamily(code: string): string {
  const cut = code.lastIndexOf('-');
  return cut > 0 ? code.slice(0, cut) : code;
}

function payFit(vacancy: MatchVacancy, seeker: MatchSeeker): number {
  if (seeker.desiredPayMin === null || !seeker.desiredPayUnit) return 0.5;
  const vacancyFactor = MONTHLY_FACTOR[vacancy.payUnit];
  const seekerFactor = MONTHLY_FACTOR[seeker.desiredPayUnit];
  if (vacancyFactor === null || seekerFactor === null)
    return vacancy.payUnit === seeker.desiredPayUnit && vacancy.payMax >= seeker.desiredPayMin
      ? 1
      : 0.5;
  const offeredMonthly = vacancy.payMax * vacancyFactor;
  const wantedMonthly = seeker.desiredPayMin * seekerFactor;
  if (offeredMonthly >= wantedMonthly) return 1;
  return Math.max(0, offeredMonthly / wantedMonthly - 0.2);
}

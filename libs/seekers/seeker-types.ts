/** The facts a seeker profile holds, shared by services, views and DTOs. */

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const HOUSEHOLDS = ['urban', 'rural'] as const;
export type Household = (typeof HOUSEHOLDS)[number];

/** flexible = 灵活就业, counted as employed. */
export const EMPLOYMENT_STATUSES = ['unemployed', 'employed', 'flexible', 'student'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const VISIBILITIES = ['open', 'hidden'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const CONSENT_METHODS = ['signed_paper', 'verbal_witnessed'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const EDUCATION_LEVELS = [
  'primary',
  'junior_high',
  'senior_high',
  'secondary_vocational',
  'junior_college',
  'bachelor',
  'master',
  'doctorate',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** 大专 and above count as a college degree (高校毕业生). */
export const COLLEGE_LEVELS: readonly EducationLevel[] = [
  'junior_college',
  'bachelor',
  'master',
  'doctorate',
];

export interface EducationEntry {
  level: EducationLevel;
  school: string;
  major?: string;
  /** YYYY-MM-DD; in the future while still studying. */
  graduationDate: string;
}

export interface WorkEntry {
  employer: string;
  position: string;
  startDate: string;
  endDate?: string;
  description?: string;
}

/** What a seeker or staff may set on a profile; phone and consent travel separately. */
export interface ProfileInput {
  name: string;
  gender?: Gender;
  birthDate?: string;
  idNumber: string;
  household: Household;
  townshipCode: string;
  villageCode?: string | null;
  education?: EducationEntry[];
  workHistory?: WorkEntry[];
  skills?: string[];
  certificates?: string[];
  desiredOccupations?: string[];
  desiredTownships?: string[];
  desiredPayMin?: number | null;
  desiredPayMax?: number | null;
  availableFrom?: string | null;
  employmentStatus: EmploymentStatus;
  visibility?: Visibility;
  recommendationOptOut?: boolean;
}

export interface ConsentInput {
  method: ConsentMethod;
  witness?: string;
  reference?: string;
}

/** The shapes the API returns (see the view files in libs); only what the pages read. */

export type Role = 'seeker' | 'employer' | 'staff' | 'admin';

export interface Account {
  id: string;
  role: Role;
  name: string;
  phone: string;
  townshipCode: string | null;
  smsOptIn: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** More matched than the search counts: shown as “1000+”. */
  capped?: boolean;
}

export interface Pay {
  min: number;
  max: number;
  unit: 'month' | 'day' | 'hour' | 'piece';
}

export interface RuleFinding {
  code: string;
  action: 'refuse' | 'hold' | string;
  field: string;
  message: string;
  match?: string;
}

export interface Vacancy {
  id: string;
  employerId: string;
  employerName?: string;
  title: string;
  occupationCode: string;
  occupationName?: string;
  description: string;
  requirements: string;
  kind: string;
  headcount: number;
  pay: Pay;
  education: string;
  ageMin: number | null;
  ageMax: number | null;
  experienceYears: number;
  welfareTags: string[];
  shiftPattern: string | null;
  townshipCode: string;
  address: string;
  lat: number | null;
  lng: number | null;
  contactName: string;
  contactPhone: string;
  contactMode?: 'signed_in' | 'after_applying' | 'messages_only';
  startDate: string;
  expiresAt: string;
  targetKeyGroups: string[];
  status: string;
  version: number;
  publishedAt: string | null;
  updatedAt: string;
  /** The employer's and staff's view only. */
  reviewFlags?: RuleFinding[];
  reviewNote?: string | null;
  employerStatus?: string;
  /** The search API's hit, when it gives one. */
  distanceKm?: number;
}

export interface VacancyOptions {
  occupations: {
    occupations: { code: string; name: string; minor: string; aliases: string[] }[];
  };
  kinds: Record<string, string>;
  payUnits: Record<string, string>;
  education: Record<string, string>;
  shiftPatterns: Record<string, string>;
  welfareTags: string[];
  keyGroups: Record<string, string>;
}

export interface Place {
  code: string;
  name: string;
  lat: number;
  lng: number;
}

export interface RegionTree {
  county: Place;
  townships: (Place & { villages: Place[] })[];
}

export interface Employer {
  id: string;
  name: string;
  creditCode: string;
  industry: string;
  size: string;
  address: string;
  townshipCode: string;
  contactName: string;
  contactPhone: string;
  licence: { legalRepresentative: string; registeredCapital?: string };
  status: 'pending' | 'verified' | 'rejected' | 'suspended';
  statusReason: string | null;
  statusChangedAt: string | null;
  createdAt: string;
}

export interface EducationEntry {
  level: string;
  school: string;
  major?: string;
  graduationDate: string;
}

export interface WorkEntry {
  employer: string;
  position: string;
  startDate: string;
  endDate?: string;
  description?: string;
}

export interface Seeker {
  id: string;
  userId: string;
  name: string;
  gender: string;
  /** Only in the person's own view; others see the age. */
  birthDate?: string;
  age: number;
  idNumber: string;
  phone: string;
  household: string;
  townshipCode: string;
  villageCode: string | null;
  education: EducationEntry[];
  workHistory: WorkEntry[];
  skills: string[];
  certificates: string[];
  desiredOccupations: string[];
  desiredTownships: string[];
  desiredPayMin: number | null;
  desiredPayMax: number | null;
  availableFrom: string | null;
  employmentStatus: string;
  visibility: string;
  recommendationOptOut: boolean;
  keyGroups?: { code: string; name: string; source: string }[];
}

export interface HistoryEntry {
  fromStatus: string | null;
  toStatus: string;
  toStatusName: string;
  actorRole: string;
  note: string | null;
  at: string;
}

export interface Application {
  id: string;
  vacancyId: string;
  vacancyTitle: string;
  employerName: string;
  status: string;
  statusName: string;
  coverNote: string | null;
  appliedAt: string;
  statusChangedAt: string;
  history: HistoryEntry[];
}

export interface Applicant {
  id: string;
  vacancyId: string;
  status: string;
  statusName: string;
  coverNote: string | null;
  appliedAt: string;
  history: HistoryEntry[];
  seeker: Seeker;
}

export interface ImportReport {
  mode: string;
  totalRows: number;
  imported: number;
  published: number;
  pendingReview: number;
  duplicates: number;
  errors: { line: number; reasons: string[] }[];
  vacancyIds: string[];
}

export interface FailedJob {
  id: string;
  queue: string;
  name: string;
  data: unknown;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
}

export interface Fair {
  id: string;
  title: string;
  campaign: string | null;
  mode: 'online' | 'offline' | 'hybrid';
  venue: string | null;
  townshipCode: string | null;
  townshipName: string | null;
  startsAt: string;
  endsAt: string;
  boothCount: number;
  targetKeyGroups: string[];
  liveStreamUrl: string | null;
  description: string | null;
  status: 'draft' | 'registration_open' | 'ongoing' | 'ended' | 'cancelled';
  statusName: string;
  statusReason: string | null;
}

export interface FairVacancy {
  id: string;
  title: string;
  headcount: number;
  payMin: number;
  payMax: number;
  payUnit: string;
  kind: string;
  employerId: string;
  employerName: string;
  boothNumber: number | null;
}

export interface Ticket {
  fairId: string;
  fairTitle: string;
  mode: 'offline' | 'online' | 'hybrid';
  startsAt: string;
  endsAt: string;
  venue: string | null;
  /** Masked (张**). */
  holderName: string;
  /** 4821-3307; null for an online-only fair. */
  ticketCode: string | null;
  qrCode: string | null;
  registeredAt: string;
  checkedInAt: string | null;
}

export interface Booth {
  id: string;
  fairId: string;
  fairTitle: string;
  employerId: string;
  employerName: string;
  status: 'pending' | 'approved' | 'refused' | 'cancelled';
  statusName: string;
  boothNumber: number | null;
  decisionNote: string | null;
  vacancies: { id: string; title: string; headcount: number }[];
  appliedAt: string;
}

export interface CheckIn {
  seekerName: string;
  ticketCode: string;
  checkedInAt: string;
  alreadyCheckedIn: boolean;
  walkIn: boolean;
}

export interface Intent {
  id: string;
  seekerName: string;
  seekerPhone: string;
  vacancyTitle: string;
  employerName: string;
  sourceName: string;
  recordedAt: string;
}

export interface FairNumbers {
  fair: { id: string; title: string; status: string; statusName: string };
  at: string;
  totals: {
    employers: number;
    booths: number;
    vacancies: number;
    positions: number;
    registrations: number;
    checkIns: number;
    applications: number;
    intents: number;
    peopleWithIntents: number;
  };
  byEmployer: {
    employerId: string;
    employerName: string;
    boothNumbers: number[];
    vacancies: number;
    positions: number;
    applications: number;
    intents: number;
    peopleWithIntents: number;
  }[];
}

/** GET /api/seekers/me/recommendations (为你推荐), each with why. */
export interface SeekerRecommendations {
  personalised: boolean;
  message?: string;
  items: {
    vacancyId: string;
    title: string;
    employerName: string;
    townshipName?: string;
    pay: { min: number; max: number; unit: string };
    score: number;
    explanation: string;
  }[];
}

/** GET /api/employer/vacancies/:id/recommended-seekers (推荐人才). */
export interface TalentRecommendations {
  vacancyId: string;
  items: {
    seekerId: string;
    name: string;
    gender: string;
    age: number;
    education: string | null;
    townshipName?: string;
    skills: string[];
    score: number;
    explanation: string;
  }[];
}

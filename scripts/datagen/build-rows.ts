import { PiiCipher } from '@jipin/core';
import { EducationEntry, normaliseTags, WorkEntry } from '@jipin/seekers';
import { Eligibility, occupationByCode, VacancyInput, WELFARE_TAGS } from '@jipin/vacancies';
import { Random } from './random';
import {
  BRAND_WORDS,
  COVER_NOTES,
  DUTIES,
  GENERIC_SKILLS,
  GIVEN_FEMALE,
  GIVEN_MALE,
  INDUSTRIES,
  IndustryProfile,
  LEGAL_FORMS,
  MAJORS,
  REQUIREMENT_LINES,
  SCHOOLS,
  SKILLS,
  STREETS,
  SURNAMES,
  VACANCY_TITLE_PREFIX,
  WORK_TIME,
} from './vocabulary';
import {
  BIRTH_COUNTIES,
  creditCode,
  employerPhone,
  ResidentIdAllocator,
  seekerPhone,
} from './identifiers';

/** A township of the region file, with its villages. */
export interface TownshipData {
  code: string;
  name: string;
  lat: number;
  lng: number;
  villages: { code: string; name: string; lat: number; lng: number }[];
}

export interface GeneratedEmployer {
  id: string;
  ownerId: string;
  ownerPhone: string;
  name: string;
  creditCode: string;
  industry: IndustryProfile;
  size: string;
  township: TownshipData;
  address: string;
  lat: number;
  lng: number;
  contactName: string;
  contactPhoneCipher: string;
  status: 'verified' | 'pending' | 'suspended' | 'rejected';
  licence: Record<string, string>;
  createdAt: string;
}

export interface GeneratedVacancy {
  id: string;
  employerId: string;
  /** What an employer would have typed: checkVacancy accepts it. */
  input: VacancyInput;
  contactPhoneCipher: string;
  status: 'published' | 'closed' | 'filled' | 'paused' | 'expired' | 'pending_review';
  publishedAt: string | null;
  createdAt: string;
}

export interface GeneratedSeeker {
  userId: string;
  profileId: string;
  phone: string;
  idNumber: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  household: 'urban' | 'rural';
  township: TownshipData;
  villageCode: string | null;
  education: EducationEntry[];
  firstCollegeGraduationDate: string | null;
  workHistory: WorkEntry[];
  skills: string[];
  certificates: string[];
  desiredOccupations: string[];
  desiredTownships: string[];
  desiredPayMin: number;
  desiredPayMax: number;
  employmentStatus: 'unemployed' | 'employed' | 'flexible' | 'student';
  visibility: 'open' | 'hidden';
  /** Registered at the township window (代录): no password until claimed. */
  assisted: boolean;
  declaredKeyGroups: { code: string; verified: boolean }[];
  createdAt: string;
}

export function personName(rng: Random, gender: 'male' | 'female'): string {
  return rng.weighted(SURNAMES) + rng.pick(gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE);
}

/** YYYY-MM-DD `days` after `date`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A moment on the given day, China time, as an ISO timestamp. */
function momentOn(rng: Random, date: string): string {
  const hour = rng.int(8, 19);
  const minute = rng.int(0, 59);
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
}

function near(rng: Random, place: { lat: number; lng: number }, spread: number) {
  return {
    lat: Number((place.lat + (rng.next() - 0.5) * spread).toFixed(5)),
    lng: Number((place.lng + (rng.next() - 0.5) * spread).toFixed(5)),
  };
}

/** The county seat (first township) is where most firms and people are. */
export function pickTownship(rng: Random, townships: TownshipData[]): TownshipData {
  return rng.chance(0.35) ? townships[0] : rng.pick(townships);
}

export function buildEmployer(
  rng: Random,
  index: number,
  townships: TownshipData[],
  cipher: PiiCipher,
  asOf: string,
): GeneratedEmployer {
  const industry = rng.weighted(INDUSTRIES.map((i) => [i, i.weight] as const));
  const soleTrader = rng.chance(0.12);
  const township = pickTownship(rng, townships);
  const brand = rng.pick(BRAND_WORDS) + (rng.chance(0.4) ? rng.pick(BRAND_WORDS) : '');
  const part = rng.pick(industry.nameParts);
  const prefix = township === townships[0] || rng.chance(0.5) ? '吉水县' : township.name;
  const name = soleTrader
    ? `${prefix}${brand}${part}店`
    : `${rng.chance(0.15) ? '江西' : prefix}${brand}${part}${rng.weighted(LEGAL_FORMS)}`;
  const contactGender = rng.chance(0.5) ? 'male' : 'female';
  const ownerPhone = employerPhone(index);
  const where = near(rng, township, 0.04);
  const established = addDays(asOf, -rng.int(200, 6000));
  const status = rng.weighted([
    ['verified', 90],
    ['pending', 6],
    ['suspended', 2],
    ['rejected', 2],
  ] as const);
  return {
    id: rng.uuid(),
    ownerId: rng.uuid(),
    ownerPhone,
    name: name.slice(0, 100),
    creditCode: creditCode(index, soleTrader),
    industry,
    size: rng.weighted([
      ['lt20', 40],
      ['20_99', 35],
      ['100_299', 15],
      ['300_999', 7],
      ['gte1000', 3],
    ] as const),
    township,
    address: `${township.name}${rng.pick(STREETS)}${rng.int(1, 399)}号`,
    ...where,
    contactName: personName(rng, contactGender),
    contactPhoneCipher: cipher.encrypt(ownerPhone),
    status,
    licence: {
      legalRepresentative: personName(rng, rng.chance(0.7) ? 'male' : 'female'),
      registeredCapital: `${rng.pick([10, 50, 100, 200, 500, 1000, 3000])}万元人民币`,
      establishedOn: established,
      businessScope: industry.businessScope,
    },
    createdAt: momentOn(rng, addDays(asOf, -rng.int(30, 900))),
  };
}

const PAY: Record<string, [number, number]> = {
  '2': [4000, 9000],
  '3': [2500, 4500],
  '4': [2800, 6000],
  '5': [2500, 4500],
  '6': [3200, 6500],
  '1': [6000, 15000],
};

function round(value: number, step: number): number {
  return Math.round(value / step) * step;
}

export function buildVacancy(
  rng: Random,
  employer: GeneratedEmployer,
  townships: TownshipData[],
  asOf: string,
): GeneratedVacancy {
  const occupationCode = rng.weighted(employer.industry.occupations);
  const occupation = occupationByCode(occupationCode)!;
  const kind = rng.weighted([
    ['regular', 82],
    ['gig', 10],
    ['public_welfare', 5],
    ['internship', 3],
  ] as const);
  let pay: VacancyInput['pay'];
  if (kind === 'gig') {
    const daily = rng.chance(0.7);
    const min = daily ? round(rng.int(120, 260), 10) : rng.int(18, 35);
    pay = {
      min,
      max: min + (daily ? round(rng.int(0, 80), 10) : rng.int(0, 10)),
      unit: daily ? 'day' : 'hour',
    };
  } else if (kind === 'public_welfare') {
    pay = { min: 1800, max: rng.pick([1800, 2000, 2200]), unit: 'month' };
  } else {
    const [low, high] = PAY[occupationCode[0]] ?? [3000, 6000];
    const min = round(low + rng.next() * (high - low), 100);
    pay = { min, max: min + round(rng.int(500, 3000), 100), unit: 'month' };
  }
  const title =
    kind === 'public_welfare'
      ? `公益性岗位-${occupation.name}`
      : kind === 'internship'
        ? `就业见习-${occupation.name}`
        : kind === 'gig'
          ? `零工-${occupation.aliases[0] ?? occupation.name}（日结）`
          : `${rng.pick(VACANCY_TITLE_PREFIX)}${rng.chance(0.5) ? occupation.name : (occupation.aliases[0] ?? occupation.name)}`;
  const education = rng.weighted([
    ['any', 45],
    ['junior_high', 20],
    ['senior_high', 15],
    ['vocational', 8],
    ['junior_college', 8],
    ['bachelor', 4],
  ] as const);
  const ageMin = 18;
  const ageMax = kind === 'internship' ? 24 : rng.pick([45, 50, 55, 60]);
  const experienceYears =
    kind === 'regular'
      ? rng.weighted([
          [0, 60],
          [1, 20],
          [2, 12],
          [3, 8],
        ] as const)
      : 0;
  const duties = rng.some(DUTIES[occupationCode] ?? ['完成上级交办的工作'], 3);
  const requirements = [
    REQUIREMENT_LINES.age(ageMin, ageMax),
    ...(education === 'any' ? [] : [REQUIREMENT_LINES.education(EDUCATION_NAMES[education])]),
    experienceYears
      ? REQUIREMENT_LINES.experience(experienceYears)
      : REQUIREMENT_LINES.noExperience,
    ...rng.some(REQUIREMENT_LINES.generic, 2),
  ];
  const welfareTags =
    kind === 'gig'
      ? ['日结工资']
      : rng.some(
          WELFARE_TAGS.filter((t) => t !== '日结工资'),
          rng.int(2, 6),
        );
  const township = rng.chance(0.8) ? employer.township : pickTownship(rng, townships);
  const where = near(rng, township, 0.04);
  const description = [
    '【岗位职责】',
    ...duties.map((d, i) => `${i + 1}. ${d}；`),
    '【工作时间】',
    rng.pick(WORK_TIME),
    '【薪资福利】',
    `${pay.min}-${pay.max}${PAY_UNIT_TEXT[pay.unit]}，${adWelfare(welfareTags)}。`,
  ].join('\n');
  let eligibility: Eligibility | null = null;
  let targetKeyGroups: string[] = [];
  if (kind === 'public_welfare') {
    targetKeyGroups = rng.chance(0.7)
      ? ['poverty_alleviated', 'monitored']
      : ['employment_difficulty', 'zero_employment_family'];
    eligibility = { keyGroups: targetKeyGroups, ageMin: 18, ageMax: 60 };
  } else if (kind === 'internship') {
    targetKeyGroups = ['graduate'];
    eligibility = { keyGroups: [], graduatedWithinYears: 2 };
  } else if (rng.chance(0.1)) {
    targetKeyGroups = [rng.pick(['rural_labour', 'age_4050', 'migrant_worker', 'graduate'])];
  }
  const status = rng.weighted([
    ['published', 85],
    ['closed', 5],
    ['filled', 3],
    ['expired', 3],
    ['paused', 2],
    ['pending_review', 2],
  ] as const);
  const ageDays = rng.int(0, 60);
  const startDate = addDays(asOf, -ageDays);
  const live = status === 'published' || status === 'paused' || status === 'pending_review';
  const expiresAt = live
    ? addDays(asOf, rng.int(15, 120))
    : addDays(startDate, rng.int(1, Math.max(1, ageDays)));
  return {
    id: rng.uuid(),
    employerId: employer.id,
    input: {
      title,
      occupationCode,
      description,
      requirements: requirements.map((r, i) => `${i + 1}. ${r}；`).join('\n'),
      kind,
      headcount: rng.weighted([
        [1, 25],
        [2, 25],
        [3, 15],
        [5, 15],
        [10, 10],
        [20, 6],
        [50, 4],
      ] as const),
      pay,
      education,
      ageMin,
      ageMax,
      experienceYears,
      welfareTags,
      shiftPattern: rng.weighted([
        ['day', 60],
        ['two_shifts', 20],
        ['three_shifts', 5],
        ['flexible', 15],
      ] as const),
      townshipCode: township.code,
      address:
        township === employer.township
          ? employer.address
          : `${township.name}${rng.pick(STREETS)}${rng.int(1, 399)}号`,
      ...where,
      contactName: employer.contactName,
      contactPhone: employer.ownerPhone,
      startDate,
      expiresAt,
      targetKeyGroups,
      eligibility,
    },
    contactPhoneCipher: employer.contactPhoneCipher,
    status,
    publishedAt: status === 'pending_review' ? null : momentOn(rng, startDate),
    createdAt: momentOn(rng, addDays(startDate, -rng.int(0, 3))),
  };
}

const EDUCATION_NAMES: Record<string, string> = {
  junior_high: '初中',
  senior_high: '高中',
  vocational: '中专/技校',
  junior_college: '大专',
  bachelor: '本科',
};

const PAY_UNIT_TEXT: Record<string, string> = {
  month: '元/月',
  day: '元/天',
  hour: '元/小时',
  piece: '元/件',
};

const ALL_OCCUPATIONS = INDUSTRIES.flatMap((i) => i.occupations);

export function buildSeeker(
  rng: Random,
  index: number,
  townships: TownshipData[],
  ids: ResidentIdAllocator,
  asOf: string,
): GeneratedSeeker {
  const gender = rng.chance(0.5) ? 'male' : 'female';
  const age = rng.weighted([
    [rng.int(16, 19), 6],
    [rng.int(20, 24), 18],
    [rng.int(25, 34), 26],
    [rng.int(35, 44), 22],
    [rng.int(45, 54), 20],
    [rng.int(55, 62), 8],
  ] as const);
  const birthDate = addDays(`${Number(asOf.slice(0, 4)) - age}${asOf.slice(4)}`, -rng.int(1, 364));
  const township = pickTownship(rng, townships);
  const household = rng.chance(township === townships[0] ? 0.4 : 0.85) ? 'rural' : 'urban';
  const village =
    township.villages.length && household === 'rural' ? rng.pick(township.villages) : null;
  const education: EducationEntry[] = [];
  const schoolYear = Number(birthDate.slice(0, 4));
  const college = age >= 20 && rng.chance(age < 35 ? 0.35 : 0.1);
  if (college) {
    const level = rng.weighted([
      ['junior_college', 55],
      ['bachelor', 40],
      ['master', 5],
    ] as const);
    const years = level === 'junior_college' ? 21 : level === 'bachelor' ? 22 : 25;
    education.push({
      level,
      school: rng.pick(SCHOOLS.college),
      major: rng.pick(MAJORS),
      graduationDate: `${schoolYear + years}-06-30`,
    });
  } else if (age >= 19) {
    const level = rng.weighted([
      ['junior_high', 45],
      ['senior_high', 35],
      ['secondary_vocational', 20],
    ] as const);
    education.push({
      level,
      school: rng.pick(level === 'secondary_vocational' ? SCHOOLS.vocational : SCHOOLS.school),
      graduationDate: `${schoolYear + (level === 'junior_high' ? 15 : 18)}-07-01`,
    });
  }
  const student = age <= 23 && education.some((e) => e.graduationDate > asOf);
  const employmentStatus = student
    ? 'student'
    : rng.weighted([
        ['unemployed', 55],
        ['employed', 25],
        ['flexible', 20],
      ] as const);
  // People look for work in one trade; professional posts need a college or vocational degree.
  const trade = rng.weighted(INDUSTRIES.map((i) => [i, i.weight] as const));
  const qualified = college || education.some((e) => e.level === 'secondary_vocational');
  const open = trade.occupations.filter(([code]) => qualified || !/^[12]-/.test(code));
  const choices = open.length ? open : ALL_OCCUPATIONS.filter(([code]) => !/^[12]-/.test(code));
  const desired = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.weighted(choices)))];
  // Stored as the app stores them: synonyms merged (电焊 → 焊工).
  const skills = normaliseTags([
    ...rng.some(SKILLS[desired[0]] ?? [], 1),
    ...rng.some(GENERIC_SKILLS, rng.int(0, 2)),
  ]);
  const workHistory: WorkEntry[] = [];
  if (age >= 22 && rng.chance(0.7)) {
    const start = addDays(asOf, -rng.int(400, Math.max(401, (age - 18) * 365)));
    const position = occupationByCode(desired[0])!;
    workHistory.push({
      employer: `${rng.pick(['广东东莞', '浙江义乌', '吉水县', '吉安市', '福建晋江'])}${rng.pick(BRAND_WORDS)}${rng.pick(['电子厂', '服装厂', '物流公司', '酒店', '超市'])}`,
      position: position.aliases[0] ?? position.name,
      startDate: start,
      ...(employmentStatus === 'employed' ? {} : { endDate: addDays(start, rng.int(180, 1500)) }),
    });
  }
  const payBase = round(rng.int(2500, 6500), 500);
  const declared: { code: string; verified: boolean }[] = [];
  const declare = (code: string, probability: number) => {
    if (rng.chance(probability)) declared.push({ code, verified: rng.chance(0.7) });
  };
  if (household === 'rural') {
    declare('poverty_alleviated', 0.1);
    declare('monitored', 0.02);
    declare('migrant_worker', 0.15);
  }
  declare('employment_difficulty', 0.03);
  declare('zero_employment_family', 0.01);
  declare('disabled', 0.015);
  if (gender === 'male' && age >= 22) declare('veteran', 0.03);
  const phone = seekerPhone(index);
  const county = rng.weighted(BIRTH_COUNTIES);
  return {
    userId: rng.uuid(),
    profileId: rng.uuid(),
    phone,
    idNumber: ids.next(county, birthDate, gender),
    name: personName(rng, gender),
    gender,
    birthDate,
    household,
    township,
    villageCode: village?.code ?? null,
    education,
    firstCollegeGraduationDate: college ? education[0].graduationDate : null,
    workHistory,
    skills,
    certificates: skills.filter((s) => /证|驾照|职称/.test(s)),
    desiredOccupations: desired,
    desiredTownships: rng.chance(0.3)
      ? [township.code, townships[0].code].filter((c, i, a) => a.indexOf(c) === i)
      : [township.code],
    desiredPayMin: payBase,
    desiredPayMax: payBase + round(rng.int(500, 3000), 500),
    employmentStatus,
    visibility: rng.chance(0.95) ? 'open' : 'hidden',
    assisted: rng.chance(0.08),
    declaredKeyGroups: declared,
    createdAt: momentOn(rng, addDays(asOf, -rng.int(0, 700))),
  };
}

/** A note a seeker writes when applying, for benchmarks and demos. */
export function coverNote(rng: Random): string {
  return rng.pick(COVER_NOTES);
}

/**
 * The welfare list as an ad writes it. 缴纳社保 goes last, right before the
 * full stop: the fee rule reads "缴纳…费" across a list (缴纳社保、免费培训)
 * as a fee charged to the seeker and holds the ad for review.
 */
function adWelfare(tags: string[]): string {
  return [...tags.filter((t) => t !== '缴纳社保'), ...tags.filter((t) => t === '缴纳社保')].join(
    '、',
  );
}

/**
 * Chinese names of the codes the API uses. The names the server gives its own codes (vacancy
 * kinds and statuses, pay units, application, fair and booth statuses, key groups, report
 * reasons) come from the
 * OpenAPI document (api/labels.generated.ts), so they are written once, on the server. The rest
 * are the web's own wording for form choices; they are keyed by the generated enums, so a code
 * added, renamed or removed on the server fails the web typecheck until it is named here.
 */
import * as served from './api/labels.generated';
import type { components } from './api/schema';

type Schemas = components['schemas'];
type Names<Code extends string> = Readonly<Record<Code, string>>;

export const VACANCY_STATUS: Names<Schemas['VacancyStatus']> = served.vacancyStatuses;
export const VACANCY_KINDS: Names<Schemas['VacancyKind']> = served.vacancyKinds;
export const PAY_UNITS: Names<Schemas['PayUnit']> = served.payUnits;
export const APPLICATION_STATUS: Names<Schemas['ApplicationStatus']> = served.applicationStatuses;
export const KEY_GROUPS: Names<Schemas['KeyGroup']> = served.keyGroups;
export const REPORT_REASONS: Names<Schemas['ReportReason']> = served.reportReasons;

export const EMPLOYER_STATUS: Names<Schemas['EmployerStatus']> = {
  pending: '待审核',
  verified: '已认证',
  rejected: '未通过',
  suspended: '已暂停',
};

export const EMPLOYER_SIZES: Names<Schemas['EmployerSize']> = {
  lt20: '20人以下',
  '20_99': '20-99人',
  '100_299': '100-299人',
  '300_999': '300-999人',
  gte1000: '1000人以上',
};

export const GENDERS: Names<Schemas['Gender']> = { male: '男', female: '女' };
export const HOUSEHOLDS: Names<Schemas['Household']> = { urban: '城镇户籍', rural: '农村户籍' };
export const EMPLOYMENT_STATUSES: Names<Schemas['EmploymentStatus']> = {
  unemployed: '未就业，正在找工作',
  employed: '已就业',
  flexible: '灵活就业',
  student: '在校学生',
};
export const SEEKER_EDUCATION: Names<Schemas['SeekerEducation']> = {
  primary: '小学',
  junior_high: '初中',
  senior_high: '高中',
  secondary_vocational: '中专/技校',
  junior_college: '大专',
  bachelor: '本科',
  master: '硕士',
  doctorate: '博士',
};

type ApplicationStatus = Schemas['ApplicationStatus'];
/** The forward moves a recruiter may make from each status (libs/applications/application-status.ts). */
export const NEXT_EMPLOYER_STATUSES: Partial<Record<ApplicationStatus, ApplicationStatus[]>> = {
  applied: ['interviewing', 'intent', 'rejected'],
  viewed: ['interviewing', 'intent', 'rejected'],
  interviewing: ['intent', 'rejected'],
  intent: ['hired', 'rejected'],
};

export const ROLE_HOME: Record<string, string> = {
  seeker: '/',
  employer: '/employer',
  staff: '/staff',
  admin: '/staff',
};

export function payText(pay: { min: number; max: number; unit: string }): string {
  const unit = (PAY_UNITS as Record<string, string>)[pay.unit] ?? '';
  return pay.min === pay.max ? `${pay.min}${unit}` : `${pay.min}-${pay.max}${unit}`;
}

/*
 * One way to write dates: 2026年12月6日 in text, 2026-12-06 in tables; always on the China
 * clock (Asia/Shanghai), whatever the zone of the phone or computer.
 */

/**
 * China's clock is UTC+8 all year (no summer time since 1991): the date and time are read
 * from the instant moved by eight hours, with UTC's getters. A formatter with a time zone
 * (Intl.DateTimeFormat) loads the zone data on first use: 40 ms of a page's start on this
 * machine's browser, several times that on a cheap phone.
 */
const CHINA_OFFSET_MS = 8 * 3600_000;
const twoDigits = (n: number) => String(n).padStart(2, '0');

function chinaClock(value: string | null | undefined) {
  if (!value) return undefined;
  // A date without a time (2026-12-06) is that day in China, not UTC midnight.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value);
  if (Number.isNaN(date.getTime())) return undefined;
  const china = new Date(date.getTime() + CHINA_OFFSET_MS);
  return {
    year: String(china.getUTCFullYear()),
    month: twoDigits(china.getUTCMonth() + 1),
    day: twoDigits(china.getUTCDate()),
    time: `${twoDigits(china.getUTCHours())}:${twoDigits(china.getUTCMinutes())}`,
  };
}

/** 2026年12月6日 */
export function dateText(value: string | null | undefined): string {
  const c = chinaClock(value);
  return c ? `${c.year}年${Number(c.month)}月${Number(c.day)}日` : (value ?? '');
}

/** 2026年12月6日 14:30 */
export function dateTimeText(value: string | null | undefined): string {
  const c = chinaClock(value);
  return c ? `${dateText(value)} ${c.time}` : (value ?? '');
}

/** 2026-12-06 14:30, for tables where dates line up in columns. */
export function tableDateTime(value: string | null | undefined): string {
  const c = chinaClock(value);
  return c ? `${c.year}-${c.month}-${c.day} ${c.time}` : (value ?? '');
}

export const FAIR_MODES: Names<Schemas['FairMode']> = {
  offline: '线下',
  online: '线上',
  hybrid: '线上线下同步',
};

/** 2026年12月6日 09:00 至 12:00 (or to another day's date and time). */
export function fairTimeText(fair: { startsAt: string; endsAt: string }): string {
  const sameDay = dateText(fair.startsAt) === dateText(fair.endsAt);
  const end = sameDay ? chinaClock(fair.endsAt)?.time : dateTimeText(fair.endsAt);
  return `${dateTimeText(fair.startsAt)} 至 ${end ?? ''}`;
}

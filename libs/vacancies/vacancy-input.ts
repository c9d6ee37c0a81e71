import { ErrorDetail, isKeyGroup, isMobilePhone } from '@jipin/core';
import { Eligibility, eligibilityProblems } from './eligibility/eligibility';
import { occupationByCode } from './occupation-catalog';
import { Pay, PayUnit, reviewPay } from './review/pay-rules';
import { reviewAdText, RuleFinding } from './review/review-rules';
import {
  CONTACT_MODES,
  ContactMode,
  Education,
  EDUCATION_LEVELS,
  SHIFT_PATTERNS,
  ShiftPattern,
  VACANCY_KINDS,
  VacancyKind,
  WELFARE_TAGS,
} from './vacancy-options';

/** What an employer states about a vacancy, from a form or from a row of an import file. */
export interface VacancyInput {
  title: string;
  occupationCode: string;
  description: string;
  requirements?: string;
  kind: VacancyKind;
  headcount: number;
  pay: Pay;
  education?: Education;
  ageMin?: number;
  ageMax?: number;
  experienceYears?: number;
  welfareTags?: string[];
  shiftPattern?: ShiftPattern;
  townshipCode: string;
  address: string;
  lat?: number;
  lng?: number;
  contactName: string;
  contactPhone: string;
  /** Default signed_in: the phone is shown to signed-in seekers. */
  contactMode?: ContactMode;
  startDate: string;
  expiresAt: string;
  targetKeyGroups?: string[];
  eligibility?: Eligibility | null;
}

export interface VacancyCheckContext {
  payFloor: Record<PayUnit, number>;
  /** The county's subsidy standards for kinds paid a subsidy instead of a wage. */
  subsidyFloor?: Partial<Record<VacancyKind, Record<PayUnit, number>>>;
  /** YYYY-MM-DD in the county's time zone. */
  today: string;
  isTownship: (code: string) => boolean;
}

export interface VacancyCheck {
  /** Malformed or missing values. */
  problems: ErrorDetail[];
  /** Review rules that refuse the ad outright. */
  refusals: RuleFinding[];
  /** Review rules that send it to staff. */
  holds: RuleFinding[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const text = (value: unknown, min: number, max: number) =>
  typeof value === 'string' && value.trim().length >= min && value.trim().length <= max;

/** Characters that carry meaning: Chinese, letters, digits (not punctuation or spaces). */
const MEANINGFUL = /[\p{Script=Han}\p{L}\p{N}]/gu;

/**
 * A description may be short when the ad's fields carry the facts (持育婴员证书，住家),
 * but it must say something: a few meaningful characters, not one repeated.
 */
function describes(value: unknown): boolean {
  if (!text(value, 1, 5000)) return false;
  const chars = (value as string).match(MEANINGFUL) ?? [];
  return chars.length >= MIN_DESCRIPTION_CHARS && new Set(chars).size > 1;
}
export const MIN_DESCRIPTION_CHARS = 5;

const SUBSIDY_NAMES: Partial<Record<VacancyKind, string>> = {
  public_welfare: '本县公益性岗位补贴标准',
  internship: '本县就业见习补贴标准',
};
const int = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Today's date in China (UTC+8), where the county is. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Public-welfare and internship posts against the county's subsidy, the rest against the wage floor. */
function payReview(input: VacancyInput, context: VacancyCheckContext): RuleFinding[] {
  const subsidy = context.subsidyFloor?.[input.kind];
  return subsidy
    ? reviewPay(input.pay, subsidy, SUBSIDY_NAMES[input.kind])
    : reviewPay(input.pay, context.payFloor);
}

/**
 * Every rule a vacancy must meet, the same for the form and the import file.
 * Pure: the caller supplies the floor, today and the township list.
 */
export function checkVacancy(input: VacancyInput, context: VacancyCheckContext): VacancyCheck {
  const problems: ErrorDetail[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (!text(input.title, 2, 100)) problem('title', '岗位名称须为2到100个字');
  if (!occupationByCode(input.occupationCode ?? ''))
    problem('occupationCode', '职业须从职业分类列表中选择');
  if (!describes(input.description))
    problem(
      'description',
      `岗位描述须写明工作内容，至少${MIN_DESCRIPTION_CHARS}个有意义的字，不超过5000个字`,
    );
  if (input.requirements !== undefined && !text(input.requirements, 0, 2000))
    problem('requirements', '任职要求不能超过2000个字');
  if (!(input.kind in VACANCY_KINDS))
    problem('kind', '岗位类型须为全职、公益性岗位、见习岗位或零工');
  if (!int(input.headcount, 1, 10000)) problem('headcount', '招聘人数须为1到10000之间的整数');
  if (input.education !== undefined && !(input.education in EDUCATION_LEVELS))
    problem('education', '学历要求不在允许范围内');
  if (input.ageMin !== undefined && !int(input.ageMin, 16, 70))
    problem('ageMin', '最低年龄须为16到70之间的整数');
  if (input.ageMax !== undefined && !int(input.ageMax, 16, 70))
    problem('ageMax', '最高年龄须为16到70之间的整数');
  if (int(input.ageMin, 16, 70) && int(input.ageMax, 16, 70) && input.ageMin! > input.ageMax!)
    problem('ageMin', '最低年龄不能高于最高年龄');
  if (input.experienceYears !== undefined && !int(input.experienceYears, 0, 40))
    problem('experienceYears', '工作经验年限须为0到40之间的整数');
  const badTag = (input.welfareTags ?? []).find(
    (t) => !(WELFARE_TAGS as readonly string[]).includes(t),
  );
  if (badTag !== undefined) problem('welfareTags', `福利"${badTag}"不在可选列表中`);
  if (input.shiftPattern !== undefined && !(input.shiftPattern in SHIFT_PATTERNS))
    problem('shiftPattern', '班次不在允许范围内');
  if (!context.isTownship(input.townshipCode ?? ''))
    problem('townshipCode', '请选择本县的乡镇（街道）');
  if (!text(input.address, 2, 200)) problem('address', '工作地点须为2到200个字');
  if (!text(input.contactName, 1, 50)) problem('contactName', '请填写联系人');
  if (typeof input.contactPhone !== 'string' || !isMobilePhone(input.contactPhone))
    problem('contactPhone', '联系电话须为11位中国大陆手机号');
  if (input.contactMode !== undefined && !(input.contactMode in CONTACT_MODES))
    problem('contactMode', '联系方式须为：登录后可查看电话、投递后可查看电话或仅在线沟通');
  const badGroup = (input.targetKeyGroups ?? []).find((g) => !isKeyGroup(g));
  if (badGroup !== undefined) problem('targetKeyGroups', `重点群体"${badGroup}"不在规定列表中`);
  if (!isDate(input.startDate)) problem('startDate', '开始日期格式应为 2026-03-01');
  if (!isDate(input.expiresAt)) problem('expiresAt', '截止日期格式应为 2026-03-31');
  if (isDate(input.startDate) && isDate(input.expiresAt)) {
    if (input.expiresAt <= input.startDate) problem('expiresAt', '截止日期须晚于开始日期');
    else if (input.expiresAt < context.today) problem('expiresAt', '截止日期不能早于今天');
  }
  if (input.kind in VACANCY_KINDS)
    problems.push(...eligibilityProblems(input.eligibility ?? undefined, input.kind));

  const findings = [
    ...payReview(input, context),
    ...reviewAdText({
      title: input.title,
      description: input.description,
      requirements: input.requirements,
    }),
  ];
  return {
    problems,
    refusals: findings.filter((f) => f.action === 'refuse'),
    holds: findings.filter((f) => f.action === 'hold'),
  };
}

/** The details of a 400: malformed fields first, then each rule with its reason. */
export function checkDetails(check: VacancyCheck): ErrorDetail[] {
  return [
    ...check.problems,
    ...check.refusals.map((f) => ({
      field: f.field,
      rule: f.code,
      message: f.message,
      match: f.match,
    })),
  ];
}

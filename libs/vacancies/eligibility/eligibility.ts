import { ErrorDetail, isKeyGroup } from '@jipin/core';
import { KEY_GROUPS, VacancyKind } from '../vacancy-options';

/**
 * Who may take a public-welfare or internship post, in a form machines check:
 * the seeker must belong to one of keyGroups (when given), be within the age
 * range, and (internships) have left school within graduatedWithinYears.
 */
export interface Eligibility {
  keyGroups: string[];
  ageMin?: number;
  ageMax?: number;
  graduatedWithinYears?: number;
}

export interface SeekerFacts {
  /** YYYY-MM-DD */
  birthDate?: string | null;
  keyGroups: string[];
  /** YYYY-MM-DD, when the seeker left school (graduated). */
  graduationDate?: string | null;
}

export interface EligibilityResult {
  eligible: boolean;
  /** Why not, in Chinese; empty when eligible. */
  reasons: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function fullYearsBetween(from: string, to: Date): number {
  const [y, m, d] = from.split('-').map(Number);
  let years = to.getUTCFullYear() - y;
  const month = to.getUTCMonth() + 1;
  if (month < m || (month === m && to.getUTCDate() < d)) years -= 1;
  return years;
}

/** Pure: the same facts and day give the same answer. */
export function checkEligibility(
  eligibility: Eligibility | null | undefined,
  facts: SeekerFacts,
  today: Date = new Date(),
): EligibilityResult {
  if (!eligibility) return { eligible: true, reasons: [] };
  const reasons: string[] = [];
  if (
    eligibility.keyGroups.length &&
    !eligibility.keyGroups.some((g) => facts.keyGroups.includes(g))
  ) {
    reasons.push(`该岗位仅面向${eligibility.keyGroups.map((g) => KEY_GROUPS[g] ?? g).join('、')}`);
  }
  if (eligibility.ageMin !== undefined || eligibility.ageMax !== undefined) {
    if (!facts.birthDate || !DATE.test(facts.birthDate)) {
      reasons.push('缺少出生日期，无法确认年龄是否符合要求');
    } else {
      const age = fullYearsBetween(facts.birthDate, today);
      const min = eligibility.ageMin ?? 16;
      const max = eligibility.ageMax ?? 70;
      if (age < min || age > max) reasons.push(`年龄须在${min}至${max}周岁之间（当前${age}周岁）`);
    }
  }
  if (eligibility.graduatedWithinYears !== undefined) {
    const years = eligibility.graduatedWithinYears;
    if (!facts.graduationDate || !DATE.test(facts.graduationDate)) {
      reasons.push(`该岗位面向离校${years}年内的毕业生，缺少毕业时间`);
    } else {
      const graduated = new Date(`${facts.graduationDate}T00:00:00Z`);
      const limit = new Date(graduated);
      limit.setUTCFullYear(limit.getUTCFullYear() + years);
      if (graduated > today) reasons.push('尚未毕业，暂不符合见习岗位要求');
      else if (limit < today)
        reasons.push(`该岗位面向离校${years}年内的毕业生，您已离校超过${years}年`);
    }
  }
  return { eligible: reasons.length === 0, reasons };
}

const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Checks the shape of an eligibility for a vacancy of this kind; returns problems in Chinese. */
export function eligibilityProblems(raw: unknown, kind: VacancyKind): ErrorDetail[] {
  const field = 'eligibility';
  const special = kind === 'public_welfare' || kind === 'internship';
  if (raw === undefined || raw === null) {
    return special
      ? [
          {
            field,
            message: `${kind === 'public_welfare' ? '公益性岗位' : '见习岗位'}须设定招用条件（重点群体、年龄等）`,
          },
        ]
      : [];
  }
  if (!special) return [{ field, message: '只有公益性岗位和见习岗位可以设定招用条件' }];
  if (typeof raw !== 'object' || Array.isArray(raw))
    return [{ field, message: '招用条件格式不正确' }];
  const value = raw as Record<string, unknown>;
  const problems: ErrorDetail[] = [];
  const allowed = ['keyGroups', 'ageMin', 'ageMax', 'graduatedWithinYears'];
  for (const key of Object.keys(value))
    if (!allowed.includes(key))
      problems.push({ field: `${field}.${key}`, message: '是不允许提交的字段' });
  const groups = value.keyGroups;
  if (!Array.isArray(groups) || groups.some((g) => !isKeyGroup(g)))
    problems.push({ field: `${field}.keyGroups`, message: '重点群体须从规定的列表中选择' });
  if (value.ageMin !== undefined && !isInt(value.ageMin, 16, 70))
    problems.push({ field: `${field}.ageMin`, message: '最低年龄须为16到70之间的整数' });
  if (value.ageMax !== undefined && !isInt(value.ageMax, 16, 70))
    problems.push({ field: `${field}.ageMax`, message: '最高年龄须为16到70之间的整数' });
  if (isInt(value.ageMin, 16, 70) && isInt(value.ageMax, 16, 70) && value.ageMin > value.ageMax)
    problems.push({ field: `${field}.ageMin`, message: '最低年龄不能高于最高年龄' });
  if (value.graduatedWithinYears !== undefined && !isInt(value.graduatedWithinYears, 1, 5))
    problems.push({
      field: `${field}.graduatedWithinYears`,
      message: '离校年限须为1到5之间的整数',
    });
  if (problems.length) return problems;
  const e = value as unknown as Eligibility;
  if (kind === 'public_welfare' && !e.keyGroups.length)
    problems.push({ field: `${field}.keyGroups`, message: '公益性岗位须指定招用的重点群体' });
  if (kind === 'internship' && e.graduatedWithinYears === undefined && !e.keyGroups.length)
    problems.push({
      field: `${field}.graduatedWithinYears`,
      message: '见习岗位须指定离校年限或招用群体（如离校2年内高校毕业生、16-24岁失业青年）',
    });
  return problems;
}

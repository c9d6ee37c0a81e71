import { findOccupation } from '../occupation-catalog';
import { PayUnit } from '../review/pay-rules';
import { VacancyInput } from '../vacancy-input';
import {
  Education,
  EDUCATION_LEVELS,
  KEY_GROUPS,
  SHIFT_PATTERNS,
  ShiftPattern,
  VACANCY_KINDS,
  VacancyKind,
} from '../vacancy-options';
import { SheetRow } from './vacancy-sheet';

const invert = <T extends string>(names: Record<T, string>, extra: Record<string, T> = {}) =>
  new Map<string, T>([
    ...(Object.entries(names) as [T, string][]).flatMap(([code, name]) => [
      [code, code] as [string, T],
      [name, code] as [string, T],
    ]),
    ...Object.entries(extra),
  ]);

const KINDS = invert<VacancyKind>(VACANCY_KINDS, {
  公益岗: 'public_welfare',
  见习: 'internship',
  全职岗位: 'regular',
  临时工: 'gig',
});
const EDUCATION = invert<Education>(EDUCATION_LEVELS, {
  中专: 'vocational',
  技校: 'vocational',
  硕士: 'master',
  小学: 'any',
  无: 'any',
});
const SHIFTS = invert<ShiftPattern>(SHIFT_PATTERNS, { 白班: 'day', 倒班: 'two_shifts' });
const GROUPS = invert<string>(KEY_GROUPS);
const UNITS = new Map<string, PayUnit>([
  ...(['month', 'day', 'hour', 'piece'] as PayUnit[]).map((u) => [u, u] as [string, PayUnit]),
  ['月', 'month'],
  ['元/月', 'month'],
  ['天', 'day'],
  ['日', 'day'],
  ['元/天', 'day'],
  ['元/日', 'day'],
  ['小时', 'hour'],
  ['时', 'hour'],
  ['元/小时', 'hour'],
  ['件', 'piece'],
  ['元/件', 'piece'],
]);

const LIST_SEPARATOR = /[、,，;；/\s]+/;

export interface RowConversion {
  input: VacancyInput;
  /** Cells that could not be read, as "column: reason". */
  problems: string[];
}

/** Turns one row of an import file into the same input a form sends. */
export function rowToInput(
  row: SheetRow,
  townshipCodeOf: (nameOrCode: string) => string | undefined,
): RowConversion {
  const c = row.cells;
  const problems: string[] = [];
  const number = (value: string | undefined, header: string, required: boolean) => {
    if (!value) {
      if (required) problems.push(`${header}：必须填写`);
      return undefined;
    }
    const parsed = Number(value.replace(/[,，元\s]/g, ''));
    if (!Number.isFinite(parsed)) problems.push(`${header}："${value}"不是数字`);
    return Number.isFinite(parsed) ? parsed : undefined;
  };
  const pick = <T>(
    map: Map<string, T>,
    value: string | undefined,
    header: string,
    fallback?: T,
  ) => {
    if (!value) return fallback;
    const found = map.get(value);
    if (found === undefined) problems.push(`${header}："${value}"不在可选范围内`);
    return found;
  };
  const list = (value: string | undefined) =>
    value ? value.split(LIST_SEPARATOR).filter(Boolean) : [];

  const occupation = c.occupation ? findOccupation(c.occupation) : undefined;
  if (c.occupation && !occupation) problems.push(`职业："${c.occupation}"不在职业分类列表中`);
  const townshipCode = c.township ? townshipCodeOf(c.township) : undefined;
  if (c.township && !townshipCode) problems.push(`工作乡镇："${c.township}"不是本县的乡镇（街道）`);
  const kind = pick(KINDS, c.kind, '岗位类型') ?? ('' as VacancyKind);
  const groups = list(c.keyGroups).map((g) => {
    const code = GROUPS.get(g);
    if (!code) problems.push(`招用重点群体："${g}"不在规定列表中`);
    return code ?? g;
  });
  const payMin = number(c.payMin, '最低薪资', true);
  const payMax = number(c.payMax, '最高薪资', true);
  const payUnit = pick(UNITS, c.payUnit, '计薪单位');
  const ageMin = number(c.ageMin, '最低年龄', false);
  const ageMax = number(c.ageMax, '最高年龄', false);
  const graduatedWithinYears = number(c.graduatedWithinYears, '离校年限', false);
  const special = kind === 'public_welfare' || kind === 'internship';

  const input: VacancyInput = {
    title: c.title ?? '',
    occupationCode: occupation?.code ?? '',
    description: c.description ?? '',
    requirements: c.requirements || undefined,
    kind,
    headcount: number(c.headcount, '招聘人数', true) ?? 0,
    pay: (payMin !== undefined && payMax !== undefined && payUnit
      ? { min: payMin, max: payMax, unit: payUnit }
      : undefined) as VacancyInput['pay'],
    education: pick(EDUCATION, c.education, '学历要求', 'any' as Education),
    ageMin,
    ageMax,
    experienceYears: number(c.experienceYears, '工作经验', false),
    welfareTags: list(c.welfareTags),
    shiftPattern: pick(SHIFTS, c.shiftPattern, '班次'),
    townshipCode: townshipCode ?? '',
    address: c.address ?? '',
    contactName: c.contactName ?? '',
    contactPhone: c.contactPhone ?? '',
    startDate: normalizeDate(c.startDate),
    expiresAt: normalizeDate(c.expiresAt),
    targetKeyGroups: groups,
    eligibility: special
      ? {
          keyGroups: groups,
          ...(ageMin !== undefined ? { ageMin } : {}),
          ...(ageMax !== undefined ? { ageMax } : {}),
          ...(graduatedWithinYears !== undefined ? { graduatedWithinYears } : {}),
        }
      : undefined,
  };
  return { input, problems };
}

/** 2026/3/1, 2026.3.1 and 2026-03-01 are the same day. */
function normalizeDate(value: string | undefined): string {
  const match = value?.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/);
  if (!match) return value ?? '';
  return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
}

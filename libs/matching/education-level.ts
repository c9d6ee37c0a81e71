/** Education levels in order, so "at least" comparisons are plain number comparisons. */
export const EDUCATION_LEVELS = [
  'none',
  'primary',
  'junior_high',
  'senior_high',
  'vocational',
  'associate',
  'bachelor',
  'master',
  'doctorate',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const EDUCATION_NAMES: Record<EducationLevel, string> = {
  none: '不限',
  primary: '小学',
  junior_high: '初中',
  senior_high: '高中',
  vocational: '中专/技校',
  associate: '大专',
  bachelor: '本科',
  master: '硕士',
  doctorate: '博士',
};

export function educationRank(level: EducationLevel | null | undefined): number {
  return level ? EDUCATION_LEVELS.indexOf(level) : 0;
}

/**
 * The one list of key groups (重点群体, DOMAIN.md) that posts, eligibility,
 * résumés, fairs and statistics all accept. It lives in core because the
 * vacancies lib (targets, eligibility) and the seekers lib (who belongs) both
 * need it and seekers already depends on vacancies.
 */

/** Key groups that follow from the profile's facts and the date. */
export const DERIVED_KEY_GROUPS = [
  'age_4050',
  'unemployed_youth',
  'graduate',
  'graduate_recent',
  'rural_labour',
] as const;
export type DerivedKeyGroup = (typeof DERIVED_KEY_GROUPS)[number];

/** Key groups a person or staff declares and staff verify. */
export const DECLARED_KEY_GROUPS = [
  'poverty_alleviated',
  'monitored',
  'employment_difficulty',
  'zero_employment_family',
  'disabled',
  'veteran',
  'migrant_worker',
] as const;
export type DeclaredKeyGroup = (typeof DECLARED_KEY_GROUPS)[number];

export type KeyGroup = DerivedKeyGroup | DeclaredKeyGroup;
export const KEY_GROUPS: readonly KeyGroup[] = [...DERIVED_KEY_GROUPS, ...DECLARED_KEY_GROUPS];

export const KEY_GROUP_NAMES: Record<KeyGroup, string> = {
  age_4050: '4050人员',
  unemployed_youth: '失业青年',
  graduate: '高校毕业生',
  graduate_recent: '离校2年内高校毕业生',
  rural_labour: '农村劳动力',
  poverty_alleviated: '脱贫劳动力',
  monitored: '监测对象',
  employment_difficulty: '就业困难人员',
  zero_employment_family: '零就业家庭',
  disabled: '残疾人',
  veteran: '退役军人',
  migrant_worker: '外出务工人员',
};

export function isKeyGroup(code: unknown): code is KeyGroup {
  return typeof code === 'string' && (KEY_GROUPS as readonly string[]).includes(code);
}

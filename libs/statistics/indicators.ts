/**
 * The bureau's yearly indicators (DOMAIN.md, the 2022 report). Each is computed
 * from records, never typed in; docs/statistics.md gives the definition each
 * count uses. `targeted` indicators have a yearly target staff enter.
 */
export const INDICATOR_CODES = [
  'urban_new_employment',
  'rural_labour_transferred',
  'difficulty_reemployment',
  'zero_employment_family_placement_rate',
  'registered_unemployed',
  'registered_unemployment_rate',
  'fairs_held',
  'fair_positions',
  'fair_intent_people',
  'public_welfare_posts',
  'rural_public_welfare_posts',
  'public_welfare_placed',
  'internship_posts',
  'vacancies_registered',
  'positions_registered',
  'seekers_registered',
  'supply_demand_ratio',
] as const;

export type IndicatorCode = (typeof INDICATOR_CODES)[number];

export type IndicatorUnit = 'people' | 'posts' | 'fairs' | 'vacancies' | 'percent' | 'ratio';

export interface IndicatorDefinition {
  code: IndicatorCode;
  name: string;
  unit: IndicatorUnit;
  /** Counts of people or posts that add up over a year get a target; rates and ratios do not. */
  targeted: boolean;
  /** Counts that can be split by month (a rate or a stock cannot). */
  monthly: boolean;
}

const d = (
  code: IndicatorCode,
  name: string,
  unit: IndicatorUnit,
  targeted: boolean,
  monthly = targeted,
): IndicatorDefinition => ({ code, name, unit, targeted, monthly });

export const INDICATORS: IndicatorDefinition[] = [
  d('urban_new_employment', '城镇新增就业', 'people', true),
  d('rural_labour_transferred', '新增转移农村劳动力', 'people', true),
  d('difficulty_reemployment', '就业困难人员再就业', 'people', true),
  d('zero_employment_family_placement_rate', '零就业家庭安置率', 'percent', false, false),
  d('registered_unemployed', '登记失业人数', 'people', false, false),
  d('registered_unemployment_rate', '登记失业率', 'percent', true, false),
  d('fairs_held', '举办招聘会', 'fairs', true),
  d('fair_positions', '招聘会汇集岗位', 'posts', true),
  d('fair_intent_people', '招聘会达成就业意向', 'people', true),
  d('public_welfare_posts', '开发公益性岗位', 'posts', true),
  d('rural_public_welfare_posts', '其中：农村公益性岗位', 'posts', true),
  d('public_welfare_placed', '公益性岗位安置', 'people', true),
  d('internship_posts', '见习岗位', 'posts', true),
  d('vacancies_registered', '登记招聘岗位', 'vacancies', false, true),
  d('positions_registered', '登记招聘人数', 'posts', false, true),
  d('seekers_registered', '登记求职人数', 'people', false, true),
  d('supply_demand_ratio', '求人倍率', 'ratio', false, false),
];

export const INDICATOR_BY_CODE = new Map(INDICATORS.map((i) => [i.code, i]));

export const UNIT_LABELS: Record<IndicatorUnit, string> = {
  people: '人',
  posts: '个',
  fairs: '场',
  vacancies: '个',
  percent: '%',
  ratio: '',
};

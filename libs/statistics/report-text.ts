import { IndicatorCode } from './indicators';
import { IndicatorValue } from './statistics.service';

/** 104.00 → "104", 112.08 → "112.08": the way the bureau writes percentages. */
export function percent(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}

/**
 * The summary paragraph of the yearly report, in the bureau's own style
 * (seed/county-employment-report-2022.txt), filled from the figures. A figure
 * the records do not have (null) is left out rather than written as zero.
 */
export function composeReportText(
  periodLabel: string,
  placeLabel: string,
  indicators: IndicatorValue[],
): string {
  const by = new Map<IndicatorCode, IndicatorValue>(indicators.map((i) => [i.code, i]));
  const value = (code: IndicatorCode) => by.get(code)?.value ?? null;
  const withTarget = (code: IndicatorCode, text: string, of = '') => {
    const rate = by.get(code)?.completionRate;
    return rate === null || rate === undefined
      ? text
      : `${text}，完成全年任务${of}${percent(rate)}`;
  };
  const clauses: string[] = [];
  const people = (code: IndicatorCode, label: string, of = '') => {
    const v = value(code);
    if (v !== null) clauses.push(withTarget(code, `${label}${v}人`, of));
  };
  people('urban_new_employment', '城镇新增就业');
  people('rural_labour_transferred', '新增转移农村劳动力');
  people('difficulty_reemployment', '就业困难人员再就业', '的');
  const zero = value('zero_employment_family_placement_rate');
  if (zero !== null) clauses.push(`零就业家庭安置率为${percent(zero)}`);
  const unemployed = value('registered_unemployed');
  const rate = value('registered_unemployment_rate');
  if (unemployed !== null)
    clauses.push(`登记失业${unemployed}人${rate !== null ? `，登记失业率${percent(rate)}` : ''}`);
  const sentences = [`${periodLabel}，${placeLabel}${clauses.join('；')}。`];

  const fairs = value('fairs_held');
  if (fairs)
    sentences.push(
      `通过“线上+线下”的招聘形式组织招聘会${fairs}场，汇集就业岗位${value('fair_positions') ?? 0}个，` +
        `达成就业意向${value('fair_intent_people') ?? 0}人。`,
    );
  const welfare = value('public_welfare_posts');
  if (welfare) {
    const rural = value('rural_public_welfare_posts') ?? 0;
    sentences.push(
      `开发公益性岗位${welfare}个${rural ? `，其中开发农村公益性岗位${rural}个` : ''}，` +
        `安置${value('public_welfare_placed') ?? 0}人。`,
    );
  }
  const internships = value('internship_posts');
  if (internships)
    sentences.push(
      `提供${internships}个见习岗位用于吸纳离校两年内高校毕业生及16-24岁失业青年参加见习。`,
    );
  return sentences.join('');
}

import { KEY_GROUP_NAMES, KeyGroup } from '@jipin/seekers';
import { IndicatorCode } from './indicators';
import { IndicatorValue } from './statistics.service';

/** 104.00 → "104", 112.08 → "112.08": the way the bureau writes percentages. */
export function percent(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}

/** What the paragraph says beyond the indicators; each part is left out when unknown. */
export interface ReportDetails {
  /** The key groups the period's public-welfare posts are for, in the list's order. */
  welfareGroups: KeyGroup[];
  /** People placed in rural public-welfare posts, split as the report writes them. */
  ruralPlaced: { povertyAlleviated: number; monitored: number; others: number } | null;
  /** Subsidies paid or payable for public-welfare posts in the period, in yuan. */
  welfareSubsidyYuan: number | null;
}

const NO_DETAILS: ReportDetails = {
  welfareGroups: [],
  ruralPlaced: null,
  welfareSubsidyYuan: null,
};

/** ["a", "b", "c"] → "a、b和c", the way the report lists groups. */
function listed(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join('、')}和${names.at(-1)}`;
}

/** 4068900 → "406.89": the report gives money in 万元. */
export function tenThousands(yuan: number): string {
  return String(Number((yuan / 10000).toFixed(2)));
}

/**
 * “开发公益性岗位1574个，用于吸纳…就近就业；其中开发农村公益性岗位1520个，
 * 安置1493脱贫人员，27名监测对象，发放岗位补贴406.89万元。”
 */
function welfareSentence(
  value: (code: IndicatorCode) => number | null,
  details: ReportDetails,
): string | null {
  const posts = value('public_welfare_posts');
  if (!posts) return null;
  let text = `开发公益性岗位${posts}个`;
  if (details.welfareGroups.length)
    text += `，用于吸纳${listed(details.welfareGroups.map((g) => KEY_GROUP_NAMES[g]))}就近就业`;
  const rural = value('rural_public_welfare_posts');
  const split = details.ruralPlaced;
  const parts = split
    ? [
        split.povertyAlleviated ? `${split.povertyAlleviated}脱贫人员` : '',
        split.monitored ? `${split.monitored}名监测对象` : '',
        split.others ? `${split.others}名其他人员` : '',
      ].filter(Boolean)
    : [];
  const placed = value('public_welfare_placed');
  if (rural) {
    text += `${details.welfareGroups.length ? '；' : '，'}其中开发农村公益性岗位${rural}个`;
    if (parts.length) text += `，安置${parts.join('，')}`;
    else if (placed !== null) text += `，安置${placed}人`;
  } else if (placed !== null) text += `，安置${placed}人`;
  if (details.welfareSubsidyYuan !== null)
    text += `，发放岗位补贴${tenThousands(details.welfareSubsidyYuan)}万元`;
  return `${text}。`;
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
  details: ReportDetails = NO_DETAILS,
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

  const fairClauses = [
    [value('fairs_held'), '组织招聘会', '场'],
    [value('fair_positions'), '汇集就业岗位', '个'],
    [value('fair_intent_people'), '达成就业意向', '人'],
  ].filter(([v]) => v !== null);
  if (value('fairs_held'))
    sentences.push(
      `通过“线上+线下”的招聘形式${fairClauses.map(([v, label, unit]) => `${label}${v}${unit}`).join('，')}。`,
    );
  const welfare = welfareSentence(value, details);
  if (welfare) sentences.push(welfare);
  const internships = value('internship_posts');
  if (internships)
    sentences.push(
      `提供${internships}个见习岗位用于吸纳离校两年内高校毕业生及16-24岁失业青年参加见习。`,
    );
  return sentences.join('');
}

import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { INDICATORS, IndicatorCode } from './indicators';
import { composeReportText, percent } from './report-text';
import { IndicatorValue } from './statistics.service';

const figures = (values: Partial<Record<IndicatorCode, [number | null, (number | null)?]>>) =>
  INDICATORS.map((i): IndicatorValue => ({
    code: i.code,
    name: i.name,
    unit: i.unit,
    value: values[i.code]?.[0] ?? null,
    target: null,
    completionRate: values[i.code]?.[1] ?? null,
  }));

test('the 2022 figures give the paragraph of the bureau report', () => {
  const text = composeReportText(
    '2022年',
    '我县',
    figures({
      urban_new_employment: [4048, 104],
      rural_labour_transferred: [5974, 112.08],
      difficulty_reemployment: [409, 136.33],
      zero_employment_family_placement_rate: [100],
      registered_unemployed: [1638],
      registered_unemployment_rate: [2.49],
      fairs_held: [48],
      fair_positions: [5738],
      fair_intent_people: [3836],
      public_welfare_posts: [1574],
      rural_public_welfare_posts: [1520],
      public_welfare_placed: [1520],
      internship_posts: [147],
    }),
  );
  assert.ok(
    text.startsWith(
      '2022年，我县城镇新增就业4048人，完成全年任务104%；新增转移农村劳动力5974人，完成全年任务112.08%；' +
        '就业困难人员再就业409人，完成全年任务的136.33%；零就业家庭安置率为100%；登记失业1638人，登记失业率2.49%。',
    ),
    text,
  );
  assert.match(text, /组织招聘会48场，汇集就业岗位5738个，达成就业意向3836人。/);
  assert.match(text, /开发公益性岗位1574个，其中开发农村公益性岗位1520个，安置1520人。/);
  assert.match(text, /提供147个见习岗位/);
});

test('the public-welfare sentence names the groups and splits the people placed, with the subsidy', () => {
  const text = composeReportText(
    '2022年',
    '我县',
    figures({
      public_welfare_posts: [1574],
      rural_public_welfare_posts: [1520],
      public_welfare_placed: [1520],
    }),
    {
      welfareGroups: ['age_4050', 'graduate', 'poverty_alleviated', 'monitored'],
      ruralPlaced: { povertyAlleviated: 1493, monitored: 27, others: 0 },
      welfareSubsidyYuan: 4068900,
    },
  );
  assert.match(
    text,
    /开发公益性岗位1574个，用于吸纳4050人员、高校毕业生、脱贫劳动力和监测对象就近就业；其中开发农村公益性岗位1520个，安置1493脱贫人员，27名监测对象，发放岗位补贴406.89万元。/,
  );
});

test('a fair figure the records do not have is left out of the fair sentence, not written as 0', () => {
  const text = composeReportText(
    '2022年',
    '我县',
    figures({ fairs_held: [3], fair_intent_people: [20] }),
  );
  assert.match(text, /组织招聘会3场，达成就业意向20人。/);
  assert.doesNotMatch(text, /汇集就业岗位/);
});

test('a figure without a target has no completion clause, and a missing figure is left out, not written as 0', () => {
  const text = composeReportText('2023年1-6月', '文峰镇', figures({ urban_new_employment: [12] }));
  assert.equal(text, '2023年1-6月，文峰镇城镇新增就业12人。');
});

test('percentages drop trailing zeros the way the report writes them', () => {
  assert.equal(percent(104), '104%');
  assert.equal(percent(112.08), '112.08%');
  assert.equal(percent(2.5), '2.5%');
});

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { invalid } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { KEY_GROUPS } from '@jipin/seekers';
import { occupationByCode } from '@jipin/vacancies';
import { indicatorQuery, supplyDemandByOccupationQuery } from './indicator-sql';
import { INDICATORS, IndicatorCode, IndicatorDefinition, INDICATOR_BY_CODE } from './indicators';
import { StatisticsFiguresService } from './statistics-figures.service';
import { StatisticsScope } from './statistics-scope';

export interface IndicatorValue {
  code: IndicatorCode;
  name: string;
  unit: IndicatorDefinition['unit'];
  value: number | null;
  /** The year's target for the scope's township (or the county); null when none was entered. */
  target: number | null;
  /** value / target in percent, two decimals; null without a target. */
  completionRate: number | null;
}

export interface MonthlyPoint {
  month: string;
  value: number | null;
}

export interface OccupationSupplyDemand {
  code: string;
  name: string;
  demand: number;
  supply: number;
  ratio: number | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The bureau's figures for a period, township and key group, straight from the records. */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly figures: StatisticsFiguresService,
    private readonly regions: RegionsService,
  ) {}

  async indicators(scope: StatisticsScope, codes?: IndicatorCode[]): Promise<IndicatorValue[]> {
    this.check(scope);
    const wanted = codes ? codes.map((c) => INDICATOR_BY_CODE.get(c)!) : INDICATORS;
    const year = Number(scope.to.slice(0, 4));
    const targets = await this.figures.targets(year, scope.townshipCode);
    return Promise.all(
      wanted.map(async (indicator) => {
        const value = await this.value(indicator.code, scope);
        // A target is for a whole year: completion is shown for periods within one year.
        const target =
          indicator.targeted && !scope.keyGroup && scope.from.slice(0, 4) === scope.to.slice(0, 4)
            ? (targets.get(indicator.code) ?? null)
            : null;
        return {
          code: indicator.code,
          name: indicator.name,
          unit: indicator.unit,
          value,
          target,
          completionRate:
            target && value !== null ? Math.round((value / target) * 10000) / 100 : null,
        };
      }),
    );
  }

  async value(code: IndicatorCode, scope: StatisticsScope): Promise<number | null> {
    const query = indicatorQuery(code, scope);
    const [row] = await this.dataSource.query(query.sql, query.params);
    return row?.value === null || row?.value === undefined ? null : Number(row.value);
  }

  /** Month by month within the period, for the indicators that add up over time. */
  async monthly(code: IndicatorCode, scope: StatisticsScope): Promise<MonthlyPoint[]> {
    this.check(scope);
    const indicator = INDICATOR_BY_CODE.get(code)!;
    if (!indicator.monthly)
      throw invalid('not_monthly', `“${indicator.name}”是时点或比率指标，不能按月累计`);
    const points: MonthlyPoint[] = [];
    for (const [from, to] of monthsOf(scope.from, scope.to))
      points.push({
        month: from.slice(0, 7),
        value: await this.value(code, { ...scope, from, to }),
      });
    return points;
  }

  /** Every indicator for each township of the county (staff of one township see theirs only). */
  async byTownship(
    scope: StatisticsScope,
  ): Promise<{ townshipCode: string; townshipName: string; indicators: IndicatorValue[] }[]> {
    this.check(scope);
    const townships = this.regions
      .allTownships()
      .filter((t) => !scope.townshipCode || t.code === scope.townshipCode);
    const rows = [];
    for (const township of townships)
      rows.push({
        townshipCode: township.code,
        townshipName: township.name,
        indicators: await this.indicators({ ...scope, townshipCode: township.code }),
      });
    return rows;
  }

  async supplyDemandByOccupation(scope: StatisticsScope): Promise<OccupationSupplyDemand[]> {
    this.check(scope);
    const query = supplyDemandByOccupationQuery(scope);
    const rows: { code: string; demand: number; supply: number; ratio: string | null }[] =
      await this.dataSource.query(query.sql, query.params);
    return rows.map((r) => ({
      code: r.code,
      name: occupationByCode(r.code)?.name ?? r.code,
      demand: r.demand,
      supply: r.supply,
      ratio: r.ratio === null ? null : Number(r.ratio),
    }));
  }

  /** A wrong period, township or key group is a 400 that names the field. */
  check(scope: StatisticsScope): void {
    const problems = [];
    if (!DATE.test(scope.from) || Number.isNaN(Date.parse(scope.from)))
      problems.push({ field: 'from', message: '开始日期格式应为 2022-01-01' });
    if (!DATE.test(scope.to) || Number.isNaN(Date.parse(scope.to)))
      problems.push({ field: 'to', message: '结束日期格式应为 2022-12-31' });
    if (!problems.length && scope.from > scope.to)
      problems.push({ field: 'to', message: '结束日期不能早于开始日期' });
    if (!problems.length && Date.parse(scope.to) - Date.parse(scope.from) > 10 * 366 * 86400000)
      problems.push({ field: 'to', message: '统计区间最长十年' });
    if (scope.townshipCode && !this.regions.township(scope.townshipCode))
      problems.push({ field: 'townshipCode', message: '乡镇（街道）代码不存在' });
    if (scope.keyGroup && !KEY_GROUPS.includes(scope.keyGroup))
      problems.push({ field: 'keyGroup', message: '重点群体不存在' });
    if (problems.length) throw invalid('invalid_statistics_scope', '统计条件有误', problems);
  }
}

/** [first day, last day] of each calendar month the period touches, clipped to the period. */
export function monthsOf(from: string, to: string): [string, string][] {
  const months: [string, string][] = [];
  let [year, month] = from.split('-').map(Number);
  for (;;) {
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const last = `${year}-${String(month).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
    if (first > to) break;
    months.push([first < from ? from : first, last > to ? to : last]);
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
  return months;
}

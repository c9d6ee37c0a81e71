import { Injectable } from '@nestjs/common';
import { RegionsService } from '@jipin/regions';
import { DataSource } from 'typeorm';
import { KEY_GROUP_NAMES, KEY_GROUPS } from '@jipin/seekers';
import { GigStatisticsService } from './gig-statistics.service';
import { ruralWelfarePlacedQuery, welfareGroupsQuery } from './indicator-sql';
import { composeReportText, ReportDetails } from './report-text';
import { StatisticsReport } from './statistics-export';
import { StatisticsScope } from './statistics-scope';
import { StatisticsService } from './statistics.service';
import { WelfareSubsidyService } from './welfare-subsidy.service';

/** Gathers everything one report shows: figures, breakdowns and the summary paragraph. */
@Injectable()
export class StatisticsReportService {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly regions: RegionsService,
    private readonly dataSource: DataSource,
    private readonly gigs: GigStatisticsService,
    private readonly subsidies: WelfareSubsidyService,
  ) {}

  async report(scope: StatisticsScope): Promise<StatisticsReport> {
    const indicators = await this.statistics.indicators(scope);
    const periodLabel = periodLabelOf(scope.from, scope.to);
    const group = scope.keyGroup ? `（${KEY_GROUP_NAMES[scope.keyGroup]}）` : '';
    const placeLabel =
      (scope.townshipCode ? (this.regions.townshipName(scope.townshipCode) ?? '') : '我县') + group;
    return {
      title: '就业工作主要指标完成情况表',
      periodLabel,
      placeLabel,
      indicators,
      byTownship: scope.townshipCode ? [] : await this.statistics.byTownship(scope),
      occupations: await this.statistics.supplyDemandByOccupation(scope),
      text: await this.withGigs(
        composeReportText(periodLabel, placeLabel, indicators, await this.details(scope)),
        scope,
      ),
    };
  }

  async text(scope: StatisticsScope): Promise<string> {
    const indicators = await this.statistics.indicators(scope);
    const place = scope.townshipCode
      ? (this.regions.townshipName(scope.townshipCode) ?? '')
      : '我县';
    return this.withGigs(
      composeReportText(
        periodLabelOf(scope.from, scope.to),
        place,
        indicators,
        await this.details(scope),
      ),
      scope,
    );
  }

  /** The gig market's sentence joins the paragraph once the county has gigs (not per key group). */
  private async withGigs(text: string, scope: StatisticsScope): Promise<string> {
    if (scope.keyGroup) return text;
    const gigs = (await this.gigs.figures(scope)).text;
    return gigs ? `${text}${gigs}` : text;
  }

  private async details(scope: StatisticsScope): Promise<ReportDetails> {
    const groups = welfareGroupsQuery(scope);
    const codes = new Set(
      ((await this.dataSource.query(groups.sql, groups.params)) as { code: string }[]).map(
        (r) => r.code,
      ),
    );
    const placed = ruralWelfarePlacedQuery(scope);
    const [split] = await this.dataSource.query(placed.sql, placed.params);
    return {
      welfareGroups: KEY_GROUPS.filter((g) => codes.has(g)),
      ruralPlaced: split,
      welfareSubsidyYuan: await this.subsidies.total(scope),
    };
  }
}

/** "2022年" for a calendar year, "2023年1-6月" for months of one year, else the dates. */
export function periodLabelOf(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const monthEnd = new Date(Date.UTC(ty, tm, 0)).getUTCDate() === td;
  if (fy === ty && fd === 1 && monthEnd) {
    if (fm === 1 && tm === 12) return `${fy}年`;
    return fm === tm ? `${fy}年${fm}月` : `${fy}年${fm}-${tm}月`;
  }
  return `${from}至${to}`;
}

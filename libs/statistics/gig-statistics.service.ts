import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GigFigures, GigFiguresService, GigTownshipFigures } from '@jipin/gigs';
import { RegionsService } from '@jipin/regions';
import {
  KEY_GROUP_NAMES,
  KEY_GROUPS,
  keyGroupCondition,
  KeyGroup,
  SEEKER_PROFILE_ROWS,
} from '@jipin/seekers';
import { StatisticsScope } from './statistics-scope';

export interface GigStatistics {
  total: GigFigures;
  byTownship: (GigTownshipFigures & { townshipName: string })[];
  byKeyGroup: { keyGroup: KeyGroup; name: string; people: number }[];
  text: string;
}

/**
 * The gig market in the statistics: figures come from libs/gigs' export;
 * the people who worked are sorted into key groups here, by the same seeker
 * rules as every other figure, each person once.
 */
@Injectable()
export class GigStatisticsService {
  constructor(
    private readonly gigs: GigFiguresService,
    private readonly regions: RegionsService,
    private readonly dataSource: DataSource,
  ) {}

  async figures(scope: StatisticsScope): Promise<GigStatistics> {
    const total = await this.gigs.figures(scope);
    const byTownship = scope.townshipCode ? [] : await this.gigs.byTownship(scope);
    const worked = await this.gigs.workedProfileIds(scope);
    const byKeyGroup = [];
    for (const group of KEY_GROUPS) {
      const condition = keyGroupCondition(group);
      const [{ people }] = await this.dataSource.query(
        `select count(*)::int as people from ${SEEKER_PROFILE_ROWS} p
         where p.id = any($1::uuid[]) and ${condition.replace(/:asOf/g, '$2')}`,
        condition.includes(':asOf') ? [worked, scope.to] : [worked],
      );
      if (people) byKeyGroup.push({ keyGroup: group, name: KEY_GROUP_NAMES[group], people });
    }
    return {
      total,
      byTownship: byTownship.map((row) => ({
        ...row,
        townshipName: this.regions.townshipName(row.townshipCode) ?? row.townshipCode,
      })),
      byKeyGroup,
      text: gigParagraph(total, byKeyGroup),
    };
  }
}

/** The report's sentence on the gig market. */
export function gigParagraph(
  total: GigFigures,
  byKeyGroup: { name: string; people: number }[],
): string {
  if (!total.gigsPosted) return '';
  const groups = byKeyGroup.length
    ? `，其中${byKeyGroup.map((g) => `${g.name}${g.people}人`).join('、')}`
    : '';
  return (
    `零工市场发布零工${total.gigsPosted}个、用工${total.placesPosted}人次，` +
    `招满${total.gigsFilled}个；服务群众${total.peopleServed}人，` +
    `实现灵活就业${total.flexibleEmployed}人${groups}，务工${total.workDays}人天，` +
    `记录发放工资${round(total.payPaid)}元` +
    (total.payOwed ? `，待付${round(total.payOwed)}元` : '') +
    (total.unpaidReports ? `，受理欠薪线索${total.unpaidReports}条` : '') +
    '。'
  );
}

const round = (n: number) => Math.round(n * 100) / 100;

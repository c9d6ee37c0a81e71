import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '@jipin/accounts';
import { invalid, newWorkbook } from '@jipin/core';
import { staffTownshipFilter } from '@jipin/seekers';
import { VACANCY_ROWS } from '@jipin/vacancies';
import { APPLICATION_ROWS } from '@jipin/applications';
import { PLACEMENT_INTENT_ROWS } from '@jipin/intents';
import { EMPLOYER_ROWS } from '@jipin/employers';
import { fairForStaff } from './fair-access';
import { FAIR_STATUS_NAMES } from './fair-status';

export interface FairNumbers {
  employers: number;
  booths: number;
  vacancies: number;
  positions: number;
  registrations: number;
  checkIns: number;
  applications: number;
  intents: number;
  peopleWithIntents: number;
}

export interface EmployerNumbers {
  employerId: string;
  employerName: string;
  boothNumbers: number[];
  vacancies: number;
  positions: number;
  applications: number;
  intents: number;
  peopleWithIntents: number;
}

/** Rows of the per-employer sheet: keeps the workbook built in memory to a few tens of MB. */
export const MAX_REPORT_EMPLOYERS = 10000;

/** Counted statuses: a draft or cancelled fair gathered nothing. */
const COUNTED_FAIRS = `status in ('registration_open', 'ongoing', 'ended')`;

/**
 * The live numbers of a fair, its report by employer (also as .xlsx), and
 * totals over a period that count each vacancy and each person once however
 * many fairs they were at (docs/statistics.md).
 */
@Injectable()
export class FairStatsService {
  constructor(private readonly dataSource: DataSource) {}

  async numbers(staff: Principal, fairId: string) {
    const fair = await fairForStaff(this.dataSource.manager, staff, fairId);
    const [totals] = (await this.dataSource.query(
      `with booths as (select id, employer_id from fair_booths where fair_id = $1 and status = 'approved'),
            brought as (select distinct bv.vacancy_id from fair_booth_vacancies bv
                          join booths b on b.id = bv.booth_id)
       select (select count(distinct employer_id) from booths)::int as employers,
              (select count(*) from booths)::int as booths,
              (select count(*) from brought)::int as vacancies,
              (select coalesce(sum(v.headcount), 0) from brought x
                 join ${VACANCY_ROWS} v on v.id = x.vacancy_id)::int as positions,
              (select count(*) from fair_registrations where fair_id = $1)::int as registrations,
              (select count(*) from fair_registrations
                where fair_id = $1 and checked_in_at is not null)::int as "checkIns",
              (select count(*) from ${APPLICATION_ROWS} applications where fair_id = $1)::int as applications,
              (select count(*) from ${PLACEMENT_INTENT_ROWS} placement_intents where fair_id = $1)::int as intents,
              (select count(distinct seeker_user_id) from ${PLACEMENT_INTENT_ROWS} placement_intents
                where fair_id = $1)::int as "peopleWithIntents"`,
      [fairId],
    )) as FairNumbers[];
    const byEmployer = (await this.dataSource.query(
      `with booths as (select id, employer_id, booth_number from fair_booths
                        where fair_id = $1 and status = 'approved'),
            brought as (select distinct b.employer_id, bv.vacancy_id from fair_booth_vacancies bv
                          join booths b on b.id = bv.booth_id),
            present as (select employer_id from booths
                        union select employer_id from ${APPLICATION_ROWS} applications where fair_id = $1
                        union select employer_id from ${PLACEMENT_INTENT_ROWS} placement_intents where fair_id = $1)
       select e.id as "employerId", e.name as "employerName",
              coalesce((select array_agg(booth_number order by booth_number) from booths
                         where employer_id = e.id and booth_number is not null), '{}') as "boothNumbers",
              (select count(*) from brought where employer_id = e.id)::int as vacancies,
              (select coalesce(sum(v.headcount), 0) from brought x join ${VACANCY_ROWS} v on v.id = x.vacancy_id
                where x.employer_id = e.id)::int as positions,
              (select count(*) from ${APPLICATION_ROWS} applications where fair_id = $1 and employer_id = e.id)::int as applications,
              (select count(*) from ${PLACEMENT_INTENT_ROWS} placement_intents where fair_id = $1 and employer_id = e.id)::int as intents,
              (select count(distinct seeker_user_id) from ${PLACEMENT_INTENT_ROWS} placement_intents
                where fair_id = $1 and employer_id = e.id)::int as "peopleWithIntents"
         from present p join ${EMPLOYER_ROWS} e on e.id = p.employer_id
        order by (select min(booth_number) from booths where employer_id = e.id) nulls last, e.name`,
      [fairId],
    )) as EmployerNumbers[];
    return {
      fair: {
        id: fair.id,
        title: fair.title,
        status: fair.status,
        statusName: FAIR_STATUS_NAMES[fair.status],
        startsAt: fair.startsAt,
        endsAt: fair.endsAt,
      },
      at: new Date(),
      totals,
      byEmployer,
    };
  }

  async reportXlsx(staff: Principal, fairId: string): Promise<Buffer> {
    const report = await this.numbers(staff, fairId);
    const workbook = await newWorkbook();
    const summary = workbook.addWorksheet('汇总');
    summary.columns = [
      { header: '指标', key: 'name', width: 24 },
      { header: '数值', key: 'value', width: 16 },
    ];
    const t = report.totals;
    summary.addRows([
      { name: '招聘会', value: report.fair.title },
      { name: '状态', value: report.fair.statusName },
      { name: '参会单位（家）', value: t.employers },
      { name: '展位（个）', value: t.booths },
      { name: '岗位（个）', value: t.vacancies },
      { name: '汇集岗位数（人）', value: t.positions },
      { name: '报名（人）', value: t.registrations },
      { name: '入场签到（人）', value: t.checkIns },
      { name: '投递简历（份）', value: t.applications },
      { name: '就业意向（条）', value: t.intents },
      { name: '达成意向（人）', value: t.peopleWithIntents },
    ]);
    const sheet = workbook.addWorksheet('按单位');
    sheet.columns = [
      { header: '单位', key: 'employerName', width: 32 },
      { header: '展位号', key: 'booths', width: 12 },
      { header: '岗位数', key: 'vacancies', width: 10 },
      { header: '招聘人数', key: 'positions', width: 10 },
      { header: '收到简历', key: 'applications', width: 10 },
      { header: '就业意向', key: 'intents', width: 10 },
      { header: '达成意向人数', key: 'peopleWithIntents', width: 14 },
    ];
    for (const row of report.byEmployer.slice(0, MAX_REPORT_EMPLOYERS))
      sheet.addRow({ ...row, booths: row.boothNumbers.join('、') });
    if (report.byEmployer.length > MAX_REPORT_EMPLOYERS)
      sheet.addRow({
        employerName: `另有 ${report.byEmployer.length - MAX_REPORT_EMPLOYERS} 家单位未列出（见汇总）`,
      });
    for (const ws of [summary, sheet]) ws.getRow(1).font = { bold: true };
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /**
   * Totals over the fairs that started in [from, to] (China dates): a vacancy
   * brought to several fairs is one vacancy and its headcount counts once; a
   * person with intents at several fairs is one person.
   */
  async totals(staff: Principal, query: { from: string; to: string; townshipCode?: string }) {
    if (query.to < query.from)
      throw invalid('invalid_period', '结束日期不能早于开始日期', [
        { field: 'to', message: '不能早于开始日期' },
      ]);
    const township = staffTownshipFilter(staff, query.townshipCode);
    const [row] = await this.dataSource.query(
      `with f as (select id from fairs where ${COUNTED_FAIRS}
                    and starts_at >= ($1::date::timestamp at time zone 'Asia/Shanghai')
                    and starts_at < (($2::date + 1)::timestamp at time zone 'Asia/Shanghai')
                    and ($3::varchar is null or township_code = $3)),
            brought as (select bv.fair_id, bv.vacancy_id, b.employer_id from fair_booth_vacancies bv
                          join fair_booths b on b.id = bv.booth_id and b.status = 'approved'
                         where bv.fair_id in (select id from f))
       select (select count(*) from f)::int as fairs,
              (select count(distinct employer_id) from brought)::int as employers,
              (select count(distinct vacancy_id) from brought)::int as vacancies,
              (select coalesce(sum(headcount), 0) from ${VACANCY_ROWS} vacancies
                where id in (select vacancy_id from brought))::int as positions,
              (select coalesce(sum(v.headcount), 0)
                 from (select distinct fair_id, vacancy_id from brought) x
                 join ${VACANCY_ROWS} v on v.id = x.vacancy_id)::int as "positionsSummedPerFair",
              (select count(distinct seeker_user_id) from fair_registrations
                where fair_id in (select id from f) and checked_in_at is not null)::int as "peopleCheckedIn",
              (select count(*) from ${PLACEMENT_INTENT_ROWS} placement_intents where fair_id in (select id from f))::int as intents,
              (select count(distinct seeker_user_id) from ${PLACEMENT_INTENT_ROWS} placement_intents
                where fair_id in (select id from f))::int as "peopleWithIntents"`,
      [query.from, query.to, township ?? null],
    );
    return { from: query.from, to: query.to, townshipCode: township ?? null, ...row };
  }
}

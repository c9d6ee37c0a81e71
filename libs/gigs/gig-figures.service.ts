import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A period (dates inclusive, by the gig's first day) and maybe one township. */
export interface GigFiguresScope {
  from: string;
  to: string;
  townshipCode?: string;
}

export interface GigFigures {
  /** Gigs posted (not refused) and the places they asked for. */
  gigsPosted: number;
  placesPosted: number;
  /** Gigs that got every place taken, and places taken. */
  gigsFilled: number;
  placesFilled: number;
  /** Distinct people served: workers who worked and individuals who posted. */
  peopleServed: number;
  /** 灵活就业: distinct workers who worked at least one gig, each counted once. */
  flexibleEmployed: number;
  /** Days of work: each day a worker checked in and out counts one. */
  workDays: number;
  /** Pay recorded for those days, paid and owed. */
  payPaid: number;
  payOwed: number;
  unpaidReports: number;
}

export interface GigTownshipFigures extends GigFigures {
  townshipCode: string;
}

/**
 * The gig market's figures for libs/statistics. Statistics reads them here,
 * never from the gig tables; for key groups it gets the worked people's
 * profile ids and classifies them with its own seeker rules.
 */
@Injectable()
export class GigFiguresService {
  constructor(private readonly dataSource: DataSource) {}

  async figures(scope: GigFiguresScope): Promise<GigFigures> {
    const [row] = await this.byTownshipRows(scope, false);
    return row ?? emptyFigures();
  }

  async byTownship(scope: GigFiguresScope): Promise<GigTownshipFigures[]> {
    return this.byTownshipRows(scope, true) as Promise<GigTownshipFigures[]>;
  }

  /** Seeker profiles of the workers who worked in the period, once each. */
  async workedProfileIds(scope: GigFiguresScope): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `select distinct w.seeker_profile_id as id
       from gig_assignments a join gigs g on g.id = a.gig_id
       join gig_workers w on w.user_id = a.worker_user_id
       where exists (select 1 from gig_work_days d where d.assignment_id = a.id)
         and w.seeker_profile_id is not null
         and g.start_date between $1 and $2 and ($3::varchar is null or g.township_code = $3)`,
      [scope.from, scope.to, scope.townshipCode ?? null],
    );
    return rows.map((r) => r.id);
  }

  private async byTownshipRows(scope: GigFiguresScope, perTownship: boolean) {
    const key = perTownship ? 'g.township_code' : `'all'`;
    const rows: Record<string, string | number>[] = await this.dataSource.query(
      `with scoped as (
         select * from gigs g where g.status <> 'rejected'
           and g.start_date between $1 and $2 and ($3::varchar is null or g.township_code = $3)),
       places as (
         select a.*, g.township_code from gig_assignments a join scoped g on g.id = a.gig_id),
       worked as (
         select d.*, p.worker_user_id, p.township_code
         from gig_work_days d join places p on p.id = d.assignment_id)
       select ${key} as township_code,
         count(*)::int as gigs_posted,
         coalesce(sum(g.headcount), 0)::int as places_posted,
         count(*) filter (where g.accepted_count = g.headcount)::int as gigs_filled,
         (select count(*) from places p where p.status in ('accepted', 'confirmed')
            and (${key} = 'all' or p.township_code = ${key}))::int as places_filled,
         (select count(distinct w.worker_user_id) from worked w
            where ${key} = 'all' or w.township_code = ${key})::int as flexible_employed,
         ((select count(distinct w.worker_user_id) from worked w
            where ${key} = 'all' or w.township_code = ${key})
          + count(distinct g.poster_user_id) filter (where g.poster_kind = 'individual'))::int as people_served,
         (select count(*) from worked w where w.checked_out_at is not null
            and (${key} = 'all' or w.township_code = ${key}))::int as work_days,
         (select coalesce(sum(w.pay_amount), 0) from worked w where w.pay_status = 'paid'
            and (${key} = 'all' or w.township_code = ${key}))::float as pay_paid,
         (select coalesce(sum(w.pay_amount), 0) from worked w where w.pay_status = 'owed'
            and (${key} = 'all' or w.township_code = ${key}))::float as pay_owed,
         (select count(*) from gig_unpaid_reports r join places p on p.id = r.assignment_id
            where ${key} = 'all' or p.township_code = ${key})::int as unpaid_reports
       from scoped g
       group by 1 order by 1`,
      [scope.from, scope.to, scope.townshipCode ?? null],
    );
    return rows.map((r) => ({
      ...(perTownship ? { townshipCode: String(r.township_code) } : {}),
      gigsPosted: Number(r.gigs_posted),
      placesPosted: Number(r.places_posted),
      gigsFilled: Number(r.gigs_filled),
      placesFilled: Number(r.places_filled),
      peopleServed: Number(r.people_served),
      flexibleEmployed: Number(r.flexible_employed),
      workDays: Number(r.work_days),
      payPaid: Number(r.pay_paid),
      payOwed: Number(r.pay_owed),
      unpaidReports: Number(r.unpaid_reports),
    }));
  }
}

function emptyFigures(): GigFigures {
  return {
    gigsPosted: 0,
    placesPosted: 0,
    gigsFilled: 0,
    placesFilled: 0,
    peopleServed: 0,
    flexibleEmployed: 0,
    workDays: 0,
    payPaid: 0,
    payOwed: 0,
    unpaidReports: 0,
  };
}

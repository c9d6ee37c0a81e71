import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountService, Principal } from '@jipin/accounts';
import { invalid, maskPhone } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { chinaToday, staffTownshipFilter } from '@jipin/seekers';
import { GigAssignmentEntity } from './entities/gig-assignment.entity';
import { GigEntity } from './entities/gig.entity';
import { PosterAssignmentView } from './gig-assignment-view';
import { GigBoardService } from './gig-board.service';
import { GigPostingService } from './gig-posting.service';
import { GigView } from './gig-view';

export interface FreeWorkerView {
  userId: string;
  name: string;
  phone: string | null;
  placeName: string;
  skills: string[];
  radiusKm: number;
  noSmartphone: boolean;
}

export interface StationView {
  townshipCode: string;
  townshipName: string;
  date: string;
  gigs: (GigView & { workers: PosterAssignmentView[] })[];
  freeWorkers: FreeWorkerView[];
  openUnpaidReports: number;
}

export interface UnpaidReportView {
  id: string;
  status: 'open' | 'handled';
  amountOwed: number;
  note: string;
  createdAt: Date;
  gig: GigView;
  record: PosterAssignmentView;
}

/** 零工驿站: a township's gigs and free workers on one screen, and the day's printable list. */
@Injectable()
export class GigStationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly board: GigBoardService,
    private readonly posting: GigPostingService,
    private readonly accounts: AccountService,
    private readonly regions: RegionsService,
  ) {}

  async station(
    staff: Principal,
    query: { townshipCode?: string; date?: string },
  ): Promise<StationView> {
    const townshipCode = staffTownshipFilter(staff, query.townshipCode);
    if (!townshipCode)
      throw invalid('township_required', '请选择乡镇（街道）', [
        { field: 'townshipCode', message: '县级工作人员请选择要查看的乡镇' },
      ]);
    const township = this.regions.assertTownship(townshipCode);
    const date = query.date ?? chinaToday();
    const gigIds: { id: string }[] = await this.dataSource.query(
      `select id from gigs where township_code = $1 and start_date <= $2 and end_date >= $2
         and status in ('pending_review', 'open', 'filled', 'cancelled')
       order by starts_at`,
      [townshipCode, date],
    );
    const gigs = await this.board.byIds(gigIds.map((g) => g.id));
    const views = await this.posting.views(gigs, true);
    const withWorkers = [];
    for (const view of views) {
      const places = await this.dataSource.getRepository(GigAssignmentEntity).find({
        where: { gigId: view.id },
        order: { acceptedAt: 'ASC' },
      });
      withWorkers.push({ ...view, workers: await this.board.withWorkers(places) });
    }
    const [{ open }] = await this.dataSource.query(
      `select count(*)::int as open from gig_unpaid_reports where township_code = $1 and status = 'open'`,
      [townshipCode],
    );
    return {
      townshipCode,
      townshipName: township.name,
      date,
      gigs: withWorkers,
      freeWorkers: await this.freeWorkers(townshipCode, date),
      openUnpaidReports: open,
    };
  }

  /** Workers of the township free on the date and holding no place that day. */
  private async freeWorkers(townshipCode: string, date: string): Promise<FreeWorkerView[]> {
    const rows: {
      user_id: string;
      name: string;
      village_code: string | null;
      skills: string[];
      radius_km: number;
      no_smartphone: boolean;
    }[] = await this.dataSource.query(
      `select w.user_id, w.name, w.village_code, w.skills, w.radius_km, w.no_smartphone
       from gig_workers w
       where w.township_code = $1 and w.active
         and ($2::date = any(w.available_dates) or extract(isodow from $2::date)::smallint = any(w.weekdays))
         and not exists (select 1 from gig_assignments a join gigs g on g.id = a.gig_id
           where a.worker_user_id = w.user_id and a.status in ('accepted', 'confirmed')
             and g.start_date <= $2 and g.end_date >= $2)
       order by w.no_smartphone desc, w.name limit 300`,
      [townshipCode, date],
    );
    const township = this.regions.township(townshipCode);
    const result: FreeWorkerView[] = [];
    for (const row of rows) {
      const phone = await this.accounts.phoneOf(row.user_id);
      result.push({
        userId: row.user_id,
        name: row.name,
        phone: phone ? maskPhone(phone) : null,
        placeName: [
          township?.name,
          township?.villages.find((v) => v.code === row.village_code)?.name,
        ]
          .filter(Boolean)
          .join(' '),
        skills: row.skills,
        radiusKm: row.radius_km,
        noSmartphone: row.no_smartphone,
      });
    }
    return result;
  }

  /** 欠薪线索 of the staff member's township, open first, each with the gig and the day's record. */
  async unpaidReports(staff: Principal, townshipCode?: string): Promise<UnpaidReportView[]> {
    const township = staffTownshipFilter(staff, townshipCode);
    const rows: {
      id: string;
      status: 'open' | 'handled';
      amount_owed: string;
      note: string;
      created_at: Date;
      gig_id: string;
      assignment_id: string;
    }[] = await this.dataSource.query(
      `select id, status, amount_owed, note, created_at, gig_id, assignment_id
       from gig_unpaid_reports where ($1::varchar is null or township_code = $1)
       order by status = 'open' desc, created_at desc limit 200`,
      [township ?? null],
    );
    const result: UnpaidReportView[] = [];
    for (const row of rows) {
      const [gig] = await this.board.byIds([row.gig_id]);
      const place = await this.dataSource
        .getRepository(GigAssignmentEntity)
        .findOneOrFail({ where: { id: row.assignment_id } });
      result.push({
        id: row.id,
        status: row.status,
        amountOwed: Number(row.amount_owed),
        note: row.note,
        createdAt: row.created_at,
        gig: await this.posting.view(gig as GigEntity, true),
        record: (await this.board.withWorkers([place]))[0],
      });
    }
    return result;
  }
}

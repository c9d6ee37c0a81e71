import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { AccountService, Principal } from '@jipin/accounts';
import { notFound } from '@jipin/core';
import { chinaToday } from '@jipin/seekers';
import { GigAssignmentEntity } from './entities/gig-assignment.entity';
import { GigWorkDayEntity } from './entities/gig-work-day.entity';
import { GigWorkerEntity } from './entities/gig-worker.entity';
import { GigEntity } from './entities/gig.entity';
import {
  assignmentView,
  AssignmentView,
  posterAssignmentView,
  PosterAssignmentView,
} from './gig-assignment-view';
import { distanceSql } from './gig-candidates';
import { GigPostingService } from './gig-posting.service';
import { GigView } from './gig-view';

/** What people look at: open gigs by place and day, nearby gigs, one's own places, a gig's workers. */
@Injectable()
export class GigBoardService {
  constructor(
    @InjectRepository(GigEntity) private readonly gigs: Repository<GigEntity>,
    @InjectRepository(GigAssignmentEntity)
    private readonly assignments: Repository<GigAssignmentEntity>,
    @InjectRepository(GigWorkerEntity) private readonly workers: Repository<GigWorkerEntity>,
    private readonly dataSource: DataSource,
    private readonly posting: GigPostingService,
    private readonly accounts: AccountService,
  ) {}

  /** Open gigs starting on the days asked (today and tomorrow by default), biggest first. */
  async open(query: { townshipCode?: string; dates?: string[] }): Promise<GigView[]> {
    const dates = query.dates?.length ? query.dates : [chinaToday(), tomorrow()];
    const gigs = await this.dataSource.getRepository(GigEntity).query(
      `select id from gigs where status = 'open' and starts_at > now() and start_date = any($1::date[])
         and ($2::varchar is null or township_code = $2)
       order by headcount - accepted_count desc, starts_at limit 100`,
      [dates, query.townshipCode ?? null],
    );
    return this.posting.views(await this.byIds(gigs.map((g: { id: string }) => g.id)));
  }

  /** Open gigs within the worker's radius on today and tomorrow, biggest first, with the distance. */
  async nearby(userId: string): Promise<{ registered: boolean; gigs: GigView[] }> {
    const worker = await this.workers.findOne({ where: { userId } });
    if (!worker) return { registered: false, gigs: await this.open({}) };
    const rows: { id: string; distance: number }[] = await this.dataSource.query(
      `select id, distance from (
         select g.id, g.headcount - g.accepted_count as free, g.starts_at,
           ${distanceSql('g.lat', 'g.lng', '$1', '$2')} as distance
         from gigs g where g.status = 'open' and g.starts_at > now()
           and g.start_date = any($3::date[])) c
       where distance <= $4 order by free desc, distance limit 100`,
      [worker.lat, worker.lng, [chinaToday(), tomorrow()], worker.radiusKm],
    );
    const gigs = await this.byIds(rows.map((r) => r.id));
    return {
      registered: true,
      gigs: await this.posting.views(
        gigs,
        false,
        rows.map((r) => r.distance),
      ),
    };
  }

  /** A gig anyone may read once it is open; its poster and staff also while held. */
  async one(gigId: string, principal?: Principal): Promise<GigView> {
    const gig = await this.gigs.findOne({ where: { id: gigId } });
    if (!gig) throw notFound('零工');
    const mine = principal ? this.posting.mayManage(principal, gig) : false;
    if (!mine && (gig.status === 'pending_review' || gig.status === 'rejected'))
      throw notFound('零工');
    return this.posting.view(gig, mine);
  }

  /** The worker's own places, with their gigs. */
  async myPlaces(userId: string): Promise<(AssignmentView & { gig: GigView })[]> {
    const mine = await this.assignments.find({
      where: { workerUserId: userId },
      order: { acceptedAt: 'DESC' },
      take: 100,
    });
    const gigs = await this.posting.views(await this.byIds(mine.map((a) => a.gigId)));
    const days = await this.daysOf(mine);
    return mine.map((a) => ({
      ...assignmentView(a, days.get(a.id)),
      gig: gigs.find((g) => g.id === a.gigId)!,
    }));
  }

  /** The worker's own view of one place, with its days. */
  async placeView(place: GigAssignmentEntity): Promise<AssignmentView> {
    return assignmentView(place, (await this.daysOf([place])).get(place.id));
  }

  /** The days worked on each place, first day first. */
  async daysOf(places: GigAssignmentEntity[]): Promise<Map<string, GigWorkDayEntity[]>> {
    const days = places.length
      ? await this.dataSource.getRepository(GigWorkDayEntity).find({
          where: { assignmentId: In(places.map((p) => p.id)) },
          order: { workDate: 'ASC' },
        })
      : [];
    const byPlace = new Map<string, GigWorkDayEntity[]>();
    for (const day of days)
      byPlace.set(day.assignmentId, [...(byPlace.get(day.assignmentId) ?? []), day]);
    return byPlace;
  }

  /** The poster's (or staff's) list of who accepted and who waits, in order. */
  async workersOf(principal: Principal, gigId: string): Promise<PosterAssignmentView[]> {
    await this.posting.managed(principal, gigId);
    const places = await this.assignments.find({
      where: { gigId },
      order: { acceptedAt: 'ASC' },
    });
    return this.withWorkers(places);
  }

  async withWorkers(places: GigAssignmentEntity[]): Promise<PosterAssignmentView[]> {
    const workers = await this.workers.find({
      where: { userId: In(places.map((p) => p.workerUserId)) },
    });
    const days = await this.daysOf(places);
    const result: PosterAssignmentView[] = [];
    let waiting = 0;
    for (const place of places) {
      const worker = workers.find((w) => w.userId === place.workerUserId);
      const phone = await this.accounts.phoneOf(place.workerUserId);
      const view = posterAssignmentView(place, days.get(place.id) ?? [], {
        name: worker?.name ?? '',
        phone,
        noSmartphone: worker?.noSmartphone ?? false,
      });
      if (place.status === 'waitlisted') view.waitPosition = ++waiting;
      result.push(view);
    }
    return result;
  }

  async byIds(ids: string[]): Promise<GigEntity[]> {
    if (!ids.length) return [];
    const found = await this.gigs.find({ where: { id: In(ids) } });
    return ids.map((id) => found.find((g) => g.id === id)!).filter(Boolean);
  }
}

export function tomorrow(): string {
  return chinaToday(new Date(Date.now() + 86400000));
}

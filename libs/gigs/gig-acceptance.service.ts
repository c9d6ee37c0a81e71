import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, staffCovers } from '@jipin/accounts';
import {
  APP_CONFIG,
  type AppConfig,
  conflict,
  forbidden,
  notFound,
  OutboxEventType,
  OutboxService,
} from '@jipin/core';
import { GigAssignmentEntity } from './entities/gig-assignment.entity';
import { GigEntity } from './entities/gig.entity';
import { assignmentView, AssignmentView } from './gig-assignment-view';
import { gigMinutes } from './gig-candidates';

const HOLDING = `('accepted', 'confirmed')`;

/**
 * One-tap acceptance: exactly headcount workers get a place, however many tap
 * at once (a conditional update on the gig row); the rest are wait-listed in
 * order and fill places that cancels and no-shows free.
 */
@Injectable()
export class GigAcceptanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * 201 with a new place (accepted or wait-listed); the same answer again for a
   * repeated tap. Plain SQL, few statements: this is the path a crowd taps at once.
   */
  async accept(
    workerUserId: string,
    gigId: string,
    source: 'app' | 'window' = 'app',
  ): Promise<{ created: boolean; assignment: AssignmentView }> {
    return this.dataSource.transaction(async (manager) => {
      const [gig]: TappedGig[] = await manager.query(
        `select g.id, g.status, g.starts_at as "startsAt", g.poster_user_id as "posterUserId",
           to_char(g.start_date, 'YYYY-MM-DD') as "startDate", to_char(g.end_date, 'YYYY-MM-DD') as "endDate",
           g.start_time::text as "startTime", g.hours_per_day::float as "hoursPerDay",
           exists (select 1 from gig_workers w where w.user_id = $2) as registered
         from gigs g where g.id = $1`,
        [gigId, workerUserId],
      );
      if (!gig || gig.status === 'pending_review' || gig.status === 'rejected')
        throw notFound('零工');
      if (!gig.registered)
        throw forbidden('gig_worker_required', '请先登记零工求职：空闲时间、能去多远、会做什么');
      if (gig.status === 'cancelled') throw conflict('gig_cancelled', '该零工已被雇主取消');
      if (new Date(gig.startsAt).getTime() <= Date.now())
        throw conflict('gig_started', '该零工已经开工，不能再接单');
      if (gig.posterUserId === workerUserId) throw forbidden('own_gig', '不能接自己发布的零工');
      // One worker's taps are taken one at a time, so two overlapping gigs cannot both get them.
      await manager.query(`select pg_advisory_xact_lock(hashtext('gig-worker:' || $1))`, [
        workerUserId,
      ]);
      const [{ existing, clash }] = await manager.query(
        `select (select row_to_json(a) from gig_assignments a
                  where a.gig_id = $1 and a.worker_user_id = $2) as existing,
                (${overlapSql('$2', '$1', '$3', '$4', '$5', '$6')}) as clash`,
        [
          gigId,
          workerUserId,
          gig.startDate,
          gig.endDate,
          minutesOf(gig.startTime),
          gig.hoursPerDay,
        ],
      );
      if (existing && ['accepted', 'confirmed', 'waitlisted'].includes(existing.status))
        return { created: false, assignment: assignmentView(fromRow(existing)) };
      if (existing) throw conflict('gig_left', '您已取消过这个零工，不能再次接单');
      if (clash) throw overlapError(clash);
      const [placed] = await manager.query(
        `with place as (
           update gigs set accepted_count = accepted_count + 1,
             status = case when accepted_count + 1 >= headcount then 'filled' else status end,
             updated_at = now()
           where id = $1 and status = 'open' and accepted_count < headcount returning id)
         insert into gig_assignments (gig_id, worker_user_id, status, source, accepted_at)
         select $1, $2, 'accepted', $3, clock_timestamp() from place
         returning *`,
        [gigId, workerUserId, source],
      );
      if (placed) return { created: true, assignment: assignmentView(fromRow(placed)) };
      return {
        created: true,
        assignment: await this.waitOrTake(manager, gigId, workerUserId, source),
      };
    });
  }

  /** A full gig: its row lock makes wait-list places one at a time, numbered in order. */
  private async waitOrTake(
    manager: EntityManager,
    gigId: string,
    workerUserId: string,
    source: 'app' | 'window',
  ): Promise<AssignmentView> {
    const [locked] = await manager.query(`select status from gigs where id = $1 for update`, [
      gigId,
    ]);
    if (locked.status === 'cancelled') throw conflict('gig_cancelled', '该零工已被雇主取消');
    // A place came free between the two statements.
    const taken = locked.status === 'open' && (await takePlace(manager, gigId));
    const [row] = await manager.query(
      `insert into gig_assignments (gig_id, worker_user_id, status, source, accepted_at)
       values ($1, $2, $3, $4, clock_timestamp()) returning *`,
      [gigId, workerUserId, taken ? 'accepted' : 'waitlisted', source],
    );
    const assignment = fromRow(row);
    return assignmentView(
      assignment,
      [],
      taken ? undefined : await waitPosition(manager, assignment),
    );
  }

  /**
   * The worker gives up their place. Within the configured hours before the
   * start it is recorded as late; the first on the wait list moves up.
   */
  async withdraw(principal: Principal, assignmentId: string): Promise<AssignmentView> {
    return this.dataSource.transaction(async (manager) => {
      const { assignment, gig } = await lockAssignment(manager, assignmentId);
      if (assignment.workerUserId !== principal.userId) throw notFound('接单记录');
      if (!['accepted', 'confirmed', 'waitlisted'].includes(assignment.status))
        throw conflict('assignment_closed', '该接单已结束，不能取消');
      if (gig.startsAt.getTime() <= Date.now())
        throw conflict('gig_started', '零工已开工，不能再取消；如不能到岗请联系雇主');
      const held = assignment.status !== 'waitlisted';
      const hoursLeft = (gig.startsAt.getTime() - Date.now()) / 3600000;
      assignment.status = 'cancelled';
      assignment.cancelledAt = new Date();
      assignment.cancelledLate = held && hoursLeft < this.config.gigs.lateCancelHours;
      await manager.save(assignment);
      if (held) await this.fillPlace(manager, gig);
      return assignmentView(assignment);
    });
  }

  /** The poster confirms a worker who accepted. */
  async confirm(principal: Principal, assignmentId: string): Promise<GigAssignmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { assignment, gig } = await lockAssignment(manager, assignmentId);
      assertManages(principal, gig);
      if (assignment.status === 'confirmed') return assignment;
      if (assignment.status !== 'accepted')
        throw conflict('assignment_not_accepted', '只能确认已接单的工人');
      assignment.status = 'confirmed';
      assignment.confirmedAt = new Date();
      return manager.save(assignment);
    });
  }

  /** The poster records that a worker did not come; the wait list fills the place. */
  async markNoShow(principal: Principal, assignmentId: string): Promise<GigAssignmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { assignment, gig } = await lockAssignment(manager, assignmentId);
      assertManages(principal, gig);
      if (
        !['accepted', 'confirmed'].includes(assignment.status) ||
        (await hasWorked(manager, assignment.id))
      )
        throw conflict('assignment_not_open', '只能将已接单且未签到的工人记为未到岗');
      assignment.status = 'no_show';
      await manager.save(assignment);
      await this.fillPlace(manager, gig, true);
      return assignment;
    });
  }

  /** A place came free: the first wait-listed worker still free moves up, else the gig reopens. */
  private async fillPlace(manager: EntityManager, gig: GigEntity, started = false) {
    const waiting: GigAssignmentEntity[] = await manager.find(GigAssignmentEntity, {
      where: { gigId: gig.id, status: 'waitlisted' },
      order: { acceptedAt: 'ASC' },
    });
    for (const next of waiting) {
      if (await overlapping(manager, next.workerUserId, gig)) continue;
      next.status = 'accepted';
      await manager.save(next);
      await this.outbox.record(manager, {
        type: OutboxEventType.GigAssignmentPromoted,
        aggregateId: next.id,
        payload: { assignmentId: next.id },
      });
      return;
    }
    await manager.query(
      `update gigs set accepted_count = accepted_count - 1,
         status = case when status = 'filled' then 'open' else status end, updated_at = now()
       where id = $1`,
      [gig.id],
    );
    if (gig.status === 'filled' && !started) {
      const [{ wave }] = await manager.query(
        `select coalesce(max(wave), 0) + 1 as wave from gig_offers where gig_id = $1`,
        [gig.id],
      );
      await this.outbox.record(manager, {
        type: OutboxEventType.GigOpened,
        aggregateId: gig.id,
        payload: { gigId: gig.id, wave },
      });
    }
  }
}

/** The conditional update that hands out places: true when one was free. */
async function takePlace(manager: EntityManager, gigId: string): Promise<boolean> {
  const [, taken] = await manager.query(
    `update gigs set accepted_count = accepted_count + 1,
       status = case when accepted_count + 1 >= headcount then 'filled' else status end,
       updated_at = now()
     where id = $1 and status = 'open' and accepted_count < headcount`,
    [gigId],
  );
  return taken > 0;
}

interface TappedGig {
  id: string;
  status: GigEntity['status'];
  startsAt: string;
  posterUserId: string;
  startDate: string;
  endDate: string;
  startTime: string;
  hoursPerDay: number;
  registered: boolean;
}

interface Clash {
  title: string;
  start_date: string;
  start_time: string;
}

/**
 * SQL for the worker's other place whose days and hours overlap the given
 * gig's (as json), or null. Parameters: worker, gig, first and last day,
 * start minute, hours.
 */
function overlapSql(
  worker: string,
  gig: string,
  from: string,
  to: string,
  minute: string,
  hours: string,
) {
  const other = gigMinutes('g');
  return `select json_build_object('title', g.title, 'start_date', to_char(g.start_date, 'YYYY-MM-DD'),
      'start_time', g.start_time::text)
    from gig_assignments a join gigs g on g.id = a.gig_id
    where a.worker_user_id = ${worker} and a.status in ${HOLDING} and g.id <> ${gig}
      and g.start_date <= ${to}::date and g.end_date >= ${from}::date
      and ${other.start} < ${minute}::int + ${hours}::float * 60 and ${minute}::int < ${other.end}
    limit 1`;
}

function overlapError(clash: Clash) {
  return conflict(
    'gig_overlap',
    `您已接了时间重叠的零工「${clash.title}」（${clash.start_date} ${clash.start_time.slice(0, 5)}），同一时间只能接一个`,
  );
}

/** The worker's other place whose days and hours overlap this gig's, if any. */
async function overlapping(
  manager: EntityManager,
  workerUserId: string,
  gig: Pick<GigEntity, 'id' | 'startDate' | 'endDate' | 'startTime' | 'hoursPerDay'>,
): Promise<Clash | undefined> {
  const [{ clash }] = await manager.query(
    `select (${overlapSql('$1', '$2', '$3', '$4', '$5', '$6')}) as clash`,
    [workerUserId, gig.id, gig.startDate, gig.endDate, minutesOf(gig.startTime), gig.hoursPerDay],
  );
  return clash ?? undefined;
}

/** A gig_assignments row as SQL returns it (snake_case, json or not). */
function fromRow(row: Record<string, unknown>): GigAssignmentEntity {
  const date = (value: unknown) => (value ? new Date(value as string) : null);
  return Object.assign(new GigAssignmentEntity(), {
    id: row.id,
    gigId: row.gig_id,
    workerUserId: row.worker_user_id,
    status: row.status,
    source: row.source,
    acceptedAt: new Date(row.accepted_at as string),
    confirmedAt: date(row.confirmed_at),
    cancelledAt: date(row.cancelled_at),
    cancelledLate: row.cancelled_late,
  });
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

async function waitPosition(manager: EntityManager, a: GigAssignmentEntity): Promise<number> {
  const [{ position }] = await manager.query(
    `select count(*)::int as position from gig_assignments
     where gig_id = $1 and status = 'waitlisted'
       and accepted_at <= (select accepted_at from gig_assignments where id = $2)`,
    [a.gigId, a.id],
  );
  return position;
}

/** Whether the worker checked in on any day of the place. */
export async function hasWorked(manager: EntityManager, assignmentId: string): Promise<boolean> {
  const [{ worked }] = await manager.query(
    `select exists (select 1 from gig_work_days where assignment_id = $1) as worked`,
    [assignmentId],
  );
  return worked;
}

/** Locks the gig first, then the assignment: the order every writer uses. */
export async function lockAssignment(
  manager: EntityManager,
  assignmentId: string,
): Promise<{ assignment: GigAssignmentEntity; gig: GigEntity }> {
  const found = await manager.findOne(GigAssignmentEntity, { where: { id: assignmentId } });
  if (!found) throw notFound('接单记录');
  const gig = await manager.findOne(GigEntity, {
    where: { id: found.gigId },
    lock: { mode: 'pessimistic_write' },
  });
  const assignment = await manager.findOne(GigAssignmentEntity, {
    where: { id: assignmentId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!gig || !assignment) throw notFound('接单记录');
  return { assignment, gig };
}

export function assertManages(principal: Principal, gig: GigEntity): void {
  if (gig.posterUserId !== principal.userId && !staffCovers(principal, gig.townshipCode))
    throw notFound('接单记录');
}

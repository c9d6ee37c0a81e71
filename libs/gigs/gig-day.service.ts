import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';
import { Principal, staffCovers } from '@jipin/accounts';
import { conflict, invalid, notFound } from '@jipin/core';
import { chinaToday } from '@jipin/seekers';
import { GigAssignmentEntity, PayStatus } from './entities/gig-assignment.entity';
import { GigWorkDayEntity } from './entities/gig-work-day.entity';
import { GigRater } from './entities/gig-rating.entity';
import { GigUnpaidReportEntity } from './entities/gig-unpaid-report.entity';
import { GigEntity } from './entities/gig.entity';
import { assertManages, lockAssignment } from './gig-acceptance.service';

/** Check-in may be recorded this long before the day's start (people come early). */
const EARLY_MS = 2 * 3600 * 1000;
/** A recorded time may run this far ahead of the server's clock. */
const CLOCK_SLACK_MS = 5 * 60 * 1000;

/**
 * The days themselves: each working day of a place has its own check-in and
 * check-out with times and its pay, paid or owed; ratings; unpaid reports.
 */
@Injectable()
export class GigDayService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * By the poster (or staff) or by the worker, at the time given or now. The
   * day is the time's date in China; it must be one of the gig's dates, once.
   */
  async checkIn(principal: Principal, assignmentId: string, at?: string) {
    return this.dataSource.transaction(async (manager) => {
      const { assignment, gig } = await lockAssignment(manager, assignmentId);
      assertPosterOrWorker(principal, gig, assignment);
      if (!['accepted', 'confirmed'].includes(assignment.status))
        throw conflict('assignment_not_working', '只有已接单的工人可以签到');
      const time = recordedTime(at);
      const day = chinaToday(time);
      if (day < gig.startDate || day > gig.endDate)
        throw invalid(
          'not_a_gig_day',
          `${day} 不是这个零工的工作日（${gig.startDate === gig.endDate ? gig.startDate : `${gig.startDate} 至 ${gig.endDate}`}），不能签到`,
          [{ field: 'at', message: '签到须在零工的工作日当天' }],
        );
      const dayStarts = gig.startsAt.getTime() + (Date.parse(day) - Date.parse(gig.startDate));
      if (time.getTime() < dayStarts - EARLY_MS)
        throw invalid('check_in_too_early', '开工前两小时内才能签到', [
          { field: 'at', message: `开工时间 ${day} ${gig.startTime.slice(0, 5)}` },
        ]);
      const inserted: unknown[] = await manager.query(
        `insert into gig_work_days (assignment_id, work_date, checked_in_at, checked_in_by)
         values ($1, $2, $3, $4) on conflict do nothing returning work_date`,
        [assignment.id, day, time, principal.userId],
      );
      if (!inserted.length)
        throw conflict('already_checked_in', `${day} 已签到，同一天不能重复签到`);
      if (assignment.status === 'accepted') {
        assignment.status = 'confirmed';
        assignment.confirmedAt ??= time;
        await manager.save(assignment);
      }
      return assignment;
    });
  }

  /** Closes the latest day checked in and not yet out (a night shift ends the next date). */
  async checkOut(principal: Principal, assignmentId: string, at?: string) {
    return this.dataSource.transaction(async (manager) => {
      const { assignment, gig } = await lockAssignment(manager, assignmentId);
      assertPosterOrWorker(principal, gig, assignment);
      const time = recordedTime(at);
      const open = await manager.findOne(GigWorkDayEntity, {
        where: { assignmentId, checkedOutAt: IsNull() },
        order: { workDate: 'DESC' },
      });
      if (!open) {
        const today = await manager.findOneBy(GigWorkDayEntity, {
          assignmentId,
          workDate: chinaToday(time),
        });
        if (today) throw conflict('already_checked_out', '今天已签退，不能重复签退');
        throw conflict('not_checked_in', '请先签到，再签退');
      }
      if (time.getTime() < open.checkedInAt.getTime())
        throw invalid('check_out_before_check_in', '签退时间不能早于签到时间', [
          { field: 'at', message: '签退时间不能早于签到时间' },
        ]);
      open.checkedOutAt = time;
      open.checkedOutBy = principal.userId;
      await manager.save(open);
      return assignment;
    });
  }

  /**
   * The poster (or staff) records one day's pay: paid, or owed. Without a date
   * it is the latest day the worker checked in.
   */
  async recordPay(
    principal: Principal,
    assignmentId: string,
    amount: number,
    status: PayStatus,
    date?: string,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const { assignment, gig } = await lockAssignment(manager, assignmentId);
      assertManages(principal, gig);
      const day = await manager.findOne(GigWorkDayEntity, {
        where: { assignmentId, ...(date ? { workDate: date } : {}) },
        order: { workDate: 'DESC' },
      });
      if (!day)
        throw conflict(
          'not_worked',
          date ? `工人 ${date} 没有签到，不能记录这天的工资` : '工人签到后才能记录工资',
        );
      day.payAmount = amount;
      day.payStatus = status;
      day.payRecordedAt = new Date();
      await manager.save(day);
      return assignment;
    });
  }

  /** Each side rates the other once, after the work. */
  async rate(principal: Principal, assignmentId: string, score: number, comment?: string) {
    const { assignment, gig } = await this.load(assignmentId);
    const rater: GigRater | undefined =
      assignment.workerUserId === principal.userId
        ? 'worker'
        : gig.posterUserId === principal.userId
          ? 'poster'
          : undefined;
    if (!rater) throw notFound('接单记录');
    const finished = await this.dataSource.getRepository(GigWorkDayEntity).existsBy({
      assignmentId,
      checkedOutAt: Not(IsNull()),
    });
    if (!finished) throw conflict('not_finished', '签退后才能评价');
    const inserted: unknown[] = await this.dataSource.query(
      `insert into gig_ratings (assignment_id, rater, score, comment) values ($1, $2, $3, $4)
       on conflict do nothing returning rater`,
      [assignmentId, rater, score, comment?.trim() || null],
    );
    if (!inserted.length) throw conflict('already_rated', '您已评价过，不能重复评价');
    return { assignmentId, rater, score };
  }

  /** 欠薪线索: the worker reports unpaid wages; staff of the gig's township see it with the record. */
  async reportUnpaid(
    principal: Principal,
    assignmentId: string,
    amountOwed: number,
    note?: string,
  ): Promise<{ id: string; status: 'open' }> {
    const { assignment, gig } = await this.load(assignmentId);
    if (assignment.workerUserId !== principal.userId) throw notFound('接单记录');
    const days = await this.dataSource
      .getRepository(GigWorkDayEntity)
      .findBy({ assignmentId: assignment.id });
    if (!days.length) throw conflict('not_worked', '只有签到上工后才能反映欠薪');
    if (days.every((d) => d.payStatus === 'paid') && !note?.trim())
      throw invalid('unpaid_note_required', '雇主已记录为已付，如实际未付请写明情况', [
        { field: 'note', message: '请写明未付的情况' },
      ]);
    const rows: { id: string }[] = await this.dataSource.query(
      `insert into gig_unpaid_reports (assignment_id, gig_id, township_code, reported_by, amount_owed, note)
       values ($1, $2, $3, $4, $5, $6) on conflict (assignment_id) do nothing returning id`,
      [assignmentId, gig.id, gig.townshipCode, principal.userId, amountOwed, note?.trim() ?? ''],
    );
    if (!rows.length) throw conflict('already_reported', '已反映过这次欠薪，乡镇工作人员会跟进');
    return { id: rows[0].id, status: 'open' };
  }

  async markReportHandled(staff: Principal, reportId: string) {
    const report = await this.dataSource
      .getRepository(GigUnpaidReportEntity)
      .findOne({ where: { id: reportId } });
    if (!report || !staffCovers(staff, report.townshipCode)) throw notFound('欠薪线索');
    report.status = 'handled';
    await this.dataSource.getRepository(GigUnpaidReportEntity).save(report);
    return { id: report.id, status: report.status };
  }

  private async load(assignmentId: string) {
    const assignment = await this.dataSource
      .getRepository(GigAssignmentEntity)
      .findOne({ where: { id: assignmentId } });
    const gig =
      assignment &&
      (await this.dataSource.getRepository(GigEntity).findOne({ where: { id: assignment.gigId } }));
    if (!assignment || !gig) throw notFound('接单记录');
    return { assignment, gig };
  }
}

function assertPosterOrWorker(principal: Principal, gig: GigEntity, a: GigAssignmentEntity) {
  if (a.workerUserId !== principal.userId) assertManages(principal, gig);
}

function recordedTime(at?: string): Date {
  const time = at ? new Date(at) : new Date();
  if (Number.isNaN(time.getTime()))
    throw invalid('invalid_time', '时间格式不正确', [
      { field: 'at', message: '如 2026-05-01T07:30:00+08:00' },
    ]);
  if (time.getTime() > Date.now() + CLOCK_SLACK_MS)
    throw invalid('time_in_future', '不能记录未来的时间', [
      { field: 'at', message: '不能晚于现在' },
    ]);
  return time;
}

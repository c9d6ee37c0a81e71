import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal, staffCovers } from '@jipin/accounts';
import { conflict, invalid, notFound } from '@jipin/core';
import { GigAssignmentEntity, PayStatus } from './entities/gig-assignment.entity';
import { GigRater } from './entities/gig-rating.entity';
import { GigUnpaidReportEntity } from './entities/gig-unpaid-report.entity';
import { GigEntity } from './entities/gig.entity';
import { assertManages, lockAssignment } from './gig-acceptance.service';

/** Check-in may be recorded this long before the start (people come early). */
const EARLY_MS = 2 * 3600 * 1000;
/** A recorded time may run this far ahead of the server's clock. */
const CLOCK_SLACK_MS = 5 * 60 * 1000;

/** The day itself: check-in and check-out with times, pay paid or owed, ratings, unpaid reports. */
@Injectable()
export class GigDayService {
  constructor(private readonly dataSource: DataSource) {}

  /** By the poster (or staff) or by the worker, at the time given or now. */
  async checkIn(principal: Principal, assignmentId: string, at?: string) {
    return this.dataSource.transaction(async (manager) => {
      const { assignment, gig } = await lockAssignment(manager, assignmentId);
      assertPosterOrWorker(principal, gig, assignment);
      if (!['accepted', 'confirmed'].includes(assignment.status))
        throw conflict('assignment_not_working', '只有已接单的工人可以签到');
      const time = recordedTime(at);
      if (time.getTime() < gig.startsAt.getTime() - EARLY_MS)
        throw invalid('check_in_too_early', '开工前两小时内才能签到', [
          { field: 'at', message: `开工时间 ${gig.startDate} ${gig.startTime.slice(0, 5)}` },
        ]);
      if (assignment.checkedInAt) throw conflict('already_checked_in', '已签到，不能重复签到');
      assignment.checkedInAt = time;
      assignment.checkedInBy = principal.userId;
      if (assignment.status === 'accepted') {
        assignment.status = 'confirmed';
        assignment.confirmedAt ??= time;
      }
      return manager.save(assignment);
    });
  }

  async checkOut(principal: Principal, assignmentId: string, at?: string) {
    return this.dataSource.transaction(async (manager) => {
      const { assignment, gig } = await lockAssignment(manager, assignmentId);
      assertPosterOrWorker(principal, gig, assignment);
      if (!assignment.checkedInAt) throw conflict('not_checked_in', '请先签到，再签退');
      if (assignment.checkedOutAt) throw conflict('already_checked_out', '已签退，不能重复签退');
      const time = recordedTime(at);
      if (time.getTime() < assignment.checkedInAt.getTime())
        throw invalid('check_out_before_check_in', '签退时间不能早于签到时间', [
          { field: 'at', message: '签退时间不能早于签到时间' },
        ]);
      assignment.checkedOutAt = time;
      assignment.checkedOutBy = principal.userId;
      return manager.save(assignment);
    });
  }

  /** The poster (or staff) records the pay: paid, or owed. */
  async recordPay(principal: Principal, assignmentId: string, amount: number, status: PayStatus) {
    return this.dataSource.transaction(async (manager) => {
      const { assignment, gig } = await lockAssignment(manager, assignmentId);
      assertManages(principal, gig);
      if (!assignment.checkedInAt) throw conflict('not_worked', '工人签到后才能记录工资');
      assignment.payAmount = amount;
      assignment.payStatus = status;
      assignment.payRecordedAt = new Date();
      return manager.save(assignment);
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
    if (!assignment.checkedOutAt) throw conflict('not_finished', '签退后才能评价');
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
    if (!assignment.checkedInAt) throw conflict('not_worked', '只有签到上工后才能反映欠薪');
    if (assignment.payStatus === 'paid' && !note?.trim())
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

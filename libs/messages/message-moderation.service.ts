import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountService, Principal } from '@jipin/accounts';
import { conflict, invalid, notFound } from '@jipin/core';
import { EmployerReviewService, EmployerService } from '@jipin/employers';
import { PiiAccessService } from '@jipin/seekers';
import { MessageEntity } from './entities/message.entity';
import {
  MessageReportEntity,
  REPORT_REASON_NAMES,
  ReportReason,
} from './entities/message-report.entity';
import { MessageThreadEntity } from './entities/message-thread.entity';
import { MessageView } from './message-view';
import { MessageService } from './message.service';
import { ThreadService } from './thread.service';

export interface ReportView {
  id: string;
  threadId: string;
  threadTitle: string;
  employerId: string;
  employerName: string;
  reporterSide: 'seeker' | 'employer';
  reason: ReportReason;
  note: string | null;
  status: MessageReportEntity['status'];
  createdAt: Date;
}

export interface HeldMessageView {
  id: string;
  threadId: string;
  employerName: string;
  body: string;
  heldReason: string | null;
  createdAt: Date;
}

const REASONS = Object.keys(REPORT_REASON_NAMES) as ReportReason[];
const REASON_CHOICES = REASONS.map((r) => `${REPORT_REASON_NAMES[r]}(${r})`).join('、');

/** Why staff read the held list: it is shown for that review only. */
const HELD_REVIEW_PURPOSE = '审核待发消息（未认证单位发出的链接或电话）';

/**
 * Reports of harassment or fraud, read by staff only through a report and
 * with a stated purpose (each read logged); staff dismiss a report or suspend
 * the employer. Also the messages held for review.
 */
@Injectable()
export class MessageModerationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly threads: ThreadService,
    private readonly messages: MessageService,
    private readonly employers: EmployerService,
    private readonly review: EmployerReviewService,
    private readonly accounts: AccountService,
    private readonly pii: PiiAccessService,
  ) {}

  async report(
    principal: Principal,
    threadId: string,
    input: { reason: string; note?: string },
  ): Promise<{ id: string; status: 'open' }> {
    const { thread } = await this.threads.context(principal, threadId);
    if (!REASONS.includes(input.reason as ReportReason))
      throw invalid('invalid_reason', '请选择举报原因：骚扰、诈骗或其他', [
        { field: 'reason', message: `举报原因须为${REASON_CHOICES}` },
      ]);
    const note = input.note?.trim() || null;
    if (note && [...note].length > 500)
      throw invalid('note_too_long', '说明最多500个字', [
        { field: 'note', message: '最多500个字' },
      ]);
    if (input.reason === 'other' && !note)
      throw invalid('note_required', '举报原因选“其他”时请写明情况', [
        { field: 'note', message: '请写明举报的情况' },
      ]);
    const saved = await this.dataSource.getRepository(MessageReportEntity).save({
      threadId: thread.id,
      reporterUserId: principal.userId,
      reason: input.reason as ReportReason,
      note,
    });
    return { id: saved.id, status: 'open' };
  }

  async openReports(): Promise<ReportView[]> {
    const reports = await this.dataSource
      .getRepository(MessageReportEntity)
      .find({ where: { status: 'open' }, order: { createdAt: 'ASC' }, take: 200 });
    const threads = await this.threadsById(reports.map((r) => r.threadId));
    const names = await this.otherSideNames([...threads.values()]);
    return reports.map((report) => {
      const thread = threads.get(report.threadId)!;
      return {
        id: report.id,
        threadId: thread.id,
        threadTitle: thread.title,
        employerId: thread.employerId,
        employerName: names.get(thread.employerId) ?? '',
        reporterSide: report.reporterUserId === thread.seekerUserId ? 'seeker' : 'employer',
        reason: report.reason,
        note: report.note,
        status: report.status,
        createdAt: report.createdAt,
      };
    });
  }

  /** A staff member reads a reported thread: only with a purpose, and the read is logged. */
  async readReported(
    staff: Principal,
    reportId: string,
    purpose: string | undefined,
  ): Promise<{
    threadId: string;
    title: string;
    seekerName: string;
    employerName: string;
    messages: MessageView[];
  }> {
    const text = purpose?.trim() ?? '';
    if ([...text].length < 2 || [...text].length > 200)
      throw invalid('purpose_required', '查看会话须说明事由（2到200个字）', [
        { field: 'purpose', message: '请说明查看事由' },
      ]);
    const report = await this.dataSource
      .getRepository(MessageReportEntity)
      .findOneBy({ id: reportId });
    if (!report) throw notFound('举报');
    const thread = await this.dataSource
      .getRepository(MessageThreadEntity)
      .findOneByOrFail({ id: report.threadId });
    // The seeker sees this read, with its purpose, in their personal-data access log.
    await this.pii.recordForUsers(staff, [thread.seekerUserId], {
      field: 'messages',
      purpose: text,
      route: 'GET /api/staff/message-reports/:id/thread',
    });
    const seeker = await this.accounts.namesOf([thread.seekerUserId]);
    const employer = await this.otherSideNames([thread]);
    return {
      threadId: thread.id,
      title: thread.title,
      seekerName: seeker.get(thread.seekerUserId) ?? '求职者',
      employerName: employer.get(thread.employerId) ?? '',
      messages: await this.threads.messages(thread, 'staff'),
    };
  }

  /** Dismiss, or suspend the employer (its vacancies leave search; its recruiters cannot send). */
  async decide(
    staff: Principal,
    reportId: string,
    decision: 'dismiss' | 'suspend_employer',
    note?: string,
  ): Promise<{ id: string; status: MessageReportEntity['status'] }> {
    const reports = this.dataSource.getRepository(MessageReportEntity);
    const report = await reports.findOneBy({ id: reportId });
    if (!report) throw notFound('举报');
    if (report.status !== 'open') throw conflict('report_decided', '该举报已处理');
    if (decision === 'suspend_employer') {
      const thread = await this.dataSource
        .getRepository(MessageThreadEntity)
        .findOneByOrFail({ id: report.threadId });
      // A gig posted by a person (a farmer, a household) has no employer to suspend.
      if (thread.posterUserId)
        throw conflict(
          'poster_not_employer',
          '该会话的发布者是个人，不是招聘单位，无法暂停单位；请驳回举报，并在零工市场处理该发布者',
        );
      const employer = await this.employers.findById(thread.employerId);
      if (employer?.status !== 'suspended')
        await this.review.decide(
          staff,
          thread.employerId,
          'suspend',
          note || '经举报核实，暂停使用',
        );
    }
    const status = decision === 'dismiss' ? 'dismissed' : 'employer_suspended';
    await reports.update(
      { id: report.id },
      { status, decidedBy: staff.userId, decidedAt: new Date() },
    );
    return { id: report.id, status };
  }

  /**
   * Messages waiting for review, with their words: each read is logged for
   * every seeker whose thread is shown (the purpose is the review itself).
   */
  async held(staff: Principal): Promise<HeldMessageView[]> {
    const rows = await this.dataSource
      .getRepository(MessageEntity)
      .find({ where: { status: 'held' }, order: { createdAt: 'ASC' }, take: 200 });
    const threads = await this.threadsById(rows.map((r) => r.threadId));
    await this.pii.recordForUsers(
      staff,
      [...threads.values()].map((t) => t.seekerUserId),
      { field: 'messages', purpose: HELD_REVIEW_PURPOSE, route: 'GET /api/staff/held-messages' },
    );
    const names = await this.otherSideNames([...threads.values()]);
    return rows.map((m) => ({
      id: m.id,
      threadId: m.threadId,
      employerName: names.get(threads.get(m.threadId)!.employerId) ?? '',
      body: m.body,
      heldReason: m.heldReason,
      createdAt: m.createdAt,
    }));
  }

  /** Release a held message to its reader (then notified through the outbox), or reject it. */
  async decideHeld(
    staff: Principal,
    messageId: string,
    decision: 'release' | 'reject',
  ): Promise<{ id: string; status: 'visible' | 'rejected' }> {
    const decided: string = await this.dataSource.transaction(async (manager) => {
      const [rows]: [(MessageEntity & { seekerUserId: string })[], number] = await manager.query(
        `update messages m set status = $2 from message_threads t
          where m.id = $1 and m.status = 'held' and t.id = m.thread_id
         returning m.id, m.thread_id as "threadId", m.sender_side as "senderSide", m.body,
                   t.seeker_user_id as "seekerUserId"`,
        [messageId, decision === 'release' ? 'visible' : 'rejected'],
      );
      const message = rows[0];
      if (!message) throw notFound('待审核消息');
      if (decision === 'release')
        await this.messages.deliver(
          manager,
          message.threadId,
          message.senderSide,
          message.id,
          message.body,
        );
      // Who let a message into (or kept it out of) a person's thread.
      await this.pii.recordForUsers(
        staff,
        [message.seekerUserId],
        {
          field: 'messages',
          purpose: decision === 'release' ? '审核待发消息：放行' : '审核待发消息：拦截',
          route: 'POST /api/staff/held-messages/:id/decision',
        },
        manager,
      );
      return message.id;
    });
    return { id: decided, status: decision === 'release' ? 'visible' : 'rejected' };
  }

  /**
   * The name of each thread's other side, keyed by its employerId: the employer's name, or the
   * person's own name for a gig posted by a person (employerId then holds their user id).
   */
  private async otherSideNames(threads: MessageThreadEntity[]): Promise<Map<string, string>> {
    const people = threads.filter((t) => t.posterUserId).map((t) => t.employerId);
    const employers = threads.filter((t) => !t.posterUserId).map((t) => t.employerId);
    const [personNames, employerNames] = await Promise.all([
      this.accounts.namesOf(people),
      this.employers.namesOf(employers),
    ]);
    return new Map([...employerNames, ...personNames]);
  }

  private async threadsById(ids: string[]): Promise<Map<string, MessageThreadEntity>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource
      .getRepository(MessageThreadEntity)
      .createQueryBuilder('t')
      .where('t.id in (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
    return new Map(rows.map((t) => [t.id, t]));
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '@jipin/accounts';
import { forbidden } from '@jipin/core';
import { ApplicationService, UnopenedApplication } from '@jipin/applications';
import { IntentService } from '@jipin/intents';
import { ThreadView } from './message-view';
import { ThreadService } from './thread.service';

export interface InboxCounts {
  newApplicants: number;
  unreadMessages: number;
  followUpsDue: number;
  /** The badge on the tab bar. */
  total: number;
  /** Badges on the vacancy list. */
  vacancies: { vacancyId: string; newApplicants: number; unreadMessages: number }[];
}

export interface Inbox {
  counts: InboxCounts;
  newApplicants: UnopenedApplication[];
  threads: ThreadView[];
}

/** One list across all the employer's vacancies: new applicants, unread messages, follow-ups due. */
@Injectable()
export class RecruitmentInboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly threads: ThreadService,
    private readonly applications: ApplicationService,
    private readonly intents: IntentService,
  ) {}

  async counts(principal: Principal): Promise<InboxCounts> {
    const employerId = await this.employerOf(principal);
    const [applicants, unread, followUpsDue] = await Promise.all([
      this.applications.unopenedCounts(employerId),
      this.unreadByVacancy(employerId),
      this.intents.dueFollowUpCount(employerId),
    ]);
    const vacancies = new Map<string, { newApplicants: number; unreadMessages: number }>();
    const at = (id: string) => {
      if (!vacancies.has(id)) vacancies.set(id, { newApplicants: 0, unreadMessages: 0 });
      return vacancies.get(id)!;
    };
    for (const row of applicants) at(row.vacancyId).newApplicants = row.count;
    for (const row of unread) if (row.vacancyId) at(row.vacancyId).unreadMessages += row.unread;
    const newApplicants = applicants.reduce((sum, row) => sum + row.count, 0);
    const unreadMessages = unread.reduce((sum, row) => sum + row.unread, 0);
    return {
      newApplicants,
      unreadMessages,
      followUpsDue,
      total: newApplicants + unreadMessages + followUpsDue,
      vacancies: [...vacancies].map(([vacancyId, counts]) => ({ vacancyId, ...counts })),
    };
  }

  async inbox(principal: Principal): Promise<Inbox> {
    const employerId = await this.employerOf(principal);
    const [counts, newApplicants, threads] = await Promise.all([
      this.counts(principal),
      this.applications.unopenedFor(employerId),
      this.threads.list(principal),
    ]);
    return { counts, newApplicants, threads };
  }

  /** Unread messages per vacancy, for threads about applications and intents. */
  private async unreadByVacancy(
    employerId: string,
  ): Promise<{ vacancyId: string | null; unread: number }[]> {
    const rows: { subjectKind: string; subjectId: string; unread: number }[] =
      await this.dataSource.query(
        `select subject_kind as "subjectKind", subject_id as "subjectId", employer_unread as unread
           from message_threads where employer_id = $1 and employer_unread > 0`,
        [employerId],
      );
    const out = [];
    for (const row of rows) {
      const parties =
        row.subjectKind === 'application'
          ? await this.applications.parties(row.subjectId)
          : row.subjectKind === 'intent'
            ? await this.intents.parties(row.subjectId)
            : undefined;
      out.push({ vacancyId: parties?.vacancyId ?? null, unread: row.unread });
    }
    return out;
  }

  private async employerOf(principal: Principal): Promise<string> {
    const caller = await this.threads.caller(principal);
    if (caller.side !== 'employer') throw forbidden('employer_only', '只有招聘单位有招聘消息箱');
    return caller.employer.id;
  }
}

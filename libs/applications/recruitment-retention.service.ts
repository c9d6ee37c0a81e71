import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@jipin/core';
import { deleteNotificationsOlderThan } from '@jipin/notifications';

export interface RetentionResult {
  applicationsCleared: number;
  historyNotesCleared: number;
  notificationsDeleted: number;
}

/**
 * Recruitment records are kept for the retention period (3 years by default,
 * RECRUITMENT_RETENTION_DAYS) after their last change. After that the words a
 * person or recruiter wrote are removed and old messages deleted; the bare rows
 * (ids, status, dates) stay so past years' statistics still add up.
 */
@Injectable()
export class RecruitmentRetentionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async purgeExpired(): Promise<RetentionResult> {
    const days = this.config.retention.recruitmentRecordDays;
    return this.dataSource.transaction(async (manager) => {
      const history: [unknown[], number] = await manager.query(
        `update application_history h set note = null
           from applications a
          where h.application_id = a.id and h.note is not null
            and a.status_changed_at < now() - make_interval(days => $1)`,
        [days],
      );
      const applications: [unknown[], number] = await manager.query(
        `update applications set cover_note = null
          where cover_note is not null and status_changed_at < now() - make_interval(days => $1)`,
        [days],
      );
      const notificationsDeleted = await deleteNotificationsOlderThan(manager, days);
      return {
        applicationsCleared: applications[1],
        historyNotesCleared: history[1],
        notificationsDeleted,
      };
    });
  }
}

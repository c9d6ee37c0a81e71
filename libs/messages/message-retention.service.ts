import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@jipin/core';

/**
 * Messages follow the rule of other recruitment records
 * (RECRUITMENT_RETENTION_DAYS after the last change): a thread silent that
 * long is deleted with its messages and reports; old phone-reveal counts go too.
 */
@Injectable()
export class MessageRetentionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async purgeExpired(): Promise<{ threadsDeleted: number; revealsDeleted: number }> {
    const days = this.config.retention.recruitmentRecordDays;
    const threads: [unknown[], number] = await this.dataSource.query(
      `delete from message_threads
        where coalesce(last_message_at, created_at) < now() - make_interval(days => $1)`,
      [days],
    );
    const reveals: [unknown[], number] = await this.dataSource.query(
      `delete from contact_reveals where created_at < now() - make_interval(days => $1)`,
      [days],
    );
    return { threadsDeleted: threads[1], revealsDeleted: reveals[1] };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { type Logger } from 'pino';
import { LoginLimits, SessionService, SmsCodeService } from '@jipin/accounts';
import { RecruitmentRetentionService } from '@jipin/applications';
import { IdempotencyService, JobName, LOGGER, RateLimiter } from '@jipin/core';
import { MessageRetentionService } from '@jipin/messages';
import { JobHandler } from '../job-handler.decorator';

@Injectable()
export class MaintenanceProcessor {
  constructor(
    private readonly sessions: SessionService,
    private readonly smsCodes: SmsCodeService,
    private readonly loginLimits: LoginLimits,
    private readonly rateLimiter: RateLimiter,
    private readonly idempotency: IdempotencyService,
    private readonly retention: RecruitmentRetentionService,
    private readonly messageRetention: MessageRetentionService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Expired sessions, SMS codes, rate-limit windows, month-old login addresses and day-old idempotency keys are of no use to anyone. */
  @JobHandler(JobName.PurgeExpiredAuthData)
  async purgeExpiredAuthData(): Promise<void> {
    const sessions = await this.sessions.purgeExpired();
    const codes = await this.smsCodes.purgeExpired();
    const buckets = await this.rateLimiter.purgeExpired();
    const loginAddresses = await this.loginLimits.purgeExpired();
    const idempotencyKeys = await this.idempotency.purgeOlderThan(24);
    this.logger.info(
      { sessions, codes, buckets, loginAddresses, idempotencyKeys },
      'purged expired auth data',
    );
  }

  /** Personal words in recruitment records are kept for the retention period only (PIPL). */
  @JobHandler(JobName.PurgeExpiredRecruitmentRecords)
  async purgeExpiredRecruitmentRecords(): Promise<void> {
    this.logger.info(await this.retention.purgeExpired(), 'purged expired recruitment records');
    this.logger.info(await this.messageRetention.purgeExpired(), 'purged expired message threads');
  }
}

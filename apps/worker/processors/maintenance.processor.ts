import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { SessionService, SmsCodeService } from '@jipin/accounts';
import { JobName, LOGGER, RateLimiter } from '@jipin/core';
import { JobHandler } from '../job-handler.decorator';

@Injectable()
export class MaintenanceProcessor {
  constructor(
    private readonly sessions: SessionService,
    private readonly smsCodes: SmsCodeService,
    private readonly rateLimiter: RateLimiter,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Expired sessions, SMS codes and rate-limit windows are of no use to anyone. */
  @JobHandler(JobName.PurgeExpiredAuthData)
  async purgeExpiredAuthData(): Promise<void> {
    const sessions = await this.sessions.purgeExpired();
    const codes = await this.smsCodes.purgeExpired();
    const buckets = await this.rateLimiter.purgeExpired();
    this.logger.info({ sessions, codes, buckets }, 'purged expired auth data');
  }
}

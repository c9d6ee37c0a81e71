import { Inject, Injectable } from '@nestjs/common';
import { type Logger } from 'pino';
import { JobName, LOGGER } from '@jipin/core';
import { VacancyExpiryService } from '@jipin/vacancies';
import { JobHandler } from '../job-handler.decorator';

@Injectable()
export class VacanciesProcessor {
  constructor(
    private readonly expiry: VacancyExpiryService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Scheduled: vacancies past their last day become expired (each change announced via the outbox). */
  @JobHandler(JobName.ExpireVacancies)
  async expireVacancies(): Promise<void> {
    const expired = await this.expiry.expireDue();
    if (expired) this.logger.info({ expired }, 'expired vacancies');
  }
}

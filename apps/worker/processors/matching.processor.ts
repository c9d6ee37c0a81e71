import { Inject, Injectable } from '@nestjs/common';
import { type Logger } from 'pino';
import { JobName, JobPayloads, LOGGER } from '@jipin/core';
import { MatchingService } from '@jipin/matching';
import { JobHandler } from '../job-handler.decorator';

@Injectable()
export class MatchingProcessor {
  constructor(
    private readonly matching: MatchingService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** A vacancy was published or changed: find its best seekers (or drop its matches). */
  @JobHandler(JobName.MatchVacancy)
  async matchVacancy(data: JobPayloads[JobName.MatchVacancy]): Promise<void> {
    const result = await this.matching.matchVacancy(data.vacancyId);
    if (result.computed)
      this.logger.debug({ vacancyId: data.vacancyId, ...result }, 'matched vacancy');
  }

  /** A profile changed: find the seeker's best vacancies (or drop their matches). */
  @JobHandler(JobName.MatchSeeker)
  async matchSeeker(data: JobPayloads[JobName.MatchSeeker]): Promise<void> {
    const result = await this.matching.matchSeeker(data.seekerId);
    if (result.computed)
      this.logger.debug({ seekerId: data.seekerId, ...result }, 'matched seeker');
  }

  /** An employer was suspended or reinstated: recompute (or drop) its vacancies' matches. */
  @JobHandler(JobName.MatchEmployer)
  async matchEmployer(data: JobPayloads[JobName.MatchEmployer]): Promise<void> {
    await this.matching.matchEmployer(data.employerId);
  }

  /** Nightly: drop stale matches and recompute every open vacancy for the new day. */
  @JobHandler(JobName.RefreshMatches)
  async refreshMatches(): Promise<void> {
    this.logger.info(await this.matching.refreshAll(), 'refreshed matches');
  }
}

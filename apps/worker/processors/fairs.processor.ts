import { Inject, Injectable } from '@nestjs/common';
import { type Logger } from 'pino';
import { JobName, JobPayloads, LOGGER } from '@jipin/core';
import { FairNoticeService } from '@jipin/fairs';
import { JobHandler } from '../job-handler.decorator';

@Injectable()
export class FairsProcessor {
  constructor(
    private readonly notices: FairNoticeService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Every 15 minutes: reminders for fairs starting within a day (once per fair and person). */
  @JobHandler(JobName.SendFairReminders)
  async sendReminders(): Promise<void> {
    const sent = await this.notices.sendReminders();
    if (sent) this.logger.info({ sent }, 'fair reminders checked');
  }

  @JobHandler(JobName.InviteFairSeekers)
  async invite({ fairId }: JobPayloads[JobName.InviteFairSeekers]): Promise<void> {
    const invited = await this.notices.invite(fairId);
    this.logger.info({ fairId, invited }, 'fair invitations sent');
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { type Logger } from 'pino';
import { JobName, JobPayloads, LOGGER } from '@jipin/core';
import { FollowUpService, IntentNotifierService } from '@jipin/intents';
import { JobHandler } from '../job-handler.decorator';

@Injectable()
export class IntentsProcessor {
  constructor(
    private readonly notifier: IntentNotifierService,
    private readonly followUps: FollowUpService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @JobHandler(JobName.NotifyIntentRecorded)
  async notifyRecorded({ intentId }: JobPayloads[JobName.NotifyIntentRecorded]): Promise<void> {
    await this.notifier.recorded(intentId);
  }

  /** Hourly: recruiters are reminded (once per intent) of follow-ups that are due. */
  @JobHandler(JobName.RemindIntentFollowUps)
  async remindFollowUps(): Promise<void> {
    const due = await this.followUps.remindDue();
    if (due) this.logger.info({ due }, 'intent follow-up reminders checked');
  }
}

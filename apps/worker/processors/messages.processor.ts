import { Inject, Injectable } from '@nestjs/common';
import { type Logger } from 'pino';
import { JobAlertDigestService } from '@jipin/alerts';
import { JobName, JobPayloads, LOGGER } from '@jipin/core';
import { MessageDeliveryService } from '@jipin/messages';
import { chinaToday } from '@jipin/seekers';
import { JobHandler } from '../job-handler.decorator';

@Injectable()
export class MessagesProcessor {
  constructor(
    private readonly delivery: MessageDeliveryService,
    private readonly digests: JobAlertDigestService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @JobHandler(JobName.NotifyMessage)
  async notifyMessage(data: JobPayloads[JobName.NotifyMessage]): Promise<void> {
    // A job queued by a version that sent one job per message carries `messageId`.
    const legacy = (data as { messageId?: string }).messageId;
    await this.delivery.notify(data.messageIds ?? (legacy ? [legacy] : []));
  }

  /** Nightly: yesterday's new ads to every matching saved search. */
  @JobHandler(JobName.SendJobAlerts)
  async sendJobAlerts({ date }: JobPayloads[JobName.SendJobAlerts]): Promise<void> {
    this.logger.info(await this.digests.run(date ?? chinaToday()), 'job alert digests sent');
  }
}

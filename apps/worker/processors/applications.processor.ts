import { Injectable } from '@nestjs/common';
import { ApplicationNotifierService } from '@jipin/applications';
import { JobName, JobPayloads } from '@jipin/core';
import { JobHandler } from '../job-handler.decorator';

@Injectable()
export class ApplicationsProcessor {
  constructor(private readonly notifier: ApplicationNotifierService) {}

  @JobHandler(JobName.NotifyApplicationStatus)
  async notifyStatus({ historyId }: JobPayloads[JobName.NotifyApplicationStatus]): Promise<void> {
    await this.notifier.statusChanged(historyId);
  }
}

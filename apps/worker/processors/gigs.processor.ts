import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@jipin/core';
import { GigDispatchService, GigNotifierService } from '@jipin/gigs';
import { JobHandler } from '../job-handler.decorator';

@Injectable()
export class GigsProcessor {
  constructor(
    private readonly dispatch: GigDispatchService,
    private readonly notifier: GigNotifierService,
  ) {}

  @JobHandler(JobName.DispatchGig)
  async dispatchWave({ gigId, wave }: JobPayloads[JobName.DispatchGig]): Promise<void> {
    await this.dispatch.dispatchWave(gigId, wave);
  }

  @JobHandler(JobName.NotifyGigCancelled)
  async notifyCancelled({ gigId }: JobPayloads[JobName.NotifyGigCancelled]): Promise<void> {
    await this.notifier.gigCancelled(gigId);
  }

  @JobHandler(JobName.NotifyGigPromoted)
  async notifyPromoted({ assignmentId }: JobPayloads[JobName.NotifyGigPromoted]): Promise<void> {
    await this.notifier.promoted(assignmentId);
  }
}

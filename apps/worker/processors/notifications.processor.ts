import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@jipin/core';
import { NotificationService } from '@jipin/notifications';
import { JobHandler } from '../job-handler.decorator';

@Injectable()
export class NotificationsProcessor {
  constructor(private readonly notifications: NotificationService) {}

  @JobHandler(JobName.SendWelcome)
  async sendWelcome({ userId }: JobPayloads[JobName.SendWelcome]): Promise<void> {
    await this.notifications.notify({
      userId,
      kind: 'welcome',
      title: '欢迎使用即聘',
      body: '您已成功注册。完善信息后，我们会为您推荐合适的岗位或人才。',
      dedupeKey: `welcome:${userId}`,
      sms: true,
    });
  }
}

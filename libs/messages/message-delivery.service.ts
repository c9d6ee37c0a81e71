import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountService, SessionService } from '@jipin/accounts';
import { APP_CONFIG, type AppConfig } from '@jipin/core';
import { EmployerService } from '@jipin/employers';
import { NotificationService } from '@jipin/notifications';
import { MessageEntity } from './entities/message.entity';
import { MessageThreadEntity } from './entities/message-thread.entity';
import { preview } from './message-rules';

/**
 * Tells the other side of a thread about a message (job notify-message, run
 * from the outbox): in the app always, by SMS to whoever has not opened the
 * app for MESSAGE_SMS_AFTER_MINUTES. Idempotent by the notification's key.
 */
@Injectable()
export class MessageDeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly accounts: AccountService,
    private readonly sessions: SessionService,
    private readonly employers: EmployerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async notify(messageId: string): Promise<void> {
    const message = await this.dataSource.getRepository(MessageEntity).findOneBy({ id: messageId });
    if (!message || message.status !== 'visible') return;
    const thread = await this.dataSource
      .getRepository(MessageThreadEntity)
      .findOneByOrFail({ id: message.threadId });
    const toEmployer = message.senderSide === 'seeker';
    // The other side is an employer's recruiters, or the one person who posted the gig.
    const recipients = !toEmployer
      ? [thread.seekerUserId]
      : thread.posterUserId
        ? [thread.posterUserId]
        : await this.employers.memberUserIds(thread.employerId);
    const sender =
      toEmployer || thread.posterUserId
        ? (await this.accounts.namesOf([message.senderUserId])).get(message.senderUserId)
        : (await this.employers.namesOf([thread.employerId])).get(thread.employerId);
    const title =
      message.kind === 'invitation'
        ? `${sender ?? '招聘单位'}邀请您面试`
        : `${sender ?? '对方'}发来新消息`;
    for (const userId of recipients)
      await this.notifications.notify({
        userId,
        kind: 'message',
        title,
        body: `“${thread.title}”：${preview(message.body)}`,
        link: `/messages/${thread.id}`,
        dedupeKey: `message:${message.id}:${userId}`,
        sms: await this.absent(userId),
      });
  }

  /** Has not opened the app (opened or refreshed a session) for the configured time. */
  private async absent(userId: string): Promise<boolean> {
    const seen = await this.sessions.lastActiveAt(userId);
    const after = this.config.messages.smsAfterAbsentMinutes * 60 * 1000;
    return !seen || Date.now() - new Date(seen).getTime() >= after;
  }
}

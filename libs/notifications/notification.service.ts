import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { type Logger } from 'pino';
import { AccountService, SMS_SENDER, type SmsSender } from '@jipin/accounts';
import { LOGGER, notFound } from '@jipin/core';
import { NotificationEntity } from './notification.entity';

export interface NotificationInput {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link?: string;
  /** Same key, same notification: a retried job never notifies twice. */
  dedupeKey: string;
  /** Also send by SMS when the user accepts SMS. */
  sms?: boolean;
}

@Injectable()
export class NotificationService {
  constructor(
    @InjectRepository(NotificationEntity)
    private readonly notifications: Repository<NotificationEntity>,
    private readonly accounts: AccountService,
    @Inject(SMS_SENDER) private readonly smsSender: SmsSender,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Idempotent by dedupeKey; an SMS left pending by a crash is sent on the retry. */
  async notify(input: NotificationInput): Promise<void> {
    await this.notifications
      .createQueryBuilder()
      .insert()
      .values({
        userId: input.userId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        link: input.link ?? null,
        dedupeKey: input.dedupeKey,
        smsStatus: input.sms ? 'pending' : 'none',
      })
      .orIgnore()
      .execute();
    const stored = await this.notifications.findOneOrFail({
      where: { dedupeKey: input.dedupeKey },
    });
    if (stored.smsStatus === 'pending') await this.sendSms(stored);
  }

  /**
   * Many notifications in one statement (a nightly digest); idempotent like
   * notify, and the SMS of each that asks for one is sent once.
   */
  async notifyMany(inputs: NotificationInput[]): Promise<void> {
    if (!inputs.length) return;
    await this.notifications
      .createQueryBuilder()
      .insert()
      .values(
        inputs.map((input) => ({
          userId: input.userId,
          kind: input.kind,
          title: input.title,
          body: input.body,
          link: input.link ?? null,
          dedupeKey: input.dedupeKey,
          smsStatus: input.sms ? ('pending' as const) : ('none' as const),
        })),
      )
      .orIgnore()
      .execute();
    const smsKeys = inputs.filter((input) => input.sms).map((input) => input.dedupeKey);
    if (!smsKeys.length) return;
    const pending = await this.notifications.find({
      where: { dedupeKey: In(smsKeys), smsStatus: 'pending' },
    });
    for (const notification of pending) await this.sendSms(notification);
  }

  /**
   * When each person was last texted about each link (a conversation): keyed `userId link`.
   * A reader away from the app is texted once about a conversation, not once per message.
   * `exceptKeys`: the notifications being made now (a retried job must still text their SMS).
   */
  async lastTextedAt(
    userIds: string[],
    links: string[],
    exceptKeys: string[],
  ): Promise<Map<string, Date>> {
    if (!userIds.length || !links.length) return new Map();
    const rows: { userId: string; link: string; at: Date }[] = await this.notifications.query(
      `select user_id as "userId", link, max(created_at) as at from notifications
        where user_id = any($1::uuid[]) and link = any($2::varchar[]) and sms_status <> 'none'
          and dedupe_key <> all($3::varchar[])
        group by user_id, link`,
      [userIds, links, exceptKeys],
    );
    return new Map(rows.map((row) => [`${row.userId} ${row.link}`, row.at]));
  }

  async list(userId: string, options: { unreadOnly?: boolean; limit?: number } = {}) {
    const [items, total] = await this.notifications.findAndCount({
      where: { userId, ...(options.unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      take: options.limit ?? 50,
    });
    const unread = await this.notifications.count({ where: { userId, readAt: IsNull() } });
    return {
      total,
      unread,
      items: items.map(({ id, kind, title, body, link, readAt, createdAt }) => ({
        id,
        kind,
        title,
        body,
        link,
        readAt,
        createdAt,
      })),
    };
  }

  /** Notices of these people not yet read nor printed, oldest first: what the window prints. */
  unprinted(userIds: string[], limit = 500): Promise<NotificationEntity[]> {
    if (!userIds.length) return Promise.resolve([]);
    return this.notifications.find({
      where: { userId: In(userIds), readAt: IsNull(), printedAt: IsNull() },
      order: { createdAt: 'ASC' },
      take: limit,
    });
  }

  /** Marks notices of these people as printed by a staff member; returns how many. */
  async markPrinted(ids: string[], userIds: string[], printedBy: string): Promise<number> {
    if (!ids.length || !userIds.length) return 0;
    const result = await this.notifications.update(
      { id: In(ids), userId: In(userIds), printedAt: IsNull() },
      { printedAt: new Date(), printedBy },
    );
    return result.affected ?? 0;
  }

  async markRead(userId: string, id: string): Promise<void> {
    const result = await this.notifications.update({ id, userId }, { readAt: new Date() });
    if (!result.affected) throw notFound('通知');
  }

  private async sendSms(notification: NotificationEntity): Promise<void> {
    const account = await this.accounts.me(notification.userId).catch(() => undefined);
    const phone = account?.smsOptIn ? await this.accounts.phoneOf(notification.userId) : undefined;
    if (!phone) {
      await this.notifications.update({ id: notification.id }, { smsStatus: 'none' });
      return;
    }
    try {
      await this.smsSender.send(phone, `【即聘】${notification.title}：${notification.body}`);
      await this.notifications.update({ id: notification.id }, { smsStatus: 'sent' });
    } catch (error) {
      this.logger.warn({ err: error, notificationId: notification.id }, 'SMS failed');
      await this.notifications.update({ id: notification.id }, { smsStatus: 'failed' });
      throw error;
    }
  }
}

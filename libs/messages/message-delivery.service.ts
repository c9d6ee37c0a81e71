import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountService, SessionService } from '@jipin/accounts';
import { APP_CONFIG, type AppConfig } from '@jipin/core';
import { EmployerService } from '@jipin/employers';
import { NotificationService } from '@jipin/notifications';
import { preview } from './message-rules';

/** A visible message with what its notification says, read in one statement for a batch. */
interface MessageToTell {
  id: string;
  threadId: string;
  title: string;
  kind: string;
  body: string;
  senderUserId: string;
  toEmployer: boolean;
  seekerUserId: string;
  employerId: string;
  posterUserId: string | null;
}

/**
 * Tells the other side of a thread about messages (job notify-message, run
 * from the outbox for a relayed batch): in the app always, by SMS to whoever
 * has not opened the app for MESSAGE_SMS_AFTER_MINUTES. Idempotent by the
 * notification's key (message and reader); a batch costs the same few
 * statements whatever its size.
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

  async notify(messageIds: string[]): Promise<void> {
    const messages: MessageToTell[] = await this.dataSource.query(
      `select m.id, m.thread_id as "threadId", t.title, m.kind, m.body,
              m.sender_user_id as "senderUserId", m.sender_side = 'seeker' as "toEmployer",
              t.seeker_user_id as "seekerUserId", t.employer_id as "employerId",
              t.poster_user_id as "posterUserId"
         from messages m join message_threads t on t.id = m.thread_id
        where m.id = any($1::uuid[]) and m.status = 'visible'
        order by m.created_at, m.id`,
      [messageIds],
    );
    if (!messages.length) return;
    // The other side is an employer's recruiters, or the one person who posted the gig.
    const toRecruiters = messages.filter((m) => m.toEmployer && !m.posterUserId);
    const fromPeople = messages.filter((m) => m.toEmployer || m.posterUserId);
    const fromEmployers = messages.filter((m) => !m.toEmployer && !m.posterUserId);
    const [recruiters, personNames, employerNames] = await Promise.all([
      this.employers.memberUserIds(unique(toRecruiters.map((m) => m.employerId))),
      this.accounts.namesOf(unique(fromPeople.map((m) => m.senderUserId))),
      this.employers.namesOf(unique(fromEmployers.map((m) => m.employerId))),
    ]);
    const recipientsOf = (m: MessageToTell): string[] =>
      !m.toEmployer
        ? [m.seekerUserId]
        : m.posterUserId
          ? [m.posterUserId]
          : (recruiters.get(m.employerId) ?? []);
    const readers = unique(messages.flatMap(recipientsOf));
    const links = unique(messages.map((m) => `/messages/${m.threadId}`));
    const keys = messages.flatMap((m) => recipientsOf(m).map((userId) => dedupeKey(m, userId)));
    const [seen, texted] = await Promise.all([
      this.sessions.lastActiveAt(readers),
      this.notifications.lastTextedAt(readers, links, keys),
    ]);
    const awayFor = this.config.messages.smsAfterAbsentMinutes * 60 * 1000;
    // One SMS per conversation while the reader stays away: the first unread message is texted,
    // the rest wait in the app (an SMS per message of a chat costs the bureau and annoys).
    const textNow = (userId: string, link: string): boolean => {
      const lastSeen = seen.get(userId);
      if (lastSeen && Date.now() - new Date(lastSeen).getTime() < awayFor) return false;
      const key = `${userId} ${link}`;
      const textedAt = texted.get(key);
      if (textedAt && (!lastSeen || textedAt >= lastSeen)) return false;
      texted.set(key, new Date());
      return true;
    };
    await this.notifications.notifyMany(
      messages.flatMap((m) => {
        const sender =
          m.toEmployer || m.posterUserId
            ? personNames.get(m.senderUserId)
            : employerNames.get(m.employerId);
        const title =
          m.kind === 'invitation'
            ? `${sender ?? '招聘单位'}邀请您面试`
            : `${sender ?? '对方'}发来新消息`;
        const link = `/messages/${m.threadId}`;
        return recipientsOf(m).map((userId) => ({
          userId,
          kind: 'message',
          title,
          body: `“${m.title}”：${preview(m.body)}`,
          link,
          dedupeKey: dedupeKey(m, userId),
          sms: textNow(userId, link),
        }));
      }),
    );
  }
}

function dedupeKey(message: MessageToTell, userId: string): string {
  return `message:${message.id}:${userId}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@jipin/accounts';
import { ApplicationWorkflowService } from '@jipin/applications';
import {
  APP_CONFIG,
  type AppConfig,
  conflict,
  DomainError,
  forbidden,
  invalid,
  notFound,
  outboxInsertSql,
  OutboxEventType,
  OutboxService,
  BatchedRateLimiter,
} from '@jipin/core';
import {
  InterviewInvitation,
  MessageEntity,
  MessageKind,
  ThreadSide,
} from './entities/message.entity';
import {
  checkMessageBody,
  contactFound,
  preview,
  QUICK_REPLIES,
  QuickReplyCode,
} from './message-rules';
import { messageView, MessageView } from './message-view';
import { SendContext, ThreadService } from './thread.service';

export interface SendInput {
  body?: string;
  quickReply?: string;
  /** The sender's own key for this message: a retried send answers with the first. */
  clientKey?: string;
}

export interface InvitationInput {
  at: string;
  place: string;
  note?: string;
  clientKey?: string;
}

interface NewMessage {
  kind: MessageKind;
  body: string;
  invitation?: InterviewInvitation;
  clientKey?: string;
}

const DAY_MS = 24 * 3600 * 1000;

/** A stored message under the entity's property names (what the insert returns). */
const MESSAGE_COLUMNS = `id, thread_id as "threadId", sender_user_id as "senderUserId",
  sender_side as "senderSide", kind, body, invitation, status, held_reason as "heldReason",
  read_at as "readAt", created_at as "createdAt"`;

/**
 * One statement: the message ($1–$9; nothing on a repeated client key), and
 * when it is visible (not held for staff) the other side's unread count, the
 * thread's last message ($10, its preview) and the outbox event ($11) — what
 * `deliver` does for a released message, without its transaction's round trips.
 */
const STORE_AND_DELIVER = `
  with stored as (
    insert into messages (thread_id, sender_user_id, sender_side, kind, body, invitation,
                          status, held_reason, client_key)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
    on conflict (sender_user_id, client_key) do nothing
    returning ${MESSAGE_COLUMNS}
  ), delivered as (
    update message_threads t
       set seeker_unread = t.seeker_unread + (s."senderSide" = 'employer')::int,
           employer_unread = t.employer_unread + (s."senderSide" = 'seeker')::int,
           last_message_at = now(), last_message_preview = $10
      from stored s where t.id = s."threadId" and s.status = 'visible'
  ), announced as (
    ${outboxInsertSql(
      '$11',
      `select "threadId" as aggregate_id, jsonb_build_object('messageId', id) as payload
         from stored where status = 'visible'`,
    )}
  )
  select * from stored`;

/**
 * Sending: checks who may say what, holds links and phones from unverified
 * employers for staff, and stores the message, the other side's unread count
 * and the outbox event in one transaction (nothing lost, nothing twice).
 */
@Injectable()
export class MessageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly threads: ThreadService,
    private readonly workflow: ApplicationWorkflowService,
    private readonly outbox: OutboxService,
    private readonly rateLimiter: BatchedRateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(principal: Principal, threadId: string, input: SendInput): Promise<MessageView> {
    let message: NewMessage;
    if (input.quickReply !== undefined) {
      const text = QUICK_REPLIES[input.quickReply as QuickReplyCode];
      if (!text)
        throw invalid('unknown_quick_reply', '没有这条快捷回复', [
          { field: 'quickReply', message: `可选：${Object.keys(QUICK_REPLIES).join('、')}` },
        ]);
      message = { kind: 'quick', body: text, clientKey: input.clientKey };
    } else {
      const checked = checkMessageBody(input.body);
      if (!checked.ok) throw invalid(checked.code, checked.message, checked.details);
      message = { kind: 'text', body: checked.text, clientKey: input.clientKey };
    }
    return this.store(principal, threadId, message);
  }

  /** The employer invites the seeker to an interview: a time (in the next 90 days) and a place. */
  async invite(
    principal: Principal,
    threadId: string,
    input: InvitationInput,
  ): Promise<MessageView> {
    if (principal.role !== 'employer')
      throw forbidden('employer_only', '只有招聘单位可以发出面试邀请');
    const at = new Date(input.at);
    const problems = [];
    if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(input.at ?? ''))
      problems.push({ field: 'at', message: '面试时间格式应为 2026-12-08T09:30:00+08:00' });
    else if (at.getTime() < Date.now() || at.getTime() > Date.now() + 90 * DAY_MS)
      problems.push({ field: 'at', message: '面试时间须在今后90天之内' });
    const place = typeof input.place === 'string' ? input.place.trim() : '';
    if ([...place].length < 2 || [...place].length > 100)
      problems.push({ field: 'place', message: '面试地点须为2到100个字' });
    const note = typeof input.note === 'string' ? input.note.trim() : '';
    if ([...note].length > 200) problems.push({ field: 'note', message: '备注最多200个字' });
    if (problems.length) throw invalid('invalid_invitation', '面试邀请填写有误', problems);
    const when = at.toLocaleString('zh-CN', {
      timeZone: 'Asia/Shanghai',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    return this.store(principal, threadId, {
      kind: 'invitation',
      body: `面试邀请：${when}，${place}${note ? `。${note}` : ''}`,
      invitation: { at: at.toISOString(), place, status: 'pending' },
      clientKey: input.clientKey,
    });
  }

  /** The seeker accepts or declines an invitation, once; the answer is a message to the employer. */
  async answer(
    principal: Principal,
    messageId: string,
    answer: 'accept' | 'decline',
  ): Promise<MessageView> {
    const invitation = await this.dataSource
      .getRepository(MessageEntity)
      .findOneBy({ id: messageId, kind: 'invitation', status: 'visible' });
    if (!invitation) throw notFound('面试邀请');
    if (principal.role !== 'seeker') throw forbidden('seeker_only', '面试邀请由求职者本人答复');
    const status = answer === 'accept' ? 'accepted' : 'declined';
    // Answered in the transaction that stores the reply: both happen, or neither.
    const markAnswered = async (manager: EntityManager, thread: SendContext) => {
      const [rows]: [unknown[], number] = await manager.query(
        `update messages set invitation = invitation || jsonb_build_object(
            'status', $2::text, 'answeredAt', now())
          where id = $1 and invitation->>'status' = 'pending' returning id`,
        [messageId, status],
      );
      if (!rows.length) throw conflict('invitation_answered', '这条面试邀请已经答复过了');
      // Accepting moves the application to the interview stage (its history and
      // outbox event in this transaction). Declining leaves it as it was: on
      // recruiting apps a declined time is not a withdrawn application — the
      // employer may offer another time, and the seeker withdraws separately.
      // An intent thread changes nothing: an intent is already past the
      // interview (both sides agreed on the job) and has no interview stage.
      if (status === 'accepted' && thread.subjectKind === 'application')
        await this.workflow.acceptInterview(
          manager,
          thread.subjectId,
          principal,
          `接受${invitation.body}`.slice(0, 500),
        );
    };
    return this.store(
      principal,
      invitation.threadId,
      {
        kind: 'invitation_reply',
        body: status === 'accepted' ? '我接受面试邀请，会按时参加。' : '抱歉，我不能参加这次面试。',
      },
      markAnswered,
    );
  }

  /**
   * The send path, in two round trips (three for a sender's first message of the
   * minute, whose limit is counted in PostgreSQL): the thread and sender (one
   * read) with the per-sender limit beside it, then one statement that stores the message,
   * bumps the other side's unread count and records the outbox event (a single
   * statement is one transaction). `first` (answering an invitation) makes it
   * an explicit transaction around both.
   */
  private async store(
    principal: Principal,
    threadId: string,
    message: NewMessage,
    first?: (manager: EntityManager, thread: SendContext) => Promise<void>,
  ): Promise<MessageView> {
    const [read, limited] = await Promise.allSettled([
      this.threads.sendContext(principal, threadId),
      this.rateLimiter.hit(
        `message:${principal.userId}`,
        this.config.messages.sendsPerMinute,
        60,
        '发送消息过于频繁',
      ),
    ]);
    // Not being in the thread is answered before flooding, whichever settled first.
    if (read.status === 'rejected') throw read.reason;
    if (limited.status === 'rejected') throw limited.reason;
    const thread = read.value;
    assertMaySend(thread);
    const heldReason =
      thread.side === 'employer' && thread.employerStatus !== 'verified'
        ? contactFound(message.body)
        : undefined;
    const params = [
      thread.threadId,
      thread.userId,
      thread.side,
      message.kind,
      message.body,
      message.invitation ? JSON.stringify(message.invitation) : null,
      heldReason ? 'held' : 'visible',
      heldReason ? `${heldReason}，单位尚未通过认证，待工作人员审核后送达` : null,
      message.clientKey ?? null,
      preview(message.body),
      OutboxEventType.MessageSent,
    ];
    const run = async (manager: EntityManager) => {
      await first?.(manager, thread);
      const rows: MessageEntity[] = await manager.query(STORE_AND_DELIVER, params);
      return rows[0];
    };
    const stored = first
      ? await this.dataSource.transaction(run)
      : await run(this.dataSource.manager);
    // Committed, with its outbox row when visible: the relay hears of it now, not at its poll.
    if (stored?.status === 'visible') this.outbox.wakeRelay();
    // A retried send: the first message with this key.
    const saved =
      stored ??
      (await this.dataSource
        .getRepository(MessageEntity)
        .findOneByOrFail({ senderUserId: thread.userId, clientKey: message.clientKey }));
    if (saved.threadId !== thread.threadId)
      throw conflict('client_key_reused', '该消息编号已用于其他会话');
    return messageView(saved, thread.side);
  }

  /**
   * Makes a stored message count for the other side: their unread count, the
   * thread's last message, and the outbox event that notifies them. Run in the
   * transaction that stores (or releases) the message.
   */
  async deliver(
    manager: EntityManager,
    threadId: string,
    senderSide: ThreadSide,
    messageId: string,
    body: string,
  ): Promise<void> {
    const counter = senderSide === 'seeker' ? 'employer_unread' : 'seeker_unread';
    await manager.query(
      `update message_threads set ${counter} = ${counter} + 1, last_message_at = now(),
              last_message_preview = $2 where id = $1`,
      [threadId, preview(body)],
    );
    await this.outbox.record(manager, {
      type: OutboxEventType.MessageSent,
      aggregateId: threadId,
      payload: { messageId },
    });
  }
}

function assertMaySend(thread: SendContext): void {
  if (thread.side === 'employer' && thread.employerStatus === 'suspended')
    throw new DomainError(
      'forbidden',
      'employer_suspended',
      '贵单位已被暂停使用，暂不能发送消息，请联系人社局',
    );
  if (thread.side !== 'seeker') return;
  if (thread.blocked) throw forbidden('blocked', '对方已不再接收您在此会话中的消息');
  if (thread.employerStatus === 'suspended')
    throw new DomainError('forbidden', 'employer_suspended', '该单位已被暂停招聘，暂不能联系');
}

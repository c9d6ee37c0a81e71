import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AccountService, Principal } from '@jipin/accounts';
import { forbidden, invalid, notFound } from '@jipin/core';
import {
  EMPLOYER_MEMBER_ROWS,
  EMPLOYER_ROWS,
  EmployerEntity,
  EmployerService,
  type EmployerStatus,
} from '@jipin/employers';
import { MessageEntity, ThreadSide } from './entities/message.entity';
import { MessageThreadEntity } from './entities/message-thread.entity';
import { messageView, MessageView, threadView, ThreadView } from './message-view';
import { ThreadSubjects } from './thread-subjects';

/** What sending needs to know of the other side: a company, or a person who posted a gig. */
export type PosterStanding = Pick<EmployerEntity, 'id' | 'status'>;

/**
 * The caller as one side of a thread: the seeker, or the other side (a
 * recruiter of the employer, or the person who posted the gig).
 */
export type Caller =
  | { side: 'seeker'; userId: string }
  | { side: 'employer'; userId: string; employer: PosterStanding };

/** The parties of a thread (or of a subject before its thread exists). */
type Parties = Pick<MessageThreadEntity, 'seekerUserId' | 'employerId'> & {
  posterUserId?: string | null;
};

export interface ThreadContext {
  thread: MessageThreadEntity;
  caller: Caller;
}

/** What sending in a thread needs to know about it and the sender, read in one statement. */
export interface SendContext {
  threadId: string;
  subjectKind: string;
  subjectId: string;
  side: ThreadSide;
  userId: string;
  blocked: boolean;
  /** The thread's employer: the sender's own when the sender is a recruiter. */
  employerStatus: EmployerStatus;
}

const THREAD_LIST_LIMIT = 100;
const MESSAGE_PAGE = 200;

/** Threads: opened about a subject, listed, read (with receipts), blocked; unread counts. */
@Injectable()
export class ThreadService {
  constructor(
    @InjectRepository(MessageThreadEntity)
    private readonly threads: Repository<MessageThreadEntity>,
    private readonly dataSource: DataSource,
    private readonly subjects: ThreadSubjects,
    private readonly employers: EmployerService,
    private readonly accounts: AccountService,
  ) {}

  /** The caller by role alone (the recruiter's inbox); a thread's sides are found by seatIn. */
  async caller(principal: Principal): Promise<Caller> {
    if (principal.role === 'seeker') return { side: 'seeker', userId: principal.userId };
    if (principal.role === 'employer') {
      const { employer } = await this.employers.membership(principal.userId);
      return { side: 'employer', userId: principal.userId, employer };
    }
    throw forbidden('not_participant', '只有求职者和招聘单位可以使用消息');
  }

  /** The thread about a subject, made on first use; only the subject's two sides may open it. */
  async open(principal: Principal, subjectKind: string, subjectId: string): Promise<ThreadView> {
    if (!this.subjects.kinds().includes(subjectKind))
      throw invalid('unknown_subject', `不能就"${subjectKind}"发起沟通`, [
        { field: 'subjectKind', message: `可选：${this.subjects.kinds().join('、')}` },
      ]);
    const subject = await this.subjects.resolve(subjectKind, subjectId);
    const caller = subject && (await this.seatIn(principal, subject));
    if (!subject || !caller) throw notFound('沟通对象');
    await this.threads
      .createQueryBuilder()
      .insert()
      .values({
        subjectKind,
        subjectId,
        seekerUserId: subject.seekerUserId,
        employerId: subject.employerId,
        posterUserId: subject.posterUserId ?? null,
        title: subject.title.slice(0, 120),
      })
      .orIgnore()
      .execute();
    const thread = await this.threads.findOneByOrFail({ subjectKind, subjectId });
    return (await this.views([thread], principal.userId))[0];
  }

  /** A recruiter's employer's threads; a person's threads as seeker and as gig poster. */
  async list(principal: Principal): Promise<ThreadView[]> {
    const where =
      principal.role === 'employer'
        ? { employerId: (await this.employers.membership(principal.userId)).employer.id }
        : [
            { seekerUserId: principal.userId },
            { employerId: principal.userId, posterUserId: principal.userId },
          ];
    const rows = await this.threads.find({
      where,
      order: { lastMessageAt: { direction: 'DESC', nulls: 'LAST' }, createdAt: 'DESC' },
      take: THREAD_LIST_LIMIT,
    });
    return this.views(rows, principal.userId);
  }

  /**
   * The thread with its messages. Reading it marks the other side's messages
   * read (their receipts) and clears the caller's unread count, in one transaction.
   */
  async read(
    principal: Principal,
    threadId: string,
  ): Promise<ThreadView & { messages: MessageView[] }> {
    const { thread, caller } = await this.context(principal, threadId);
    const counter = caller.side === 'seeker' ? 'seeker_unread' : 'employer_unread';
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `update messages set read_at = now()
          where thread_id = $1 and sender_side <> $2 and read_at is null and status = 'visible'`,
        [thread.id, caller.side],
      );
      await manager.query(`update message_threads set ${counter} = 0 where id = $1`, [thread.id]);
    });
    if (caller.side === 'seeker') thread.seekerUnread = 0;
    else thread.employerUnread = 0;
    return {
      ...(await this.views([thread], principal.userId))[0],
      messages: await this.messages(thread, caller.side),
    };
  }

  async messages(thread: MessageThreadEntity, side: ThreadSide | 'staff'): Promise<MessageView[]> {
    const rows = await this.dataSource.getRepository(MessageEntity).find({
      where: { threadId: thread.id },
      order: { createdAt: 'DESC' },
      take: MESSAGE_PAGE,
    });
    // A held or rejected message is shown to its sender only.
    return rows
      .reverse()
      .filter((m) => m.status === 'visible' || side === 'staff' || m.senderSide === side)
      .map((m) => messageView(m, side));
  }

  /**
   * Unread messages over all the caller's threads: index-only reads. A person's
   * threads as gig poster are keyed by their own id on the other side.
   */
  async unread(principal: Principal): Promise<{ unread: number }> {
    const [row] =
      principal.role === 'employer'
        ? await this.dataSource.query(
            `select coalesce(sum(employer_unread), 0)::int as unread
               from message_threads where employer_id = $1`,
            [(await this.employers.membership(principal.userId)).employer.id],
          )
        : await this.dataSource.query(
            `select ((select coalesce(sum(seeker_unread), 0) from message_threads
                       where seeker_user_id = $1)
                   + (select coalesce(sum(employer_unread), 0) from message_threads
                       where employer_id = $1))::int as unread`,
            [principal.userId],
          );
    return { unread: row.unread };
  }

  /** The employer stops (or again takes) the seeker's messages in this thread. */
  async setBlocked(principal: Principal, threadId: string, blocked: boolean): Promise<ThreadView> {
    const { thread, caller } = await this.context(principal, threadId);
    if (caller.side !== 'employer')
      throw forbidden('employer_only', '只有招聘单位可以屏蔽对方的消息');
    thread.blockedAt = blocked ? new Date() : null;
    await this.threads.update({ id: thread.id }, { blockedAt: thread.blockedAt });
    return (await this.views([thread], principal.userId))[0];
  }

  /**
   * On account deletion: the person's words are removed at once (threads and
   * the employer's side stay, for reports under review, until retention ends).
   */
  async forgetSeeker(userId: string): Promise<void> {
    await this.dataSource.query(
      `update messages set body = '（该用户已注销，消息已删除）', client_key = null
        where sender_user_id = $1`,
      [userId],
    );
  }

  /**
   * The send path's context in one round trip (no entity hydration): the
   * thread, whether the caller is its seeker or a recruiter of its employer,
   * and that employer's status. 404 for anyone outside the thread.
   */
  async sendContext(principal: Principal, threadId: string): Promise<SendContext> {
    const [row]: (Omit<SendContext, 'side' | 'userId' | 'employerStatus'> & {
      seekerUserId: string;
      posterUserId: string | null;
      employerStatus: EmployerStatus | null;
      isMember: boolean;
    })[] = await this.dataSource.query(
      `select t.id as "threadId", t.subject_kind as "subjectKind", t.subject_id as "subjectId",
              t.seeker_user_id as "seekerUserId", t.poster_user_id as "posterUserId",
              t.blocked_at is not null as blocked, e.status as "employerStatus",
              exists (select 1 from ${EMPLOYER_MEMBER_ROWS} m
                       where m.user_id = $2 and m.employer_id = t.employer_id) as "isMember"
         from message_threads t left join ${EMPLOYER_ROWS} e on e.id = t.employer_id
        where t.id = $1`,
      [threadId, principal.userId],
    );
    const side = row && sideOf(principal, row);
    if (!side) throw notFound('会话');
    return {
      threadId: row.threadId,
      subjectKind: row.subjectKind,
      subjectId: row.subjectId,
      side,
      userId: principal.userId,
      blocked: row.blocked,
      // A person who posted a gig is verified (phone and ID) or is staff, as in seatIn.
      employerStatus: row.posterUserId ? 'verified' : (row.employerStatus ?? 'suspended'),
    };
  }

  /** The thread and the caller's side in it; 404 for anyone outside it. */
  async context(principal: Principal, threadId: string): Promise<ThreadContext> {
    const thread = await this.threads.findOneBy({ id: threadId });
    const caller = thread && (await this.seatIn(principal, thread));
    if (!thread || !caller) throw notFound('会话');
    return { thread, caller };
  }

  /**
   * The caller's side among these parties, or undefined when they are neither.
   * One person may be the seeker in one thread and the gig poster in another.
   */
  private async seatIn(principal: Principal, parties: Parties): Promise<Caller | undefined> {
    const userId = principal.userId;
    if (parties.seekerUserId === userId) return { side: 'seeker', userId };
    // A person who posted is verified (phone and ID) or is staff: their words are not held.
    if (parties.posterUserId)
      return parties.posterUserId === userId
        ? { side: 'employer', userId, employer: { id: userId, status: 'verified' } }
        : undefined;
    if (principal.role !== 'employer') return undefined;
    const { employer } = await this.employers.membership(userId);
    return employer.id === parties.employerId ? { side: 'employer', userId, employer } : undefined;
  }

  /** Each thread as the given user sees it, with the other side's name. */
  private async views(rows: MessageThreadEntity[], userId: string): Promise<ThreadView[]> {
    const asSeeker = (r: MessageThreadEntity) => r.seekerUserId === userId;
    const companies = await this.employers.namesOf([
      ...new Set(rows.filter((r) => asSeeker(r) && !r.posterUserId).map((r) => r.employerId)),
    ]);
    const people = await this.accounts.namesOf([
      ...new Set(rows.map((r) => (asSeeker(r) ? r.posterUserId : r.seekerUserId)).filter(isId)),
    ]);
    return rows.map((r) =>
      asSeeker(r)
        ? threadView(
            r,
            'seeker',
            (r.posterUserId ? people.get(r.posterUserId) : companies.get(r.employerId)) ??
              '招聘单位',
          )
        : threadView(r, 'employer', people.get(r.seekerUserId) ?? '求职者'),
    );
  }
}

function isId(id: string | null | undefined): id is string {
  return Boolean(id);
}

/** The send path's version of seatIn, on the one row sendContext read. */
function sideOf(
  principal: Principal,
  row: { seekerUserId: string; posterUserId: string | null; isMember: boolean },
): ThreadSide | undefined {
  if (row.seekerUserId === principal.userId) return 'seeker';
  if (row.posterUserId) return row.posterUserId === principal.userId ? 'employer' : undefined;
  return principal.role === 'employer' && row.isMember ? 'employer' : undefined;
}

import {
  MessageEntity,
  MessageStatus,
  ThreadSide,
  InterviewInvitation,
} from './entities/message.entity';
import { MessageThreadEntity } from './entities/message-thread.entity';

export interface ThreadView {
  id: string;
  subjectKind: string;
  subjectId: string;
  title: string;
  mySide: ThreadSide;
  /** The company for the seeker, the person for the employer. */
  counterpartName: string;
  unread: number;
  blocked: boolean;
  lastMessageAt: Date | null;
  lastMessagePreview: string | null;
}

export interface MessageView {
  id: string;
  threadId: string;
  mine: boolean;
  senderSide: ThreadSide;
  kind: MessageEntity['kind'];
  body: string;
  invitation: InterviewInvitation | null;
  status: MessageStatus;
  /** Why it waits for staff; told only to its sender. */
  heldReason: string | null;
  /** Read receipt: when the other side read it. */
  readAt: Date | null;
  createdAt: Date;
}

export function threadView(
  thread: MessageThreadEntity,
  side: ThreadSide,
  counterpartName: string,
): ThreadView {
  return {
    id: thread.id,
    subjectKind: thread.subjectKind,
    subjectId: thread.subjectId,
    title: thread.title,
    mySide: side,
    counterpartName,
    unread: side === 'seeker' ? thread.seekerUnread : thread.employerUnread,
    blocked: Boolean(thread.blockedAt),
    lastMessageAt: thread.lastMessageAt,
    lastMessagePreview: thread.lastMessagePreview,
  };
}

export function messageView(message: MessageEntity, side: ThreadSide | 'staff'): MessageView {
  const mine = message.senderSide === side;
  return {
    id: message.id,
    threadId: message.threadId,
    mine,
    senderSide: message.senderSide,
    kind: message.kind,
    body: message.body,
    invitation: message.invitation,
    status: message.status,
    heldReason: mine || side === 'staff' ? message.heldReason : null,
    readAt: message.readAt,
    createdAt: message.createdAt,
  };
}

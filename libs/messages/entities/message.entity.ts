import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

export type ThreadSide = 'seeker' | 'employer';
export type MessageKind = 'text' | 'quick' | 'invitation' | 'invitation_reply';
/** held: waiting for staff (a link or phone from an unverified employer); rejected by staff. */
export type MessageStatus = 'visible' | 'held' | 'rejected';

export interface InterviewInvitation {
  /** ISO date-time of the interview. */
  at: string;
  place: string;
  status: 'pending' | 'accepted' | 'declined';
  answeredAt?: string;
}

@Entity('messages')
@Index('messages_thread', ['threadId', 'createdAt'])
@Index('messages_held', { synchronize: false })
@Unique('messages_client_key', ['senderUserId', 'clientKey'])
@Check('messages_kind_check', `kind IN ('text', 'quick', 'invitation', 'invitation_reply')`)
@Check('messages_sender_side_check', `sender_side IN ('seeker', 'employer')`)
@Check('messages_status_check', `status IN ('visible', 'held', 'rejected')`)
@ForeignKey('MessageThreadEntity', ['threadId'], ['id'], {
  name: 'messages_thread_id_fkey',
  onDelete: 'CASCADE',
})
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'thread_id', type: 'uuid' })
  threadId: string;

  @Column({ name: 'sender_user_id', type: 'uuid' })
  senderUserId: string;

  @Column({ name: 'sender_side', type: 'varchar', length: 8 })
  senderSide: ThreadSide;

  @Column({ type: 'varchar', length: 16 })
  kind: MessageKind;

  @Column({ type: 'varchar', length: 500 })
  body: string;

  @Column({ type: 'jsonb', nullable: true })
  invitation: InterviewInvitation | null;

  @Column({ type: 'varchar', length: 12, default: 'visible' })
  status: MessageStatus;

  @Column({ name: 'held_reason', type: 'varchar', length: 100, nullable: true })
  heldReason: string | null;

  /** The sender's key for this message: a retried send finds the first one. */
  @Column({ name: 'client_key', type: 'varchar', length: 64, nullable: true })
  clientKey: string | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

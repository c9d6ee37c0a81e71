import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One conversation between a seeker and an employer's recruiters about a
 * subject (an application, an intent, later a gig). Each side's unread count
 * is kept here, so a badge is one indexed read.
 */
@Entity('message_threads')
@Index('message_threads_employer', { synchronize: false })
@Index('message_threads_seeker', { synchronize: false })
@Unique('message_threads_subject', ['subjectKind', 'subjectId'])
export class MessageThreadEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subject_kind', type: 'varchar', length: 24 })
  subjectKind: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'seeker_user_id', type: 'uuid' })
  seekerUserId: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ name: 'seeker_unread', type: 'int', default: 0 })
  seekerUnread: number;

  @Column({ name: 'employer_unread', type: 'int', default: 0 })
  employerUnread: number;

  /** Set when the employer stopped taking the seeker's messages. */
  @Column({ name: 'blocked_at', type: 'timestamptz', nullable: true })
  blockedAt: Date | null;

  @Column({ name: 'last_message_at', type: 'timestamptz', nullable: true })
  lastMessageAt: Date | null;

  @Column({ name: 'last_message_preview', type: 'varchar', length: 60, nullable: true })
  lastMessagePreview: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

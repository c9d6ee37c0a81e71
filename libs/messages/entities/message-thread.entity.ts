import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

/**
 * One conversation between a seeker and the other side about a subject: an
 * employer's recruiters (an application, an intent, a gig a company posted),
 * or the person who posted a gig. Each side's unread count is kept here, so a
 * badge is one indexed read.
 */
@Entity('message_threads')
@Index('message_threads_employer', { synchronize: false })
@Index('message_threads_seeker', { synchronize: false })
@Unique('message_threads_subject', ['subjectKind', 'subjectId'])
@Check('message_threads_poster_check', '(poster_user_id IS NULL OR poster_user_id = employer_id)')
export class MessageThreadEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subject_kind', type: 'varchar', length: 24 })
  subjectKind: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'seeker_user_id', type: 'uuid' })
  seekerUserId: string;

  /** The other side's key: the employer's id, or the poster's user id when posterUserId is set. */
  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  /** Set when the other side is a person who posted a gig (an individual or township staff). */
  @Column({ name: 'poster_user_id', type: 'uuid', nullable: true })
  posterUserId: string | null;

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

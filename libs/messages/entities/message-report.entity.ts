import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ReportReason = 'harassment' | 'fraud';
export type ReportStatus = 'open' | 'dismissed' | 'employer_suspended';

/** A participant reported a thread; staff read it (audited) and decide. */
@Entity('message_reports')
export class MessageReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'thread_id', type: 'uuid' })
  threadId: string;

  @Column({ name: 'reporter_user_id', type: 'uuid' })
  reporterUserId: string;

  @Column({ type: 'varchar', length: 16 })
  reason: ReportReason;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: ReportStatus;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

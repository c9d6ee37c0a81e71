import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

export const REPORT_REASON_NAMES = { harassment: '骚扰', fraud: '诈骗', other: '其他' } as const;
export type ReportReason = keyof typeof REPORT_REASON_NAMES;
export type ReportStatus = 'open' | 'dismissed' | 'employer_suspended';

/** A participant reported a thread; staff read it (audited) and decide. */
@Entity('message_reports')
@Index('message_reports_open', { synchronize: false })
@Check('message_reports_reason_check', `reason IN ('harassment', 'fraud', 'other')`)
@Check('message_reports_status_check', `status IN ('open', 'dismissed', 'employer_suspended')`)
@ForeignKey('MessageThreadEntity', ['threadId'], ['id'], {
  name: 'message_reports_thread_id_fkey',
  onDelete: 'CASCADE',
})
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

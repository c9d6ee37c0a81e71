import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { numericColumn } from './gig.entity';

/** 欠薪线索: a worker reports a gig not paid; the township's staff follow it up with the record. */
@Entity('gig_unpaid_reports')
@Index('gig_unpaid_township', ['townshipCode', 'status'])
@Check('gig_unpaid_reports_amount_owed_check', '(amount_owed > 0)')
@Check('gig_unpaid_reports_status_check', `status IN ('open', 'handled')`)
@ForeignKey('GigAssignmentEntity', ['assignmentId'], ['id'], {
  name: 'gig_unpaid_reports_assignment_id_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey('GigEntity', ['gigId'], ['id'], {
  name: 'gig_unpaid_reports_gig_id_fkey',
  onDelete: 'CASCADE',
})
export class GigUnpaidReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'assignment_id', type: 'uuid', unique: true })
  assignmentId: string;

  @Column({ name: 'gig_id', type: 'uuid' })
  gigId: string;

  @Column({ name: 'township_code', type: 'varchar', length: 12 })
  townshipCode: string;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedBy: string;

  @Column({
    name: 'amount_owed',
    type: 'numeric',
    precision: 10,
    scale: 2,
    transformer: numericColumn,
  })
  amountOwed: number;

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status: 'open' | 'handled';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

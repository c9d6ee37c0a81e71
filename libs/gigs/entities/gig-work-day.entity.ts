import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { numericColumn } from './gig.entity';
import { type PayStatus } from './gig-assignment.entity';

/** One working day of a place on a gig: its check-in, check-out and pay. */
@Entity('gig_work_days')
@Check('gig_work_days_check', '(checked_out_at IS NULL OR checked_out_at >= checked_in_at)')
@Check('gig_work_days_pay_status_check', `pay_status IN ('paid', 'owed')`)
@ForeignKey('GigAssignmentEntity', ['assignmentId'], ['id'], {
  name: 'gig_work_days_assignment_id_fkey',
  onDelete: 'CASCADE',
})
export class GigWorkDayEntity {
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' })
  assignmentId: string;

  /** The day in China time, one of the gig's dates. */
  @PrimaryColumn({ name: 'work_date', type: 'date' })
  workDate: string;

  @Column({ name: 'checked_in_at', type: 'timestamptz' })
  checkedInAt: Date;

  @Column({ name: 'checked_in_by', type: 'uuid' })
  checkedInBy: string;

  @Column({ name: 'checked_out_at', type: 'timestamptz', nullable: true })
  checkedOutAt: Date | null;

  @Column({ name: 'checked_out_by', type: 'uuid', nullable: true })
  checkedOutBy: string | null;

  @Column({
    name: 'pay_amount',
    type: 'numeric',
    precision: 10,
    scale: 2,
    nullable: true,
    transformer: numericColumn,
  })
  payAmount: number | null;

  @Column({ name: 'pay_status', type: 'varchar', length: 8, nullable: true })
  payStatus: PayStatus | null;

  @Column({ name: 'pay_recorded_at', type: 'timestamptz', nullable: true })
  payRecordedAt: Date | null;
}

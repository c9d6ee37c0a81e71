import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { numericColumn } from './gig.entity';

export type AssignmentStatus =
  'accepted' | 'waitlisted' | 'confirmed' | 'cancelled' | 'no_show' | 'gig_cancelled';
export type PayStatus = 'paid' | 'owed';

/** A worker's place on a gig: accepted (or wait-listed), then the day's record. */
@Entity('gig_assignments')
@Index('gig_assignments_worker', ['workerUserId', 'status'])
@Index('gig_assignments_queue', ['gigId', 'status', 'acceptedAt'])
@Unique('gig_assignments_gig_id_worker_user_id_key', ['gigId', 'workerUserId'])
@Check('gig_assignments_pay_status_check', `pay_status IN ('paid', 'owed')`)
@Check('gig_assignments_source_check', `source IN ('app', 'window')`)
@Check(
  'gig_assignments_status_check',
  `status IN ('accepted', 'waitlisted', 'confirmed', 'cancelled', 'no_show', 'gig_cancelled')`,
)
@ForeignKey('GigEntity', ['gigId'], ['id'], {
  name: 'gig_assignments_gig_id_fkey',
  onDelete: 'CASCADE',
})
export class GigAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'gig_id', type: 'uuid' })
  gigId: string;

  @Column({ name: 'worker_user_id', type: 'uuid' })
  workerUserId: string;

  @Column({ type: 'varchar', length: 16 })
  status: AssignmentStatus;

  @Column({ type: 'varchar', length: 8, default: 'app' })
  source: 'app' | 'window';

  @Column({ name: 'accepted_at', type: 'timestamptz', default: () => 'now()' })
  acceptedAt: Date;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancelled_late', type: 'boolean', default: false })
  cancelledLate: boolean;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'checked_in_by', type: 'uuid', nullable: true })
  checkedInBy: string | null;

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

import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type AssignmentStatus =
  'accepted' | 'waitlisted' | 'confirmed' | 'cancelled' | 'no_show' | 'gig_cancelled';
export type PayStatus = 'paid' | 'owed';

/** A worker's place on a gig: accepted (or wait-listed); each day worked is a GigWorkDayEntity. */
@Entity('gig_assignments')
@Index('gig_assignments_worker', ['workerUserId', 'status'])
@Index('gig_assignments_queue', ['gigId', 'status', 'acceptedAt'])
@Unique('gig_assignments_gig_id_worker_user_id_key', ['gigId', 'workerUserId'])
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
}

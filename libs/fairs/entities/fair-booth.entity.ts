import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const BOOTH_STATUSES = ['pending', 'approved', 'refused', 'cancelled'] as const;
export type BoothStatus = (typeof BOOTH_STATUSES)[number];

/** 展位: one employer's place at a fair, numbered once approved (online fairs: no number). */
@Entity('fair_booths')
@Index('fair_booths_employer', ['employerId', 'fairId'])
@Index('fair_booths_fair', ['fairId', 'status'])
// Partial, descending and GIN indexes are named here and defined in their migration.
@Index('fair_booths_number', { synchronize: false })
@Check('fair_booths_booth_number_check', '(booth_number > 0)')
@Check('fair_booths_status_check', `status IN ('pending', 'approved', 'refused', 'cancelled')`)
@ForeignKey('EmployerEntity', ['employerId'], ['id'], { name: 'fair_booths_employer_id_fkey' })
@ForeignKey('FairEntity', ['fairId'], ['id'], {
  name: 'fair_booths_fair_id_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey('UserEntity', ['appliedBy'], ['id'], { name: 'fair_booths_applied_by_fkey' })
@ForeignKey('UserEntity', ['decidedBy'], ['id'], { name: 'fair_booths_decided_by_fkey' })
export class FairBoothEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'fair_id', type: 'uuid' })
  fairId: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: BoothStatus;

  @Column({ name: 'booth_number', type: 'int', nullable: true })
  boothNumber: number | null;

  @Column({ name: 'decision_note', type: 'varchar', length: 500, nullable: true })
  decisionNote: string | null;

  @Column({ name: 'applied_by', type: 'uuid' })
  appliedBy: string;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

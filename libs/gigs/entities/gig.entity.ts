import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { RuleFinding } from '@jipin/vacancies';

export type GigPosterKind = 'employer' | 'individual' | 'staff';
export type GigPayUnit = 'hour' | 'day' | 'piece';
export type PhysicalDemand = 'light' | 'moderate' | 'heavy';
export type GigStatus = 'pending_review' | 'open' | 'filled' | 'cancelled' | 'rejected';

const numeric = {
  to: (v: number) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** One gig (零工): work by the hour, day or piece on given dates at a place. */
@Entity('gigs')
@Index('gigs_township_date', ['townshipCode', 'startDate'])
@Index('gigs_poster_status', ['posterUserId', 'status'])
@Index('gigs_status_date', ['status', 'startDate'])
@Check('gigs_check', '(accepted_count >= 0 AND accepted_count <= headcount)')
@Check('gigs_check1', '(end_date >= start_date)')
@Check('gigs_headcount_check', '(headcount BETWEEN 1 AND 200)')
@Check('gigs_hours_per_day_check', '(hours_per_day > 0 AND hours_per_day <= 14)')
@Check('gigs_pay_amount_check', '(pay_amount > 0)')
@Check('gigs_pay_unit_check', `pay_unit IN ('hour', 'day', 'piece')`)
@Check('gigs_physical_demand_check', `physical_demand IN ('light', 'moderate', 'heavy')`)
@Check('gigs_poster_kind_check', `poster_kind IN ('employer', 'individual', 'staff')`)
@Check(
  'gigs_status_check',
  `status IN ('pending_review', 'open', 'filled', 'cancelled', 'rejected')`,
)
export class GigEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'poster_kind', type: 'varchar', length: 12 })
  posterKind: GigPosterKind;

  /** The account that posted it: the recruiter, the individual, or the staff member. */
  @Column({ name: 'poster_user_id', type: 'uuid' })
  posterUserId: string;

  @Column({ name: 'employer_id', type: 'uuid', nullable: true })
  employerId: string | null;

  /** Staff posting for someone at the window: who the gig is really for. */
  @Column({ name: 'on_behalf_name', type: 'varchar', length: 50, nullable: true })
  onBehalfName: string | null;

  @Column({ name: 'on_behalf_phone_cipher', type: 'text', nullable: true })
  onBehalfPhoneCipher: string | null;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'pay_unit', type: 'varchar', length: 8 })
  payUnit: GigPayUnit;

  @Column({ name: 'pay_amount', type: 'numeric', precision: 10, scale: 2, transformer: numeric })
  payAmount: number;

  /** 日结: paid the same day. */
  @Column({ name: 'paid_same_day', type: 'boolean', default: true })
  paidSameDay: boolean;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ name: 'start_time', type: 'time' })
  startTime: string;

  @Column({ name: 'hours_per_day', type: 'numeric', precision: 4, scale: 1, transformer: numeric })
  hoursPerDay: number;

  /** start_date + start_time in China time. */
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'township_code', type: 'varchar', length: 12 })
  townshipCode: string;

  @Column({ name: 'village_code', type: 'varchar', length: 12, nullable: true })
  villageCode: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  address: string | null;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lng: number;

  @Column({ type: 'int' })
  headcount: number;

  @Column({ name: 'accepted_count', type: 'int', default: 0 })
  acceptedCount: number;

  @Column({ type: 'text', array: true, default: [] })
  skills: string[];

  @Column({ name: 'physical_demand', type: 'varchar', length: 12, default: 'light' })
  physicalDemand: PhysicalDemand;

  @Column({ type: 'boolean', default: false })
  meals: boolean;

  @Column({ type: 'boolean', default: false })
  transport: boolean;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: GigStatus;

  @Column({ name: 'review_findings', type: 'jsonb', default: [] })
  reviewFindings: RuleFinding[];

  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export { numeric as numericColumn };

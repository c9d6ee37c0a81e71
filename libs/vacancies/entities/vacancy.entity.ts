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
import { Eligibility } from '../eligibility/eligibility';
import { type PayUnit } from '../review/pay-rules';
import { RuleFinding } from '../review/review-rules';
import {
  type ContactMode,
  type Education,
  ShiftPattern,
  type VacancyKind,
  type VacancyStatus,
} from '../vacancy-options';

/** numeric columns come back from pg as strings. */
const decimal = { to: (v: number) => v, from: (v: string | null) => (v === null ? v : Number(v)) };

@Entity('vacancies')
@Index('vacancies_employer', ['employerId', 'status'])
// Partial, descending and GIN indexes are named here and defined in their migration.
@Index('vacancies_expiring', { synchronize: false })
@Index('vacancies_first_published', ['firstPublishedAt', 'kind', 'townshipCode'])
@Index('vacancies_match_occupation', { synchronize: false })
@Index('vacancies_published', { synchronize: false })
@Index('vacancies_published_township', { synchronize: false })
@Check('vacancies_check', '(pay_min <= pay_max)')
@Check('vacancies_check1', '(expires_at >= start_date)')
@Check('vacancies_headcount_check', '(headcount > 0)')
@Check('vacancies_monthly_subsidy_check', '(monthly_subsidy >= 0)')
@Check(
  'vacancies_contact_mode_check',
  `contact_mode IN ('signed_in', 'after_applying', 'messages_only')`,
)
@Check('vacancies_kind_check', `kind IN ('regular', 'public_welfare', 'internship', 'gig')`)
@Check('vacancies_pay_unit_check', `pay_unit IN ('month', 'day', 'hour', 'piece')`)
@Check(
  'vacancies_status_check',
  `status IN ('draft', 'pending_review', 'published', 'paused', 'closed', 'filled', 'expired')`,
)
@ForeignKey('EmployerEntity', ['employerId'], ['id'], {
  name: 'vacancies_employer_id_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey('UserEntity', ['createdBy'], ['id'], { name: 'vacancies_created_by_fkey' })
export class VacancyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ name: 'occupation_code', type: 'varchar', length: 20 })
  occupationCode: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', default: '' })
  requirements: string;

  @Column({ type: 'varchar', length: 16 })
  kind: VacancyKind;

  @Column({ type: 'int' })
  headcount: number;

  @Column({ name: 'pay_min', type: 'numeric', precision: 12, scale: 2, transformer: decimal })
  payMin: number;

  @Column({ name: 'pay_max', type: 'numeric', precision: 12, scale: 2, transformer: decimal })
  payMax: number;

  @Column({ name: 'pay_unit', type: 'varchar', length: 8 })
  payUnit: PayUnit;

  @Column({ type: 'varchar', length: 16, default: 'any' })
  education: Education;

  @Column({ name: 'age_min', type: 'int', nullable: true })
  ageMin: number | null;

  @Column({ name: 'age_max', type: 'int', nullable: true })
  ageMax: number | null;

  @Column({ name: 'experience_years', type: 'int', default: 0 })
  experienceYears: number;

  @Column({ name: 'welfare_tags', type: 'text', array: true, default: '{}' })
  welfareTags: string[];

  @Column({ name: 'shift_pattern', type: 'varchar', length: 16, nullable: true })
  shiftPattern: ShiftPattern | null;

  @Column({ name: 'township_code', type: 'varchar', length: 12 })
  townshipCode: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  @Column({ name: 'contact_name', type: 'varchar', length: 50 })
  contactName: string;

  /** Encrypted (PIPL); public responses show it masked. */
  @Column({ name: 'contact_phone_cipher', type: 'text' })
  contactPhoneCipher: string;

  @Column({ name: 'contact_mode', type: 'varchar', length: 16, default: 'signed_in' })
  contactMode: ContactMode;

  /** YYYY-MM-DD */
  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  /** YYYY-MM-DD, the last day the ad is shown. */
  @Column({ name: 'expires_at', type: 'date' })
  expiresAt: string;

  @Column({ name: 'target_key_groups', type: 'text', array: true, default: '{}' })
  targetKeyGroups: string[];

  @Column({ type: 'jsonb', nullable: true })
  eligibility: Eligibility | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: VacancyStatus;

  /** Why the review rules held the ad; staff read these in the queue. */
  @Column({ name: 'review_flags', type: 'jsonb', default: [] })
  reviewFlags: RuleFinding[];

  /** The reviewer's reason when an ad was sent back. */
  @Column({ name: 'review_note', type: 'varchar', length: 500, nullable: true })
  reviewNote: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  /** 公益性岗位: the county's subsidy per person and month in post, in yuan. */
  @Column({
    name: 'monthly_subsidy',
    type: 'numeric',
    precision: 10,
    scale: 2,
    nullable: true,
    transformer: decimal,
  })
  monthlySubsidy: number | null;

  /** Set by bulk import: the same row uploaded again is recognised by it. */
  @Column({ name: 'import_key', type: 'varchar', length: 64, nullable: true, unique: true })
  importKey: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** When the post was first offered: the statistics count a post as developed then, once. */
  @Column({ name: 'first_published_at', type: 'timestamptz', nullable: true })
  firstPublishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

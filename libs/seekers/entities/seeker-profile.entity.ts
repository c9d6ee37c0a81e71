import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import {
  ConsentMethod,
  EducationEntry,
  type EmploymentStatus,
  type Gender,
  type Household,
  type Visibility,
  WorkEntry,
} from '../seeker-types';

@Entity('seeker_profiles')
@Index('seeker_profiles_created', ['createdAt', 'townshipCode'])
// Partial, descending and GIN indexes are named here and defined in their migration.
@Index('seeker_profiles_graduation', { synchronize: false })
@Index('seeker_profiles_match_occupations', { synchronize: false })
@Index('seeker_profiles_township', { synchronize: false })
@Unique('seeker_profiles_id_number_index_key', ['idNumberIndex'])
@Unique('seeker_profiles_user_id_key', ['userId'])
@Check(
  'seeker_profiles_check',
  '((desired_pay_min IS NULL) OR (desired_pay_max IS NULL) OR (desired_pay_min <= desired_pay_max))',
)
@Check(
  'seeker_profiles_consent_method_check',
  `consent_method IN ('signed_paper', 'verbal_witnessed')`,
)
@Check(
  'seeker_profiles_employment_status_check',
  `employment_status IN ('unemployed', 'employed', 'flexible', 'student')`,
)
@Check('seeker_profiles_gender_check', `gender IN ('male', 'female')`)
@Check('seeker_profiles_household_check', `household IN ('urban', 'rural')`)
@Check('seeker_profiles_visibility_check', `visibility IN ('open', 'hidden')`)
@ForeignKey('UserEntity', ['consentRecordedBy'], ['id'], {
  name: 'seeker_profiles_consent_recorded_by_fkey',
})
@ForeignKey('UserEntity', ['registeredBy'], ['id'], { name: 'seeker_profiles_registered_by_fkey' })
@ForeignKey('UserEntity', ['updatedBy'], ['id'], { name: 'seeker_profiles_updated_by_fkey' })
@ForeignKey('UserEntity', ['userId'], ['id'], { name: 'seeker_profiles_user_id_fkey' })
export class SeekerProfileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  gender: Gender;

  /** YYYY-MM-DD; key groups are derived from it at read time. */
  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ name: 'id_number_cipher', type: 'text', nullable: true })
  idNumberCipher: string | null;

  /** Blind index of the ID number: one profile per person without storing the number in clear. */
  @Column({ name: 'id_number_index', type: 'varchar', length: 64, nullable: true })
  idNumberIndex: string | null;

  @Column({ type: 'varchar', length: 8 })
  household: Household;

  @Column({ name: 'township_code', type: 'varchar', length: 12 })
  townshipCode: string;

  @Column({ name: 'village_code', type: 'varchar', length: 12, nullable: true })
  villageCode: string | null;

  @Column({ type: 'jsonb', default: [] })
  education: EducationEntry[];

  /** Earliest college (大专+) graduation among the education entries, for queries by date. */
  @Column({ name: 'first_college_graduation_date', type: 'date', nullable: true })
  firstCollegeGraduationDate: string | null;

  @Column({ name: 'work_history', type: 'jsonb', default: [] })
  workHistory: WorkEntry[];

  @Column({ type: 'text', array: true, default: [] })
  skills: string[];

  @Column({ type: 'text', array: true, default: [] })
  certificates: string[];

  @Column({ name: 'desired_occupations', type: 'text', array: true, default: [] })
  desiredOccupations: string[];

  @Column({ name: 'desired_townships', type: 'text', array: true, default: [] })
  desiredTownships: string[];

  @Column({ name: 'desired_pay_min', type: 'int', nullable: true })
  desiredPayMin: number | null;

  @Column({ name: 'desired_pay_max', type: 'int', nullable: true })
  desiredPayMax: number | null;

  @Column({ name: 'available_from', type: 'date', nullable: true })
  availableFrom: string | null;

  @Column({ name: 'employment_status', type: 'varchar', length: 16 })
  employmentStatus: EmploymentStatus;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  visibility: Visibility;

  /** PIPL art. 24: the person may refuse automated recommendations. */
  @Column({ name: 'recommendation_opt_out', type: 'boolean', default: false })
  recommendationOptOut: boolean;

  @Column({ name: 'registered_by', type: 'uuid', nullable: true })
  registeredBy: string | null;

  @Column({ name: 'consent_method', type: 'varchar', length: 24, nullable: true })
  consentMethod: ConsentMethod | null;

  @Column({ name: 'consent_witness', type: 'varchar', length: 50, nullable: true })
  consentWitness: string | null;

  @Column({ name: 'consent_reference', type: 'varchar', length: 100, nullable: true })
  consentReference: string | null;

  @Column({ name: 'consent_recorded_by', type: 'uuid', nullable: true })
  consentRecordedBy: string | null;

  @Column({ name: 'consent_recorded_at', type: 'timestamptz', nullable: true })
  consentRecordedAt: Date | null;

  /** A family member's phone, for a person registered without one of their own; encrypted. */
  @Column({ name: 'contact_phone_cipher', type: 'text', nullable: true })
  contactPhoneCipher: string | null;

  /** Who that family member is to the person (儿子, 女儿, 配偶 …). */
  @Column({ name: 'contact_relation', type: 'varchar', length: 20, nullable: true })
  contactRelation: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  /** Set when the person deleted their account; the row stays, stripped, for statistics. */
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true })
  anonymisedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

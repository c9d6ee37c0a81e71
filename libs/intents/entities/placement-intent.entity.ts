import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export const INTENT_SOURCES = ['application', 'fair_booth', 'staff'] as const;
export type IntentSource = (typeof INTENT_SOURCES)[number];

export const INTENT_OUTCOMES = ['hired', 'fell_through'] as const;
export type IntentOutcome = (typeof INTENT_OUTCOMES)[number];

/** 就业意向: a seeker and an employer agreed on a vacancy. One per seeker and vacancy. */
@Entity('placement_intents')
@Index('placement_intents_employer', ['employerId'])
// Partial, descending and GIN indexes are named here and defined in their migration.
@Index('placement_intents_follow_up', { synchronize: false })
@Unique('placement_intents_seeker_user_id_vacancy_id_key', ['seekerUserId', 'vacancyId'])
@Check('placement_intents_outcome_check', `outcome IN ('hired', 'fell_through')`)
@Check('placement_intents_source_check', `source IN ('application', 'fair_booth', 'staff')`)
@ForeignKey('ApplicationEntity', ['applicationId'], ['id'], {
  name: 'placement_intents_application_id_fkey',
})
@ForeignKey('EmployerEntity', ['employerId'], ['id'], {
  name: 'placement_intents_employer_id_fkey',
})
@ForeignKey('FairEntity', ['fairId'], ['id'], { name: 'placement_intents_fair' })
@ForeignKey('SeekerProfileEntity', ['seekerProfileId'], ['id'], {
  name: 'placement_intents_seeker_profile_id_fkey',
})
@ForeignKey('UserEntity', ['outcomeBy'], ['id'], { name: 'placement_intents_outcome_by_fkey' })
@ForeignKey('UserEntity', ['recordedBy'], ['id'], { name: 'placement_intents_recorded_by_fkey' })
@ForeignKey('UserEntity', ['seekerUserId'], ['id'], {
  name: 'placement_intents_seeker_user_id_fkey',
})
@ForeignKey('VacancyEntity', ['vacancyId'], ['id'], { name: 'placement_intents_vacancy_id_fkey' })
export class PlacementIntentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'seeker_user_id', type: 'uuid' })
  seekerUserId: string;

  /** Null for a walk-in who has a login but no résumé yet. */
  @Column({ name: 'seeker_profile_id', type: 'uuid', nullable: true })
  seekerProfileId: string | null;

  @Column({ name: 'vacancy_id', type: 'uuid' })
  vacancyId: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  /** The seeker's township (the vacancy's when the seeker has no résumé): whose window follows it up. */
  @Column({ name: 'township_code', type: 'varchar', length: 12 })
  townshipCode: string;

  @Column({ type: 'varchar', length: 16 })
  source: IntentSource;

  @Column({ name: 'fair_id', type: 'uuid', nullable: true })
  fairId: string | null;

  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_by_role', type: 'varchar', length: 16 })
  recordedByRole: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  @Column({ name: 'follow_up_due_on', type: 'date' })
  followUpDueOn: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: IntentOutcome | null;

  @Column({ name: 'outcome_note', type: 'varchar', length: 500, nullable: true })
  outcomeNote: string | null;

  @Column({ name: 'outcome_by', type: 'uuid', nullable: true })
  outcomeBy: string | null;

  @Column({ name: 'outcome_at', type: 'timestamptz', nullable: true })
  outcomeAt: Date | null;
}

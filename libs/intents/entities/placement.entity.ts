import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

/** 实际就业: a confirmed hire, with what the statistics need frozen at the hire date. */
@Entity('placements')
@Index('placements_hired_on', ['hiredOn', 'townshipCode'])
@Unique('placements_intent_id_key', ['intentId'])
@Check('placements_left_after_hire', '(left_on >= hired_on)')
@ForeignKey('EmployerEntity', ['employerId'], ['id'], { name: 'placements_employer_id_fkey' })
@ForeignKey('PlacementIntentEntity', ['intentId'], ['id'], { name: 'placements_intent_id_fkey' })
@ForeignKey('SeekerProfileEntity', ['seekerProfileId'], ['id'], {
  name: 'placements_seeker_profile_id_fkey',
})
@ForeignKey('UserEntity', ['confirmedBy'], ['id'], { name: 'placements_confirmed_by_fkey' })
@ForeignKey('UserEntity', ['seekerUserId'], ['id'], { name: 'placements_seeker_user_id_fkey' })
@ForeignKey('VacancyEntity', ['vacancyId'], ['id'], { name: 'placements_vacancy_id_fkey' })
export class PlacementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'intent_id', type: 'uuid' })
  intentId: string;

  @Column({ name: 'seeker_user_id', type: 'uuid' })
  seekerUserId: string;

  @Column({ name: 'seeker_profile_id', type: 'uuid', nullable: true })
  seekerProfileId: string | null;

  @Column({ name: 'vacancy_id', type: 'uuid' })
  vacancyId: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  /** The person's township (where they are counted). */
  @Column({ name: 'township_code', type: 'varchar', length: 12 })
  townshipCode: string;

  /** The vacancy's township (where they work). */
  @Column({ name: 'workplace_township_code', type: 'varchar', length: 12 })
  workplaceTownshipCode: string;

  @Column({ name: 'hired_on', type: 'date' })
  hiredOn: string;

  /** The day the person left the post, when known (a public-welfare post's subsidy ends then). */
  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;

  /** The person's key groups on the hire date (derived and verified). */
  @Column({ name: 'key_groups', type: 'text', array: true, default: '{}' })
  keyGroups: string[];

  @Column({ name: 'rural_labour_transfer', type: 'boolean' })
  ruralLabourTransfer: boolean;

  @Column({ name: 'urban_new_employment', type: 'boolean' })
  urbanNewEmployment: boolean;

  @Column({ name: 'difficulty_reemployment', type: 'boolean' })
  difficultyReemployment: boolean;

  @Column({ name: 'confirmed_by', type: 'uuid' })
  confirmedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

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
import { type ApplicationStatus } from '../application-status';

/** One seeker's application to one vacancy; kept (anonymised) after the seeker leaves. */
@Entity('applications')
@Index('applications_employer', ['employerId', 'vacancyId', 'status'])
@Index('applications_seeker', ['seekerProfileId', 'createdAt'])
@Unique('applications_vacancy_id_seeker_profile_id_key', ['vacancyId', 'seekerProfileId'])
@Check(
  'applications_status_check',
  `status IN ('applied', 'viewed', 'interviewing', 'intent', 'hired', 'rejected', 'withdrawn')`,
)
@ForeignKey('EmployerEntity', ['employerId'], ['id'], { name: 'applications_employer_id_fkey' })
@ForeignKey('FairEntity', ['fairId'], ['id'], { name: 'applications_fair' })
@ForeignKey('SeekerProfileEntity', ['seekerProfileId'], ['id'], {
  name: 'applications_seeker_profile_id_fkey',
})
@ForeignKey('UserEntity', ['seekerUserId'], ['id'], { name: 'applications_seeker_user_id_fkey' })
@ForeignKey('VacancyEntity', ['vacancyId'], ['id'], { name: 'applications_vacancy_id_fkey' })
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'vacancy_id', type: 'uuid' })
  vacancyId: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ name: 'seeker_profile_id', type: 'uuid' })
  seekerProfileId: string;

  @Column({ name: 'seeker_user_id', type: 'uuid' })
  seekerUserId: string;

  @Column({ type: 'varchar', length: 16, default: 'applied' })
  status: ApplicationStatus;

  /** The fair the application was made at, if any. */
  @Column({ name: 'fair_id', type: 'uuid', nullable: true })
  fairId: string | null;

  @Column({ name: 'cover_note', type: 'varchar', length: 500, nullable: true })
  coverNote: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', default: () => 'now()' })
  statusChangedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { type ApplicationStatus } from '../application-status';

/** One seeker's application to one vacancy; kept (anonymised) after the seeker leaves. */
@Entity('applications')
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

import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * resume: an employer opened the résumé (the reason is the purpose); export: the person's own
 * copy; messages: staff read the person's message threads (a report, messages held for review).
 */
export type PiiField = 'id_number' | 'phone' | 'export' | 'resume' | 'messages';

/** One reveal of a person's ID number, phone or résumé: who, whose, which field, why, when. */
@Entity('pii_access_log')
@Index('pii_access_log_subject', ['subjectProfileId', 'createdAt'])
@Check(
  'pii_access_log_field_check',
  `field IN ('id_number', 'phone', 'export', 'resume', 'messages')`,
)
@ForeignKey('SeekerProfileEntity', ['subjectProfileId'], ['id'], {
  name: 'pii_access_log_subject_profile_id_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey('UserEntity', ['actorUserId'], ['id'], { name: 'pii_access_log_actor_user_id_fkey' })
@ForeignKey('UserEntity', ['subjectUserId'], ['id'], {
  name: 'pii_access_log_subject_user_id_fkey',
})
export class PiiAccessLogEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'actor_user_id', type: 'uuid' })
  actorUserId: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole: string;

  @Column({ name: 'subject_profile_id', type: 'uuid' })
  subjectProfileId: string;

  @Column({ name: 'subject_user_id', type: 'uuid' })
  subjectUserId: string;

  @Column({ type: 'varchar', length: 16 })
  field: PiiField;

  @Column({ type: 'varchar', length: 200 })
  purpose: string;

  @Column({ type: 'varchar', length: 200 })
  route: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

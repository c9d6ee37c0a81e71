import { Check, Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { type DeclaredKeyGroup } from '../key-groups';

export type DeclarationStatus = 'declared' | 'verified' | 'rejected';

/** A key group the person or staff declared; it counts only once staff verified it. */
@Entity('seeker_key_groups')
@Unique('seeker_key_groups_profile_id_code_key', ['profileId', 'code'])
@Check('seeker_key_groups_status_check', `status IN ('declared', 'verified', 'rejected')`)
@ForeignKey('SeekerProfileEntity', ['profileId'], ['id'], {
  name: 'seeker_key_groups_profile_id_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey('UserEntity', ['declaredBy'], ['id'], { name: 'seeker_key_groups_declared_by_fkey' })
@ForeignKey('UserEntity', ['verifiedBy'], ['id'], { name: 'seeker_key_groups_verified_by_fkey' })
export class SeekerKeyGroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'profile_id', type: 'uuid' })
  profileId: string;

  @Column({ type: 'varchar', length: 32 })
  code: DeclaredKeyGroup;

  @Column({ type: 'varchar', length: 16, default: 'declared' })
  status: DeclarationStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ name: 'declared_by', type: 'uuid' })
  declaredBy: string;

  @Column({ name: 'declared_at', type: 'timestamptz', default: () => 'now()' })
  declaredAt: Date;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;
}

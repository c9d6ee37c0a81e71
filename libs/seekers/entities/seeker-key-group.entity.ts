import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { type DeclaredKeyGroup } from '../key-groups';

export type DeclarationStatus = 'declared' | 'verified' | 'rejected';

/** A key group the person or staff declared; it counts only once staff verified it. */
@Entity('seeker_key_groups')
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

import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

export type EmployerMemberRole = 'owner' | 'recruiter';

/** A user's seat at an employer; the user id is the key, so a user has at most one employer. */
@Entity('employer_members')
@Index('employer_members_employer', ['employerId'])
@Check('employer_members_role_check', `role IN ('owner', 'recruiter')`)
@ForeignKey('EmployerEntity', ['employerId'], ['id'], {
  name: 'employer_members_employer_id_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey('UserEntity', ['invitedBy'], ['id'], { name: 'employer_members_invited_by_fkey' })
@ForeignKey('UserEntity', ['userId'], ['id'], {
  name: 'employer_members_user_id_fkey',
  onDelete: 'CASCADE',
})
export class EmployerMemberEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ type: 'varchar', length: 16 })
  role: EmployerMemberRole;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type EmployerMemberRole = 'owner' | 'recruiter';

/** A user's seat at an employer; the user id is the key, so a user has at most one employer. */
@Entity('employer_members')
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

import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** Who did what to an employer and when: registration, verification, members, suspension. */
@Entity('employer_history')
@Index('employer_history_employer', ['employerId', 'id'])
@ForeignKey('EmployerEntity', ['employerId'], ['id'], {
  name: 'employer_history_employer_id_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey('UserEntity', ['actorUserId'], ['id'], { name: 'employer_history_actor_user_id_fkey' })
export class EmployerHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16, nullable: true })
  toStatus: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

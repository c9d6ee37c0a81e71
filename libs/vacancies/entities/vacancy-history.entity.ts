import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** Who did what to a vacancy, when, and why. */
@Entity('vacancy_history')
@Index('vacancy_history_vacancy', ['vacancyId', 'id'])
@ForeignKey('UserEntity', ['actorUserId'], ['id'], { name: 'vacancy_history_actor_user_id_fkey' })
@ForeignKey('VacancyEntity', ['vacancyId'], ['id'], {
  name: 'vacancy_history_vacancy_id_fkey',
  onDelete: 'CASCADE',
})
export class VacancyHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'vacancy_id', type: 'uuid' })
  vacancyId: string;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16, nullable: true })
  toStatus: string | null;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

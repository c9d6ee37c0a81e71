import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { type ApplicationStatus } from '../application-status';

@Entity('application_history')
@Index('application_history_application', ['applicationId', 'id'])
@ForeignKey('ApplicationEntity', ['applicationId'], ['id'], {
  name: 'application_history_application_id_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey('UserEntity', ['actorUserId'], ['id'], {
  name: 'application_history_actor_user_id_fkey',
})
export class ApplicationHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: ApplicationStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: ApplicationStatus;

  @Column({ name: 'actor_user_id', type: 'uuid' })
  actorUserId: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

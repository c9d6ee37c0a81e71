import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

export type SmsStatus = 'none' | 'pending' | 'sent' | 'failed';

/** An in-app message to one user; dedupe_key makes sending it twice harmless. */
@Entity('notifications')
@Index('notifications_user_created', ['userId', 'createdAt'])
@ForeignKey('UserEntity', ['printedBy'], ['id'], { name: 'notifications_printed_by_fkey' })
@ForeignKey('UserEntity', ['userId'], ['id'], {
  name: 'notifications_user_id_fkey',
  onDelete: 'CASCADE',
})
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  link: string | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, unique: true })
  dedupeKey: string;

  @Column({ name: 'sms_status', type: 'varchar', length: 16, default: 'none' })
  smsStatus: SmsStatus;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** Printed at the window for a person without a phone (a paper notice). */
  @Column({ name: 'printed_at', type: 'timestamptz', nullable: true })
  printedAt: Date | null;

  @Column({ name: 'printed_by', type: 'uuid', nullable: true })
  printedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

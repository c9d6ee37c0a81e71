import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A seeker's saved search: the worker sends a daily digest of new ads that match it. */
@Entity('job_alerts')
@Index('job_alerts_active_seeker', { synchronize: false })
export class JobAlertEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'seeker_user_id', type: 'uuid' })
  seekerUserId: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  keyword: string | null;

  @Column({ name: 'township_code', type: 'varchar', length: 12, nullable: true })
  townshipCode: string | null;

  /** With a township: ads within this distance of it, not only in it. */
  @Column({ name: 'radius_km', type: 'int', nullable: true })
  radiusKm: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  kind: string | null;

  /** Monthly pay at least this (day and hour rates are compared as a month of work). */
  @Column({ name: 'pay_min', type: 'int', nullable: true })
  payMin: number | null;

  @Column({ type: 'boolean', default: false })
  sms: boolean;

  /** The one-tap unsubscribe link carries this instead of a login. */
  @Column({ name: 'unsubscribe_token', type: 'varchar', length: 43, unique: true })
  unsubscribeToken: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

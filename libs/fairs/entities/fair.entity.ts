import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const FAIR_MODES = ['online', 'offline', 'hybrid'] as const;
export type FairMode = (typeof FAIR_MODES)[number];

export const FAIR_STATUSES = [
  'draft',
  'registration_open',
  'ongoing',
  'ended',
  'cancelled',
] as const;
export type FairStatus = (typeof FAIR_STATUSES)[number];

/** 招聘会: online (直播带岗), offline (venue with numbered booths) or both. */
@Entity('fairs')
@Index('fairs_starts_at', ['startsAt', 'townshipCode'])
@Check('fairs_booth_count_check', '(booth_count >= 0)')
@Check('fairs_check', '(ends_at > starts_at)')
@Check(
  'fairs_check1',
  `(((mode)::text = 'online'::text) OR ((venue IS NOT NULL) AND (township_code IS NOT NULL)))`,
)
@Check('fairs_mode_check', `mode IN ('online', 'offline', 'hybrid')`)
@Check(
  'fairs_status_check',
  `status IN ('draft', 'registration_open', 'ongoing', 'ended', 'cancelled')`,
)
@ForeignKey('UserEntity', ['createdBy'], ['id'], { name: 'fairs_created_by_fkey' })
export class FairEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  /** 春风行动, 民营企业招聘月, 高校毕业生专场 … */
  @Column({ type: 'varchar', length: 50, nullable: true })
  campaign: string | null;

  @Column({ type: 'varchar', length: 8 })
  mode: FairMode;

  @Column({ type: 'varchar', length: 200, nullable: true })
  venue: string | null;

  @Column({ name: 'township_code', type: 'varchar', length: 12, nullable: true })
  townshipCode: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'booth_count', type: 'int', default: 0 })
  boothCount: number;

  @Column({ name: 'target_key_groups', type: 'text', array: true, default: '{}' })
  targetKeyGroups: string[];

  @Column({ name: 'live_stream_url', type: 'varchar', length: 500, nullable: true })
  liveStreamUrl: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: FairStatus;

  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  /** The bureau ledger's number for a fair brought in by import: a second upload finds it. */
  @Column({ name: 'import_key', type: 'varchar', length: 64, nullable: true, unique: true })
  importKey: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type Role = 'seeker' | 'employer' | 'staff' | 'admin';
export const ROLES: Role[] = ['seeker', 'employer', 'staff', 'admin'];
export type UserStatus = 'active' | 'disabled' | 'deleted';

@Entity('users')
@Check('users_role_check', `role IN ('seeker', 'employer', 'staff', 'admin')`)
@Check('users_status_check', `status IN ('active', 'disabled', 'deleted')`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Keyed hash of the phone, for lookups; the phone itself is only stored encrypted. */
  @Column({ name: 'phone_index', type: 'varchar', length: 64, unique: true, nullable: true })
  phoneIndex: string | null;

  @Column({ name: 'phone_cipher', type: 'text', nullable: true })
  phoneCipher: string | null;

  /** Null for a profile registered by staff that its owner has not claimed yet. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  /** For staff: the township they serve; null means county-wide. */
  @Column({ name: 'township_code', type: 'varchar', length: 12, nullable: true })
  townshipCode: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: UserStatus;

  @Column({ name: 'sms_opt_in', type: 'boolean', default: true })
  smsOptIn: boolean;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

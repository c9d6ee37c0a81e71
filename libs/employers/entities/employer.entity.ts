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

export type EmployerStatus = 'pending' | 'verified' | 'rejected' | 'suspended';
export const EMPLOYER_SIZES = ['lt20', '20_99', '100_299', '300_999', 'gte1000'] as const;
export type EmployerSize = (typeof EMPLOYER_SIZES)[number];

/** Business-licence details as the company declares them; staff check them when verifying. */
export interface EmployerLicence {
  legalRepresentative: string;
  registeredCapital?: string;
  establishedOn?: string;
  businessScope?: string;
  validUntil?: string;
}

@Entity('employers')
@Index('employers_status', ['status', 'townshipCode'])
@Index('employers_hidden_from_public', { synchronize: false })
@Check('employers_status_check', `status IN ('pending', 'verified', 'rejected', 'suspended')`)
@ForeignKey('UserEntity', ['ownerUserId'], ['id'], { name: 'employers_owner_user_id_fkey' })
@ForeignKey('UserEntity', ['statusChangedBy'], ['id'], { name: 'employers_status_changed_by_fkey' })
export class EmployerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'credit_code', type: 'varchar', length: 18, unique: true })
  creditCode: string;

  @Column({ type: 'varchar', length: 50 })
  industry: string;

  @Column({ type: 'varchar', length: 16 })
  size: EmployerSize;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ name: 'township_code', type: 'varchar', length: 12 })
  townshipCode: string;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  @Column({ name: 'contact_name', type: 'varchar', length: 50 })
  contactName: string;

  /** The contact's phone, encrypted (PIPL); responses show it masked. */
  @Column({ name: 'contact_phone_cipher', type: 'text' })
  contactPhoneCipher: string;

  @Column({ type: 'jsonb', default: {} })
  licence: EmployerLicence;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: EmployerStatus;

  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  @Column({ name: 'status_changed_by', type: 'uuid', nullable: true })
  statusChangedBy: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  @Column({ name: 'owner_user_id', type: 'uuid' })
  ownerUserId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

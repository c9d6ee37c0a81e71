import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SmsCodePurpose = 'register' | 'login' | 'reset_password' | 'claim';
export const SMS_CODE_PURPOSES: SmsCodePurpose[] = ['register', 'login', 'reset_password', 'claim'];

@Entity('sms_codes')
@Index('sms_codes_lookup', ['phoneIndex', 'purpose'])
export class SmsCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'phone_index', type: 'varchar', length: 64 })
  phoneIndex: string;

  @Column({ type: 'varchar', length: 16 })
  purpose: SmsCodePurpose;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true })
  consumedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

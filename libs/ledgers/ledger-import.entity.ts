import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** One upload of the bureau's ledgers: who, which file, what it did. The import's audit trail. */
@Entity('ledger_imports')
@Index('ledger_imports_created', { synchronize: false })
@Check('ledger_imports_mode_check', `mode IN ('all_or_nothing', 'row_by_row')`)
@Check('ledger_imports_outcome_check', `outcome IN ('imported', 'refused')`)
@ForeignKey('UserEntity', ['actorUserId'], ['id'], { name: 'ledger_imports_actor_user_id_fkey' })
export class LedgerImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'actor_user_id', type: 'uuid' })
  actorUserId: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  /** The same file uploaded twice has the same digest. */
  @Column({ name: 'file_sha256', type: 'varchar', length: 64 })
  fileSha256: string;

  @Column({ type: 'varchar', length: 16 })
  mode: 'all_or_nothing' | 'row_by_row';

  @Column({ type: 'varchar', length: 16 })
  outcome: 'imported' | 'refused';

  @Column({ type: 'jsonb', default: {} })
  created: Record<string, number>;

  @Column({ type: 'jsonb', default: {} })
  existing: Record<string, number>;

  @Column({ name: 'error_count', type: 'int', default: 0 })
  errorCount: number;

  @Column({ name: 'duration_ms', type: 'int' })
  durationMs: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import of the bureau's ledgers (台账): a fair is recognised again by the
 * ledger's number, each import is recorded (who, which file, what it did),
 * public-welfare posts carry their monthly subsidy standard and a placement
 * the day the person left the post, for the subsidy payment list.
 */
export class LedgerImports1765200000100 implements MigrationInterface {
  name = 'LedgerImports1765200000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table fairs add column import_key varchar(64) unique`);
    await db.query(
      `alter table vacancies add column monthly_subsidy numeric(10, 2) check (monthly_subsidy >= 0)`,
    );
    await db.query(`alter table placements add column left_on date`);
    await db.query(
      `alter table placements add constraint placements_left_after_hire check (left_on >= hired_on)`,
    );
    await db.query(`
      create table ledger_imports (
        id uuid primary key default gen_random_uuid(),
        actor_user_id uuid not null references users (id),
        actor_role varchar(16) not null,
        file_name varchar(255) not null,
        file_sha256 varchar(64) not null,
        mode varchar(16) not null check (mode in ('all_or_nothing', 'row_by_row')),
        outcome varchar(16) not null check (outcome in ('imported', 'refused')),
        created jsonb not null default '{}',
        existing jsonb not null default '{}',
        error_count int not null default 0,
        duration_ms int not null,
        created_at timestamptz not null default now()
      )`);
    await db.query(`create index ledger_imports_created on ledger_imports (created_at desc)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table ledger_imports`);
    await db.query(`alter table placements drop constraint placements_left_after_hire`);
    await db.query(`alter table placements drop column left_on`);
    await db.query(`alter table vacancies drop column monthly_subsidy`);
    await db.query(`alter table fairs drop column import_key`);
  }
}

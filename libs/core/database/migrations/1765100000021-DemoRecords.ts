import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Demo data is marked in the database, so staff can see it and remove it, and
 * figures are never mixed with it unknowingly.
 */
export class DemoRecords1765100000021 implements MigrationInterface {
  name = 'DemoRecords1765100000021';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table demo_records (
        kind varchar(32) not null,
        record_id uuid not null,
        marked_at timestamptz not null default now(),
        primary key (kind, record_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table demo_records`);
  }
}

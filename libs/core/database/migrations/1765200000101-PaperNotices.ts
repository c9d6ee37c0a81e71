import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People registered at the window without a phone get their notifications on
 * paper: the window prints them and records when and by whom, so each notice
 * is printed once.
 */
export class PaperNotices1765200000101 implements MigrationInterface {
  name = 'PaperNotices1765200000101';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table notifications add column printed_at timestamptz`);
    await db.query(`alter table notifications add column printed_by uuid references users (id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table notifications drop column printed_by`);
    await db.query(`alter table notifications drop column printed_at`);
  }
}

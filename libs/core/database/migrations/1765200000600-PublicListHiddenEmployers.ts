import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public list and page hide the vacancies of suspended and rejected
 * employers with an anti-join against these few rows (issue 23), instead of
 * joining every employer: tiny at any size, so the check costs the same at a
 * province's 80,000 employers as at a county's 800.
 */
export class PublicListHiddenEmployers1765200000600 implements MigrationInterface {
  name = 'PublicListHiddenEmployers1765200000600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `create index employers_hidden_from_public on employers (id) where status in ('suspended', 'rejected')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index employers_hidden_from_public`);
  }
}

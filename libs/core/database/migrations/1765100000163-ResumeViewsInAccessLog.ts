import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An employer opening a résumé is logged too (field 'resume', the reason as
 * purpose), so that the person sees who read it and why, next to the reveals.
 */
export class ResumeViewsInAccessLog1765100000163 implements MigrationInterface {
  name = 'ResumeViewsInAccessLog1765100000163';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table pii_access_log drop constraint pii_access_log_field_check`);
    await db.query(
      `alter table pii_access_log add constraint pii_access_log_field_check
         check (field in ('id_number', 'phone', 'export', 'resume'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`delete from pii_access_log where field = 'resume'`);
    await db.query(`alter table pii_access_log drop constraint pii_access_log_field_check`);
    await db.query(
      `alter table pii_access_log add constraint pii_access_log_field_check
         check (field in ('id_number', 'phone', 'export'))`,
    );
  }
}

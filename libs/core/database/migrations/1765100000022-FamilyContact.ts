import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People without a phone of their own are registered at the window by ID with
 * consent; a family member's phone may be kept (encrypted) as their contact,
 * and the window registers them for fairs and prints their ticket (source window).
 */
export class FamilyContact1765100000022 implements MigrationInterface {
  name = 'FamilyContact1765100000022';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table seeker_profiles add column contact_phone_cipher text`);
    await db.query(`alter table seeker_profiles add column contact_relation varchar(20)`);
    await db.query(
      `alter table fair_registrations drop constraint fair_registrations_source_check`,
    );
    await db.query(`alter table fair_registrations add constraint fair_registrations_source_check
      check (source in ('online', 'walk_in', 'window'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`update fair_registrations set source = 'walk_in' where source = 'window'`);
    await db.query(
      `alter table fair_registrations drop constraint fair_registrations_source_check`,
    );
    await db.query(`alter table fair_registrations add constraint fair_registrations_source_check
      check (source in ('online', 'walk_in'))`);
    await db.query(`alter table seeker_profiles drop column contact_relation`);
    await db.query(`alter table seeker_profiles drop column contact_phone_cipher`);
  }
}

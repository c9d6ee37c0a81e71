import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Placement intents (就业意向), one per seeker and vacancy, with their follow-up,
 * and the placements (实际就业) confirmed hires become. Applications remember the
 * fair they were made at.
 */
export class PlacementIntents1764600000000 implements MigrationInterface {
  name = 'PlacementIntents1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table applications add column fair_id uuid`);
    await db.query(
      `create index applications_fair on applications (fair_id) where fair_id is not null`,
    );

    await db.query(`
      create table placement_intents (
        id uuid primary key default gen_random_uuid(),
        seeker_user_id uuid not null references users (id),
        seeker_profile_id uuid references seeker_profiles (id),
        vacancy_id uuid not null references vacancies (id),
        employer_id uuid not null references employers (id),
        township_code varchar(12) not null,
        source varchar(16) not null check (source in ('application', 'fair_booth', 'staff')),
        fair_id uuid,
        application_id uuid references applications (id),
        recorded_by uuid not null references users (id),
        recorded_by_role varchar(16) not null,
        recorded_at timestamptz not null default now(),
        follow_up_due_on date not null,
        outcome varchar(16) check (outcome in ('hired', 'fell_through')),
        outcome_note varchar(500),
        outcome_by uuid references users (id),
        outcome_at timestamptz,
        unique (seeker_user_id, vacancy_id)
      )`);
    await db.query(
      `create index placement_intents_follow_up on placement_intents (follow_up_due_on) where outcome is null`,
    );
    await db.query(`create index placement_intents_employer on placement_intents (employer_id)`);
    await db.query(
      `create index placement_intents_fair on placement_intents (fair_id) where fair_id is not null`,
    );

    await db.query(`
      create table placements (
        id uuid primary key default gen_random_uuid(),
        intent_id uuid not null unique references placement_intents (id),
        seeker_user_id uuid not null references users (id),
        seeker_profile_id uuid references seeker_profiles (id),
        vacancy_id uuid not null references vacancies (id),
        employer_id uuid not null references employers (id),
        township_code varchar(12) not null,
        workplace_township_code varchar(12) not null,
        hired_on date not null,
        key_groups text[] not null default '{}',
        rural_labour_transfer boolean not null,
        urban_new_employment boolean not null,
        difficulty_reemployment boolean not null,
        confirmed_by uuid not null references users (id),
        created_at timestamptz not null default now()
      )`);
    await db.query(`create index placements_hired_on on placements (hired_on, township_code)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table placements`);
    await db.query(`drop table placement_intents`);
    await db.query(`drop index applications_fair`);
    await db.query(`alter table applications drop column fair_id`);
  }
}

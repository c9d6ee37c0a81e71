import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seeker profiles (résumés), their declared key groups and the audit log of
 * every reveal of personal information. Derived key groups are not stored:
 * they follow from birth_date, gender, household and graduation dates.
 */
export class Seekers1764400000000 implements MigrationInterface {
  name = 'Seekers1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table seeker_profiles (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null unique references users (id),
        name varchar(50) not null,
        gender varchar(8) not null check (gender in ('male', 'female')),
        birth_date date not null,
        id_number_cipher text,
        id_number_index varchar(64) unique,
        household varchar(8) not null check (household in ('urban', 'rural')),
        township_code varchar(12) not null,
        village_code varchar(12),
        education jsonb not null default '[]',
        first_college_graduation_date date,
        work_history jsonb not null default '[]',
        skills text[] not null default '{}',
        certificates text[] not null default '{}',
        desired_occupations text[] not null default '{}',
        desired_townships text[] not null default '{}',
        desired_pay_min int,
        desired_pay_max int,
        available_from date,
        employment_status varchar(16) not null
          check (employment_status in ('unemployed', 'employed', 'flexible', 'student')),
        visibility varchar(8) not null default 'open' check (visibility in ('open', 'hidden')),
        recommendation_opt_out boolean not null default false,
        registered_by uuid references users (id),
        consent_method varchar(24) check (consent_method in ('signed_paper', 'verbal_witnessed')),
        consent_witness varchar(50),
        consent_reference varchar(100),
        consent_recorded_by uuid references users (id),
        consent_recorded_at timestamptz,
        updated_by uuid references users (id),
        anonymised_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (desired_pay_min is null or desired_pay_max is null or desired_pay_min <= desired_pay_max)
      )`);
    await db.query(
      `create index seeker_profiles_township on seeker_profiles (township_code, birth_date) where anonymised_at is null`,
    );
    await db.query(
      `create index seeker_profiles_graduation on seeker_profiles (first_college_graduation_date) where first_college_graduation_date is not null`,
    );

    await db.query(`
      create table seeker_key_groups (
        id uuid primary key default gen_random_uuid(),
        profile_id uuid not null references seeker_profiles (id) on delete cascade,
        code varchar(32) not null,
        status varchar(16) not null default 'declared' check (status in ('declared', 'verified', 'rejected')),
        note varchar(200),
        declared_by uuid not null references users (id),
        declared_at timestamptz not null default now(),
        verified_by uuid references users (id),
        verified_at timestamptz,
        unique (profile_id, code)
      )`);

    await db.query(`
      create table pii_access_log (
        id bigint generated always as identity primary key,
        actor_user_id uuid not null references users (id),
        actor_role varchar(16) not null,
        subject_profile_id uuid not null references seeker_profiles (id) on delete cascade,
        subject_user_id uuid not null references users (id),
        field varchar(16) not null check (field in ('id_number', 'phone', 'export')),
        purpose varchar(200) not null,
        route varchar(200) not null,
        created_at timestamptz not null default now()
      )`);
    await db.query(
      `create index pii_access_log_subject on pii_access_log (subject_profile_id, created_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table pii_access_log`);
    await db.query(`drop table seeker_key_groups`);
    await db.query(`drop table seeker_profiles`);
  }
}

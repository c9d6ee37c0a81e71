import { MigrationInterface, QueryRunner } from 'typeorm';

/** Employers with their recruiters, vacancies with their history, and staff review. */
export class EmployersVacancies1764300000000 implements MigrationInterface {
  name = 'EmployersVacancies1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table employers (
        id uuid primary key default gen_random_uuid(),
        name varchar(100) not null,
        credit_code varchar(18) not null unique,
        industry varchar(50) not null,
        size varchar(16) not null,
        address varchar(200) not null,
        township_code varchar(12) not null,
        lat double precision,
        lng double precision,
        contact_name varchar(50) not null,
        contact_phone_cipher text not null,
        licence jsonb not null default '{}',
        status varchar(16) not null default 'pending'
          check (status in ('pending', 'verified', 'rejected', 'suspended')),
        status_reason varchar(500),
        status_changed_by uuid references users (id),
        status_changed_at timestamptz,
        owner_user_id uuid not null references users (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create index employers_status on employers (status, township_code)`);

    // One row per user: a user belongs to at most one employer.
    await db.query(`
      create table employer_members (
        user_id uuid primary key references users (id) on delete cascade,
        employer_id uuid not null references employers (id) on delete cascade,
        role varchar(16) not null check (role in ('owner', 'recruiter')),
        invited_by uuid references users (id),
        created_at timestamptz not null default now()
      )`);
    await db.query(`create index employer_members_employer on employer_members (employer_id)`);

    await db.query(`
      create table employer_history (
        id bigint generated always as identity primary key,
        employer_id uuid not null references employers (id) on delete cascade,
        action varchar(32) not null,
        from_status varchar(16),
        to_status varchar(16),
        reason varchar(500),
        actor_user_id uuid references users (id),
        created_at timestamptz not null default now()
      )`);
    await db.query(`create index employer_history_employer on employer_history (employer_id, id)`);

    await db.query(`
      create table vacancies (
        id uuid primary key default gen_random_uuid(),
        employer_id uuid not null references employers (id) on delete cascade,
        title varchar(100) not null,
        occupation_code varchar(20) not null,
        description text not null,
        requirements text not null default '',
        kind varchar(16) not null check (kind in ('regular', 'public_welfare', 'internship', 'gig')),
        headcount int not null check (headcount > 0),
        pay_min numeric(12, 2) not null,
        pay_max numeric(12, 2) not null,
        pay_unit varchar(8) not null check (pay_unit in ('month', 'day', 'hour', 'piece')),
        education varchar(16) not null default 'any',
        age_min int,
        age_max int,
        experience_years int not null default 0,
        welfare_tags text[] not null default '{}',
        shift_pattern varchar(16),
        township_code varchar(12) not null,
        address varchar(200) not null,
        lat double precision,
        lng double precision,
        contact_name varchar(50) not null,
        contact_phone_cipher text not null,
        start_date date not null,
        expires_at date not null,
        target_key_groups text[] not null default '{}',
        eligibility jsonb,
        status varchar(16) not null default 'draft' check (status in
          ('draft', 'pending_review', 'published', 'paused', 'closed', 'filled', 'expired')),
        review_flags jsonb not null default '[]',
        review_note varchar(500),
        version int not null default 1,
        import_key varchar(64) unique,
        created_by uuid references users (id),
        published_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (pay_min <= pay_max),
        check (expires_at >= start_date)
      )`);
    await db.query(`create index vacancies_employer on vacancies (employer_id, status)`);
    await db.query(
      `create index vacancies_published on vacancies (published_at desc) where status = 'published'`,
    );
    await db.query(
      `create index vacancies_expiring on vacancies (expires_at) where status in ('published', 'paused', 'pending_review')`,
    );

    await db.query(`
      create table vacancy_history (
        id bigint generated always as identity primary key,
        vacancy_id uuid not null references vacancies (id) on delete cascade,
        action varchar(32) not null,
        from_status varchar(16),
        to_status varchar(16),
        version int not null,
        reason varchar(500),
        actor_user_id uuid references users (id),
        created_at timestamptz not null default now()
      )`);
    await db.query(`create index vacancy_history_vacancy on vacancy_history (vacancy_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table vacancy_history`);
    await db.query(`drop table vacancies`);
    await db.query(`drop table employer_history`);
    await db.query(`drop table employer_members`);
    await db.query(`drop table employers`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Applications of seekers to vacancies with their status history, and favourites. */
export class Applications1764400000001 implements MigrationInterface {
  name = 'Applications1764400000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table applications (
        id uuid primary key default gen_random_uuid(),
        vacancy_id uuid not null references vacancies (id),
        employer_id uuid not null references employers (id),
        seeker_profile_id uuid not null references seeker_profiles (id),
        seeker_user_id uuid not null references users (id),
        status varchar(16) not null default 'applied' check (status in
          ('applied', 'viewed', 'interviewing', 'intent', 'hired', 'rejected', 'withdrawn')),
        cover_note varchar(500),
        status_changed_at timestamptz not null default now(),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (vacancy_id, seeker_profile_id)
      )`);
    await db.query(
      `create index applications_employer on applications (employer_id, vacancy_id, status)`,
    );
    await db.query(
      `create index applications_seeker on applications (seeker_profile_id, created_at)`,
    );

    await db.query(`
      create table application_history (
        id bigint generated always as identity primary key,
        application_id uuid not null references applications (id) on delete cascade,
        from_status varchar(16),
        to_status varchar(16) not null,
        actor_user_id uuid not null references users (id),
        actor_role varchar(16) not null,
        note varchar(500),
        created_at timestamptz not null default now()
      )`);
    await db.query(
      `create index application_history_application on application_history (application_id, id)`,
    );

    await db.query(`
      create table vacancy_favourites (
        seeker_profile_id uuid not null references seeker_profiles (id) on delete cascade,
        vacancy_id uuid not null references vacancies (id) on delete cascade,
        created_at timestamptz not null default now(),
        primary key (seeker_profile_id, vacancy_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table vacancy_favourites`);
    await db.query(`drop table application_history`);
    await db.query(`drop table applications`);
  }
}

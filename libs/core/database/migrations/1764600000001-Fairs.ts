import { MigrationInterface, QueryRunner } from 'typeorm';

/** Job fairs: booths with the vacancies they bring, registrations with tickets and check-ins. */
export class Fairs1764600000001 implements MigrationInterface {
  name = 'Fairs1764600000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table fairs (
        id uuid primary key default gen_random_uuid(),
        title varchar(100) not null,
        campaign varchar(50),
        mode varchar(8) not null check (mode in ('online', 'offline', 'hybrid')),
        venue varchar(200),
        township_code varchar(12),
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        booth_count int not null default 0 check (booth_count >= 0),
        target_key_groups text[] not null default '{}',
        live_stream_url varchar(500),
        description varchar(2000),
        status varchar(20) not null default 'draft' check (status in
          ('draft', 'registration_open', 'ongoing', 'ended', 'cancelled')),
        status_reason varchar(500),
        created_by uuid not null references users (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (ends_at > starts_at),
        check (mode = 'online' or (venue is not null and township_code is not null))
      )`);
    await db.query(`create index fairs_starts_at on fairs (starts_at, township_code)`);

    await db.query(`
      create table fair_booths (
        id uuid primary key default gen_random_uuid(),
        fair_id uuid not null references fairs (id) on delete cascade,
        employer_id uuid not null references employers (id),
        status varchar(16) not null default 'pending'
          check (status in ('pending', 'approved', 'refused', 'cancelled')),
        booth_number int check (booth_number > 0),
        decision_note varchar(500),
        applied_by uuid not null references users (id),
        decided_by uuid references users (id),
        decided_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    // No two employers in one booth; a cancelled or refused booth frees its number.
    await db.query(
      `create unique index fair_booths_number on fair_booths (fair_id, booth_number) where status = 'approved'`,
    );
    await db.query(`create index fair_booths_fair on fair_booths (fair_id, status)`);
    await db.query(`create index fair_booths_employer on fair_booths (employer_id, fair_id)`);

    await db.query(`
      create table fair_booth_vacancies (
        booth_id uuid not null references fair_booths (id) on delete cascade,
        vacancy_id uuid not null references vacancies (id),
        fair_id uuid not null references fairs (id) on delete cascade,
        primary key (booth_id, vacancy_id)
      )`);
    await db.query(
      `create index fair_booth_vacancies_fair on fair_booth_vacancies (fair_id, vacancy_id)`,
    );

    await db.query(`
      create table fair_registrations (
        id uuid primary key default gen_random_uuid(),
        fair_id uuid not null references fairs (id) on delete cascade,
        seeker_user_id uuid not null references users (id),
        ticket_code varchar(32) not null unique,
        source varchar(16) not null check (source in ('online', 'walk_in')),
        registered_at timestamptz not null default now(),
        checked_in_at timestamptz,
        checked_in_by uuid references users (id),
        unique (fair_id, seeker_user_id)
      )`);

    await db.query(
      `alter table placement_intents add constraint placement_intents_fair foreign key (fair_id) references fairs (id)`,
    );
    await db.query(
      `alter table applications add constraint applications_fair foreign key (fair_id) references fairs (id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table applications drop constraint applications_fair`);
    await db.query(`alter table placement_intents drop constraint placement_intents_fair`);
    await db.query(`drop table fair_registrations`);
    await db.query(`drop table fair_booth_vacancies`);
    await db.query(`drop table fair_booths`);
    await db.query(`drop table fairs`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 零工市场: gigs posted by employers, individuals and township staff; workers'
 * availability; offers sent in dispatch waves; acceptances with a wait list;
 * the day's record (check-in/out, pay), ratings and unpaid-wage reports.
 * Owned by libs/gigs alone.
 */
export class GigMarket1765200000300 implements MigrationInterface {
  name = 'GigMarket1765200000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`create table gigs (
      id uuid primary key default gen_random_uuid(),
      poster_kind varchar(12) not null check (poster_kind in ('employer', 'individual', 'staff')),
      poster_user_id uuid not null,
      employer_id uuid,
      on_behalf_name varchar(50),
      on_behalf_phone_cipher text,
      title varchar(60) not null,
      description text not null default '',
      pay_unit varchar(8) not null check (pay_unit in ('hour', 'day', 'piece')),
      pay_amount numeric(10, 2) not null check (pay_amount > 0),
      paid_same_day boolean not null default true,
      start_date date not null,
      end_date date not null,
      start_time time not null,
      hours_per_day numeric(4, 1) not null check (hours_per_day > 0 and hours_per_day <= 14),
      starts_at timestamptz not null,
      township_code varchar(12) not null,
      village_code varchar(12),
      address varchar(100),
      lat double precision not null,
      lng double precision not null,
      headcount int not null check (headcount between 1 and 200),
      accepted_count int not null default 0 check (accepted_count >= 0 and accepted_count <= headcount),
      skills text[] not null default '{}',
      physical_demand varchar(12) not null default 'light'
        check (physical_demand in ('light', 'moderate', 'heavy')),
      meals boolean not null default false,
      transport boolean not null default false,
      status varchar(16) not null default 'open'
        check (status in ('pending_review', 'open', 'filled', 'cancelled', 'rejected')),
      review_findings jsonb not null default '[]',
      cancel_reason varchar(200),
      cancelled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (end_date >= start_date)
    )`);
    await db.query(`create index gigs_township_date on gigs (township_code, start_date)`);
    await db.query(`create index gigs_poster_status on gigs (poster_user_id, status)`);
    await db.query(`create index gigs_status_date on gigs (status, start_date)`);

    await db.query(`create table gig_workers (
      user_id uuid primary key,
      seeker_profile_id uuid,
      name varchar(50) not null,
      township_code varchar(12) not null,
      village_code varchar(12),
      lat double precision not null,
      lng double precision not null,
      radius_km int not null check (radius_km between 1 and 100),
      skills text[] not null default '{}',
      available_dates date[] not null default '{}',
      weekdays smallint[] not null default '{}',
      active boolean not null default true,
      no_smartphone boolean not null default false,
      registered_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    await db.query(`create index gig_workers_place on gig_workers (lat, lng) where active`);
    await db.query(`create index gig_workers_township on gig_workers (township_code)`);

    await db.query(`create table gig_offers (
      gig_id uuid not null references gigs (id) on delete cascade,
      worker_user_id uuid not null,
      wave int not null,
      distance_km real not null,
      offered_at timestamptz not null default now(),
      primary key (gig_id, worker_user_id)
    )`);
    await db.query(`create index gig_offers_wave on gig_offers (gig_id, wave)`);

    await db.query(`create table gig_assignments (
      id uuid primary key default gen_random_uuid(),
      gig_id uuid not null references gigs (id) on delete cascade,
      worker_user_id uuid not null,
      status varchar(16) not null check (status in
        ('accepted', 'waitlisted', 'confirmed', 'cancelled', 'no_show', 'gig_cancelled')),
      source varchar(8) not null default 'app' check (source in ('app', 'window')),
      accepted_at timestamptz not null default now(),
      confirmed_at timestamptz,
      cancelled_at timestamptz,
      cancelled_late boolean not null default false,
      checked_in_at timestamptz,
      checked_in_by uuid,
      checked_out_at timestamptz,
      checked_out_by uuid,
      pay_amount numeric(10, 2),
      pay_status varchar(8) check (pay_status in ('paid', 'owed')),
      pay_recorded_at timestamptz,
      unique (gig_id, worker_user_id)
    )`);
    await db.query(
      `create index gig_assignments_worker on gig_assignments (worker_user_id, status)`,
    );
    await db.query(
      `create index gig_assignments_queue on gig_assignments (gig_id, status, accepted_at)`,
    );

    await db.query(`create table gig_ratings (
      assignment_id uuid not null references gig_assignments (id) on delete cascade,
      rater varchar(8) not null check (rater in ('poster', 'worker')),
      score smallint not null check (score between 1 and 5),
      comment varchar(200),
      created_at timestamptz not null default now(),
      primary key (assignment_id, rater)
    )`);

    await db.query(`create table gig_unpaid_reports (
      id uuid primary key default gen_random_uuid(),
      assignment_id uuid not null unique references gig_assignments (id) on delete cascade,
      gig_id uuid not null references gigs (id) on delete cascade,
      township_code varchar(12) not null,
      reported_by uuid not null,
      amount_owed numeric(10, 2) not null check (amount_owed > 0),
      note varchar(500) not null default '',
      status varchar(8) not null default 'open' check (status in ('open', 'handled')),
      created_at timestamptz not null default now()
    )`);
    await db.query(
      `create index gig_unpaid_township on gig_unpaid_reports (township_code, status)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'gig_unpaid_reports',
      'gig_ratings',
      'gig_assignments',
      'gig_offers',
      'gig_workers',
      'gigs',
    ])
      await db.query(`drop table ${table}`);
  }
}

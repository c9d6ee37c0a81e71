import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, sessions, SMS codes, rate limits, notifications and the outbox. */
export class Foundation1764201600000 implements MigrationInterface {
  name = 'Foundation1764201600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table outbox_events (
        id bigint generated always as identity primary key,
        type varchar(64) not null,
        aggregate_id varchar(64) not null,
        payload jsonb not null default '{}',
        created_at timestamptz not null default now(),
        delivered_at timestamptz
      )`);
    await db.query(
      `create index outbox_events_pending on outbox_events (id) where delivered_at is null`,
    );

    await db.query(`
      create table rate_limit_buckets (
        key varchar(200) not null,
        window_start timestamptz not null,
        expires_at timestamptz not null,
        hits int not null,
        primary key (key, window_start)
      )`);

    await db.query(`
      create table users (
        id uuid primary key default gen_random_uuid(),
        phone_index varchar(64) unique,
        phone_cipher text,
        password_hash text,
        role varchar(16) not null check (role in ('seeker', 'employer', 'staff', 'admin')),
        name varchar(50) not null,
        township_code varchar(12),
        status varchar(16) not null default 'active' check (status in ('active', 'disabled', 'deleted')),
        sms_opt_in boolean not null default true,
        last_login_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);

    await db.query(`
      create table refresh_sessions (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users (id) on delete cascade,
        token_hash varchar(64) not null,
        expires_at timestamptz not null,
        revoked_at timestamptz,
        revoke_reason varchar(32),
        created_at timestamptz not null default now(),
        rotated_at timestamptz
      )`);
    await db.query(`create index refresh_sessions_user on refresh_sessions (user_id)`);

    await db.query(`
      create table sms_codes (
        id uuid primary key default gen_random_uuid(),
        phone_index varchar(64) not null,
        purpose varchar(16) not null,
        code_hash varchar(64) not null,
        expires_at timestamptz not null,
        attempts int not null default 0,
        consumed_at timestamptz,
        created_at timestamptz not null default now()
      )`);
    await db.query(`create index sms_codes_lookup on sms_codes (phone_index, purpose)`);

    await db.query(`
      create table notifications (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users (id) on delete cascade,
        kind varchar(40) not null,
        title varchar(100) not null,
        body text not null,
        link varchar(200),
        dedupe_key varchar(200) not null unique,
        sms_status varchar(16) not null default 'none',
        read_at timestamptz,
        created_at timestamptz not null default now()
      )`);
    await db.query(
      `create index notifications_user_created on notifications (user_id, created_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table notifications`);
    await db.query(`drop table sms_codes`);
    await db.query(`drop table refresh_sessions`);
    await db.query(`drop table users`);
    await db.query(`drop table rate_limit_buckets`);
    await db.query(`drop table outbox_events`);
  }
}

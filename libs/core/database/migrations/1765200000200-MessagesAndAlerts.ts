import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seekers reach employers (issue 18): how each vacancy may be contacted and
 * the phone reveals counted per seeker; message threads about an application
 * or an intent (unread counters kept on the thread so both sides read them in
 * one indexed query), reports and audited staff reads; and job alerts.
 */
export class MessagesAndAlerts1765200000200 implements MigrationInterface {
  name = 'MessagesAndAlerts1765200000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table vacancies add column contact_mode varchar(16) not null
      default 'signed_in' check (contact_mode in ('signed_in', 'after_applying', 'messages_only'))`);
    await db.query(`create table contact_reveals (
      id bigserial primary key,
      seeker_user_id uuid not null,
      vacancy_id uuid not null,
      created_at timestamptz not null default now())`);
    await db.query(
      `create index contact_reveals_seeker on contact_reveals (seeker_user_id, vacancy_id, created_at)`,
    );
    await db.query(`create table message_threads (
      id uuid primary key default gen_random_uuid(),
      subject_kind varchar(24) not null,
      subject_id uuid not null,
      seeker_user_id uuid not null,
      employer_id uuid not null,
      title varchar(120) not null,
      seeker_unread int not null default 0,
      employer_unread int not null default 0,
      blocked_at timestamptz,
      last_message_at timestamptz,
      last_message_preview varchar(60),
      created_at timestamptz not null default now(),
      constraint message_threads_subject unique (subject_kind, subject_id))`);
    await db.query(`create index message_threads_seeker
      on message_threads (seeker_user_id, last_message_at desc) include (seeker_unread)`);
    await db.query(`create index message_threads_employer
      on message_threads (employer_id, last_message_at desc) include (employer_unread)`);
    await db.query(`create table messages (
      id uuid primary key default gen_random_uuid(),
      thread_id uuid not null references message_threads (id) on delete cascade,
      sender_user_id uuid not null,
      sender_side varchar(8) not null check (sender_side in ('seeker', 'employer')),
      kind varchar(16) not null check (kind in ('text', 'quick', 'invitation', 'invitation_reply')),
      body varchar(500) not null,
      invitation jsonb,
      status varchar(12) not null default 'visible' check (status in ('visible', 'held', 'rejected')),
      held_reason varchar(100),
      client_key varchar(64),
      read_at timestamptz,
      created_at timestamptz not null default now(),
      constraint messages_client_key unique (sender_user_id, client_key))`);
    await db.query(`create index messages_thread on messages (thread_id, created_at)`);
    await db.query(`create index messages_held on messages (created_at) where status = 'held'`);
    await db.query(`create table message_reports (
      id uuid primary key default gen_random_uuid(),
      thread_id uuid not null references message_threads (id) on delete cascade,
      reporter_user_id uuid not null,
      reason varchar(16) not null check (reason in ('harassment', 'fraud')),
      note varchar(500),
      status varchar(20) not null default 'open'
        check (status in ('open', 'dismissed', 'employer_suspended')),
      decided_by uuid,
      decided_at timestamptz,
      created_at timestamptz not null default now())`);
    await db.query(
      `create index message_reports_open on message_reports (created_at) where status = 'open'`,
    );
    await db.query(`create table message_staff_reads (
      id bigserial primary key,
      staff_user_id uuid not null,
      thread_id uuid not null,
      report_id uuid,
      purpose varchar(200) not null,
      created_at timestamptz not null default now())`);
    await db.query(`create table job_alerts (
      id uuid primary key default gen_random_uuid(),
      seeker_user_id uuid not null,
      keyword varchar(40),
      township_code varchar(12),
      radius_km int,
      kind varchar(16),
      pay_min int,
      sms boolean not null default false,
      unsubscribe_token varchar(43) not null unique,
      active boolean not null default true,
      created_at timestamptz not null default now())`);
    await db.query(
      `create index job_alerts_active_seeker on job_alerts (seeker_user_id) where active`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table job_alerts`);
    await db.query(`drop table message_staff_reads`);
    await db.query(`drop table message_reports`);
    await db.query(`drop table messages`);
    await db.query(`drop table message_threads`);
    await db.query(`drop table contact_reveals`);
    await db.query(`alter table vacancies drop column contact_mode`);
  }
}

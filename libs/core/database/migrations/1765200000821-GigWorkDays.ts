import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Multi-day gigs (issue 21): each working day of a place has its own
 * check-in, check-out and pay, one row per place and day. The single record
 * on gig_assignments moves here (its day is the check-in's China date).
 */
export class GigWorkDays1765200000821 implements MigrationInterface {
  name = 'GigWorkDays1765200000821';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`create table gig_work_days (
      assignment_id uuid not null references gig_assignments (id) on delete cascade,
      work_date date not null,
      checked_in_at timestamptz not null,
      checked_in_by uuid not null,
      checked_out_at timestamptz,
      checked_out_by uuid,
      pay_amount numeric(10, 2),
      pay_status varchar(8) check (pay_status in ('paid', 'owed')),
      pay_recorded_at timestamptz,
      primary key (assignment_id, work_date),
      check (checked_out_at is null or checked_out_at >= checked_in_at)
    )`);
    await db.query(`insert into gig_work_days (assignment_id, work_date, checked_in_at,
        checked_in_by, checked_out_at, checked_out_by, pay_amount, pay_status, pay_recorded_at)
      select id, (checked_in_at at time zone 'Asia/Shanghai')::date, checked_in_at,
        coalesce(checked_in_by, worker_user_id), checked_out_at, checked_out_by, pay_amount,
        pay_status, pay_recorded_at
      from gig_assignments where checked_in_at is not null`);
    await db.query(`alter table gig_assignments drop column checked_in_at,
      drop column checked_in_by, drop column checked_out_at, drop column checked_out_by,
      drop column pay_amount, drop column pay_status, drop column pay_recorded_at`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table gig_assignments add column checked_in_at timestamptz,
      add column checked_in_by uuid, add column checked_out_at timestamptz,
      add column checked_out_by uuid, add column pay_amount numeric(10, 2),
      add column pay_status varchar(8) check (pay_status in ('paid', 'owed')),
      add column pay_recorded_at timestamptz`);
    // Back to one record per place: its first day.
    await db.query(`update gig_assignments a set checked_in_at = d.checked_in_at,
        checked_in_by = d.checked_in_by, checked_out_at = d.checked_out_at,
        checked_out_by = d.checked_out_by, pay_amount = d.pay_amount, pay_status = d.pay_status,
        pay_recorded_at = d.pay_recorded_at
      from (select distinct on (assignment_id) * from gig_work_days
            order by assignment_id, work_date) d
      where d.assignment_id = a.id`);
    await db.query(`drop table gig_work_days`);
  }
}

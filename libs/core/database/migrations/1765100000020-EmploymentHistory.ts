import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employment status as a history (DOMAIN.md): registered unemployed from the
 * registration date, employed from a hire date by that placement, so 登记失业
 * on any past date counts the status on that date. Existing résumés are
 * backfilled with the status they hold since registration, and each confirmed
 * placement closes it on its hire date; the résumé then shows today's status.
 * A trigger records the status a résumé is registered with, whichever path
 * inserts it (the service, demo data, a ledger import).
 */
export class EmploymentHistory1765100000020 implements MigrationInterface {
  name = 'EmploymentHistory1765100000020';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table seeker_employment_history (
        id bigint generated always as identity primary key,
        profile_id uuid not null references seeker_profiles (id) on delete cascade,
        status varchar(16) not null
          check (status in ('unemployed', 'employed', 'flexible', 'student')),
        since date not null,
        placement_id uuid references placements (id),
        recorded_by uuid references users (id),
        recorded_at timestamptz not null default now()
      )`);
    await db.query(
      `create index seeker_employment_history_profile on seeker_employment_history (profile_id, id)`,
    );
    await db.query(`
      create function seeker_registered_status() returns trigger language plpgsql as $$
      begin
        insert into seeker_employment_history (profile_id, status, since, recorded_by, recorded_at)
        values (new.id, new.employment_status, (new.created_at at time zone 'Asia/Shanghai')::date,
                coalesce(new.registered_by, new.user_id), new.created_at);
        return new;
      end $$`);
    await db.query(`
      create trigger seeker_profiles_registered_status after insert on seeker_profiles
      for each row execute function seeker_registered_status()`);
    await db.query(`
      insert into seeker_employment_history (profile_id, status, since, recorded_by, recorded_at)
      select id, employment_status, (created_at at time zone 'Asia/Shanghai')::date,
             coalesce(registered_by, user_id), created_at
        from seeker_profiles order by created_at`);
    await db.query(`
      insert into seeker_employment_history
        (profile_id, status, since, placement_id, recorded_by, recorded_at)
      select seeker_profile_id, 'employed', hired_on, id, confirmed_by, created_at
        from placements where seeker_profile_id is not null order by hired_on, created_at`);
    await db.query(`
      update seeker_profiles p set employment_status = h.status
        from (select distinct on (profile_id) profile_id, status from seeker_employment_history
               order by profile_id, id desc) h
       where h.profile_id = p.id and p.employment_status <> h.status`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop trigger seeker_profiles_registered_status on seeker_profiles`);
    await db.query(`drop function seeker_registered_status()`);
    await db.query(`drop table seeker_employment_history`);
  }
}

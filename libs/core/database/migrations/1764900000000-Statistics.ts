import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics: the yearly targets and reference figures staff enter, and the
 * date a vacancy was first published (a post is "developed" once, however
 * often it is paused and republished).
 */
export class Statistics1764900000000 implements MigrationInterface {
  name = 'Statistics1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table vacancies add column first_published_at timestamptz`);
    await db.query(`
      update vacancies v set first_published_at = coalesce(
        (select min(h.created_at) from vacancy_history h
          where h.vacancy_id = v.id and h.to_status = 'published'),
        v.published_at)`);
    await db.query(
      `create index vacancies_first_published on vacancies (first_published_at, kind, township_code)`,
    );
    await db.query(
      `create index seeker_profiles_created on seeker_profiles (created_at, township_code)`,
    );
    await db.query(`
      create table statistics_figures (
        year int not null check (year between 2000 and 2100),
        indicator varchar(48) not null,
        kind varchar(16) not null check (kind in ('target', 'reference')),
        township_code varchar(12) not null default '',
        value numeric(14, 2) not null check (value >= 0),
        set_by uuid not null references users (id),
        set_at timestamptz not null default now(),
        primary key (year, indicator, kind, township_code)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table statistics_figures`);
    await db.query(`drop index seeker_profiles_created`);
    await db.query(`drop index vacancies_first_published`);
    await db.query(`alter table vacancies drop column first_published_at`);
  }
}

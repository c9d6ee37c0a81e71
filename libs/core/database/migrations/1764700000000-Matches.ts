import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored matches between seekers and vacancies, the bookkeeping that lets a
 * burst of edits compute once, and the indexes the candidate queries use.
 */
export class Matches1764700000000 implements MigrationInterface {
  name = 'Matches1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table matches (
        seeker_id uuid not null references seeker_profiles (id) on delete cascade,
        vacancy_id uuid not null references vacancies (id) on delete cascade,
        score real not null check (score >= 0 and score <= 1),
        components jsonb not null,
        explanation varchar(300) not null,
        computed_at timestamptz not null default now(),
        primary key (seeker_id, vacancy_id)
      )`);
    // "Top N for a vacancy" (推荐人才) and "top N for a seeker" (为你推荐).
    await db.query(`create index matches_vacancy_top on matches (vacancy_id, score desc)`);
    await db.query(`create index matches_seeker_top on matches (seeker_id, score desc)`);

    // What each subject's matches were last computed from: a job whose subject
    // has not changed since (same fingerprint, same day) has nothing to do.
    await db.query(`
      create table match_runs (
        subject_kind varchar(8) not null check (subject_kind in ('vacancy', 'seeker')),
        subject_id uuid not null,
        fingerprint varchar(64) not null,
        runs int not null default 1,
        computed_at timestamptz not null default now(),
        primary key (subject_kind, subject_id)
      )`);

    // Candidate seekers for a vacancy: occupation family (&&) on seekers who
    // may be matched; the existing (township_code, birth_date) index covers
    // township and age limits.
    await db.query(`
      create index seeker_profiles_match_occupations on seeker_profiles using gin (desired_occupations)
        where anonymised_at is null and not recommendation_opt_out and employment_status <> 'employed'`);
    // Candidate vacancies for a seeker: published ones of the occupation family (prefix).
    await db.query(`
      create index vacancies_match_occupation on vacancies (occupation_code text_pattern_ops, township_code)
        where status = 'published'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index vacancies_match_occupation`);
    await db.query(`drop index seeker_profiles_match_occupations`);
    await db.query(`drop table match_runs`);
    await db.query(`drop table matches`);
  }
}

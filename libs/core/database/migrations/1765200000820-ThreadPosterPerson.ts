import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gig threads (issue 21): the poster's side of a thread may be a person (an
 * individual or township staff who posted a gig), not a company. Such a
 * thread names the person in poster_user_id and keys its poster side by that
 * same id, so the side's lists and unread counts use the existing index.
 */
export class ThreadPosterPerson1765200000820 implements MigrationInterface {
  name = 'ThreadPosterPerson1765200000820';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table message_threads add column poster_user_id uuid,
      add constraint message_threads_poster_check
        check (poster_user_id is null or poster_user_id = employer_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table message_threads drop column poster_user_id`);
  }
}

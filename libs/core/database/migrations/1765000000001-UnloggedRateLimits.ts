import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters need no durability: every search and login wrote one and
 * waited for its WAL to reach the disk (a commit flush per request, the largest
 * cost of a search at a county's size). Unlogged, a crash resets the counters,
 * which only forgives a minute's or an hour's hits; replicas never read them.
 */
export class UnloggedRateLimits1765000000001 implements MigrationInterface {
  name = 'UnloggedRateLimits1765000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table rate_limit_buckets set unlogged`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table rate_limit_buckets set logged`);
  }
}

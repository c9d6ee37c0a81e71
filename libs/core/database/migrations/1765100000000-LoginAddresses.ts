import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Addresses an account signed in from (a keyed hash, not the address): a
 * stranger's failed passwords slow down other addresses for that phone, never
 * these, so knowing someone's phone number is not enough to lock them out.
 */
export class LoginAddresses1765100000000 implements MigrationInterface {
  name = 'LoginAddresses1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table login_addresses (
        user_id uuid not null references users (id) on delete cascade,
        address_index varchar(64) not null,
        last_seen_at timestamptz not null default now(),
        primary key (user_id, address_index)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table login_addresses`);
  }
}

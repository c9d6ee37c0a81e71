import { MigrationInterface, QueryRunner } from 'typeorm';

/** Remembered answers for requests sent with an Idempotency-Key header. */
export class IdempotencyKeys1764250000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764250000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table idempotency_keys (
        scope varchar(80) not null,
        key varchar(100) not null,
        request_hash varchar(64) not null,
        state varchar(12) not null check (state in ('in_flight', 'done')),
        response_status int,
        response_body jsonb,
        created_at timestamptz not null default now(),
        primary key (scope, key)
      )`);
    await db.query(`create index idempotency_keys_created on idempotency_keys (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table idempotency_keys`);
  }
}

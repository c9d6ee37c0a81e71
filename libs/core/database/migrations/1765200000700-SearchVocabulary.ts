import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Job words staff add in the console (owned by libs/search): a word with its
 * synonyms and the narrower jobs it also finds, and every change with who made it.
 */
export class SearchVocabulary1765200000700 implements MigrationInterface {
  name = 'SearchVocabulary1765200000700';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table search_vocabulary_words (
        id uuid primary key default gen_random_uuid(),
        word varchar(12) not null unique,
        synonyms text[] not null default '{}',
        narrower text[] not null default '{}',
        created_by uuid not null,
        updated_by uuid not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`
      create table search_vocabulary_history (
        id bigserial primary key,
        entry_id uuid not null,
        action varchar(8) not null check (action in ('created', 'updated', 'deleted')),
        word varchar(12) not null,
        before jsonb,
        after jsonb,
        changed_by uuid not null,
        changed_at timestamptz not null default now()
      )`);
    await db.query(
      `create index search_vocabulary_history_changed_at on search_vocabulary_history (changed_at desc)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table search_vocabulary_history`);
    await db.query(`drop table search_vocabulary_words`);
  }
}

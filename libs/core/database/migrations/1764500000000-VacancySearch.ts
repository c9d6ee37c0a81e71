import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL search driver's index: one denormalised row per findable
 * vacancy. `tsv` holds Chinese character bigrams and unigrams built by the
 * application (libs/search/chinese-text.ts), so no extension is needed.
 */
export class VacancySearch1764500000000 implements MigrationInterface {
  name = 'VacancySearch1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table vacancy_search_documents (
        id uuid primary key,
        title varchar(100) not null,
        occupation_code varchar(20) not null,
        occupation_name varchar(100) not null,
        description text not null,
        employer_id uuid not null,
        employer_name varchar(100) not null,
        tags text[] not null default '{}',
        kind varchar(16) not null,
        township_code varchar(12) not null,
        pay_min numeric(12, 2) not null,
        pay_max numeric(12, 2) not null,
        pay_unit varchar(8) not null,
        education varchar(16) not null,
        welfare_tags text[] not null default '{}',
        key_group_friendly boolean not null default false,
        published_at timestamptz not null,
        fair_ids uuid[] not null default '{}',
        lat double precision,
        lng double precision,
        version bigint not null,
        tsv tsvector not null,
        indexed_at timestamptz not null default now()
      )`);
    await db.query(`create index vacancy_search_tsv on vacancy_search_documents using gin (tsv)`);
    await db.query(
      `create index vacancy_search_published on vacancy_search_documents (published_at desc, id)`,
    );
    await db.query(
      `create index vacancy_search_filters on vacancy_search_documents (township_code, kind, occupation_code)`,
    );
    await db.query(
      `create index vacancy_search_employer on vacancy_search_documents (employer_id)`,
    );
    await db.query(`create index vacancy_search_geo on vacancy_search_documents (lat, lng)`);
    await db.query(
      `create index vacancy_search_welfare on vacancy_search_documents using gin (welfare_tags)`,
    );
    await db.query(
      `create index vacancy_search_fairs on vacancy_search_documents using gin (fair_ids)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table vacancy_search_documents`);
  }
}

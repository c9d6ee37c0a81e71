import { MigrationInterface, QueryRunner } from 'typeorm';

/** Days back each recency tier reaches; tier N covers everything published in its days. */
const TIER_DAYS = [1, 3, 7, 15, 30];

/**
 * What lets the PostgreSQL search driver answer from a query's newest matches
 * without reading every match ("match window", libs/search/drivers):
 * - filter values as lexemes in `tsv` (`kind=regular`, `town=…`), so filters
 *   narrow the GIN scan instead of being checked row by row;
 * - `recency_tier` with one partial GIN index per tier: a broad word's newest
 *   matches come from the small index of the last days, not the whole table;
 * - `tsv_head` (title and occupation lexemes), small enough to stay in the row,
 *   so ranking a window does not fetch each match's TOASTed full tsvector;
 * - a GiST index on a locally flattened point for nearest-first.
 */
export class SearchWindow1765000000000 implements MigrationInterface {
  name = 'SearchWindow1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create function vacancy_search_filter_lexemes(kind text, township text, occupation text,
        education text, pay_unit text, welfare text[], key_group_friendly boolean,
        employer uuid, fairs uuid[]) returns tsvector
      language sql immutable parallel safe as $$
        select array_to_tsvector(array['kind=' || kind, 'town=' || township, 'occ=' || occupation,
          'edu=' || education, 'unit=' || pay_unit, 'kgf=' || key_group_friendly::text,
          'emp=' || employer::text]
          || array(select 'welfare=' || w from unnest(welfare) w)
          || array(select 'fair=' || f::text from unnest(fairs) f))
      $$`);
    await db.query(`create table search_recency_tiers (
        tier smallint primary key,
        days integer not null,
        since timestamptz not null
      )`);
    for (const [tier, days] of TIER_DAYS.entries())
      await db.query(
        `insert into search_recency_tiers (tier, days, since) values ($1, $2, now() - make_interval(days => $2))`,
        [tier, days],
      );
    await db.query(`alter table vacancy_search_documents
      add column recency_tier smallint not null default ${TIER_DAYS.length}`);
    await db.query(`update vacancy_search_documents d set
        recency_tier = coalesce((select min(t.tier) from search_recency_tiers t
          where d.published_at >= t.since), ${TIER_DAYS.length}),
        tsv = tsv || vacancy_search_filter_lexemes(kind, township_code, occupation_code,
          education, pay_unit, welfare_tags, key_group_friendly, employer_id, fair_ids)`);
    await db.query(`alter table vacancy_search_documents
      add column tsv_head tsvector generated always as (ts_filter(tsv, '{a,b}')) stored`);
    for (const tier of TIER_DAYS.keys())
      await db.query(`create index vacancy_search_tsv_tier${tier} on vacancy_search_documents
        using gin (tsv) where recency_tier <= ${tier}`);
    // For the upkeep that moves rows to older tiers; a partial index on published_at so that the
    // planner never reaches for it to narrow a search (a bitmap of a whole tier is slow).
    await db.query(`create index vacancy_search_tiered on vacancy_search_documents
      (published_at) where recency_tier < ${TIER_DAYS.length}`);
    await db.query(`create index vacancy_search_nearest on vacancy_search_documents
      using gist (point(lng * cos(radians(lat)), lat))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index vacancy_search_nearest`);
    await db.query(`drop index vacancy_search_tiered`);
    for (const tier of TIER_DAYS.keys())
      await db.query(`drop index vacancy_search_tsv_tier${tier}`);
    await db.query(`alter table vacancy_search_documents drop column tsv_head`);
    await db.query(`update vacancy_search_documents set tsv = ts_delete(tsv,
      array(select lexeme from unnest(tsv) where positions is null))`);
    await db.query(`alter table vacancy_search_documents drop column recency_tier`);
    await db.query(`drop table search_recency_tiers`);
    await db.query(`drop function vacancy_search_filter_lexemes`);
  }
}

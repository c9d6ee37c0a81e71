import { DataSource, EntityManager } from 'typeorm';
import { buildTsQuery, highlight, indexString, normalizeText, snippet } from '../chinese-text';
import { ownWordsTsQuery, termsTsQuery } from '../query-understanding';
import {
  DEFAULT_PAGE_SIZE,
  FACET_NAMES,
  FacetName,
  Facets,
  MatchQuery,
  SearchDocumentFeed,
  SearchHit,
  Suggestion,
  VacancySearch,
  VacancySearchDocument,
  VacancySearchResult,
} from '../search-types';
import type { SuggestQuery } from '../understood-suggest';

const TABLE = 'vacancy_search_documents';
const EARTH_KM = 6371;
const KM_PER_DEGREE = 111.045;
/**
 * A search answers from at most this many matches: the newest ones (the nearest
 * for distance sort). Ranking, facets and the total are worked out over them; a
 * broader query says its total is capped, as Meilisearch's maxTotalHits does.
 * Reading every match of a common word costs ~0.5 s at a million vacancies.
 */
export const MATCH_WINDOW = 1000;
/** Suggestions come from the newest matches: as-you-type needs speed more than completeness. */
const SUGGEST_WINDOW = 200;
const TIERS_TTL_MS = 60_000;

/** Positional parameters for one statement. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A tsquery literal of exact lexemes (filter values are stored verbatim, not tokenised). */
const lexemeQuery = (lexemes: string[]) =>
  lexemes.map((l) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ');

/** The filters with one value per vacancy, as the exact lexemes the index holds for them. */
function filterLexemes(query: MatchQuery): string[] {
  return [
    ...(query.occupationCode ? [`occ=${query.occupationCode}`] : []),
    ...(query.kind ? [`kind=${query.kind}`] : []),
    ...(query.townshipCode ? [`town=${query.townshipCode}`] : []),
    ...(query.payUnit ? [`unit=${query.payUnit}`] : []),
    ...(query.education ? [`edu=${query.education}`] : []),
    ...(query.welfareTags ?? []).map((tag) => `welfare=${tag}`),
    ...(query.keyGroupFriendly !== undefined ? [`kgf=${query.keyGroupFriendly}`] : []),
    ...(query.employerId ? [`emp=${query.employerId.toLowerCase()}`] : []),
    ...(query.fairId ? [`fair=${query.fairId.toLowerCase()}`] : []),
  ];
}

const hasLexemeFilter = (query: MatchQuery) => filterLexemes(query).length > 0;

/** What a query asks of the index: the tsquery part and the conditions checked on each row. */
interface MatchConditions {
  /** SQL of a tsquery, or undefined when neither text nor a lexeme filter was given. */
  tsQuery?: string;
  /** The tsquery that ranks: any of the seeker's terms (more of them rank higher). */
  rankQuery?: string;
  /** The tsquery of the seeker's own words, which rank above synonyms. */
  ownQuery?: string;
  rowFilters: string[];
}

/** A recency tier: vacancies published in the last `days` days, with a partial GIN index. */
interface Tier {
  tier: number;
  days: number;
  /** The query cannot match anything older, so this tier's window is complete. */
  covers?: boolean;
}

/** SQL: the tier a publication time falls in now (one past the last when older than all). */
export const recencyTierSql = (publishedAt: string) =>
  `coalesce((select min(t.tier) from search_recency_tiers t where ${publishedAt} >= t.since),
     (select count(*) from search_recency_tiers))`;

interface DocumentRow {
  id: string;
  title: string;
  occupation_code: string;
  occupation_name: string;
  description: string;
  employer_id: string;
  employer_name: string;
  tags: string[];
  kind: string;
  township_code: string;
  pay_min: string;
  pay_max: string;
  pay_unit: string;
  education: string;
  welfare_tags: string[];
  key_group_friendly: boolean;
  published_at: Date;
  fair_ids: string[];
  lat: number | null;
  lng: number | null;
  distance_km?: number | null;
}

/** grouping() bits (1 = not grouped by) → the facet the row counts; 15 is the grand total. */
const FACET_SETS: Record<number, [FacetName, string]> = {
  7: ['kind', 'kind'],
  11: ['townshipCode', 'township_code'],
  13: ['occupationCode', 'occupation_code'],
  14: ['education', 'education'],
};

/** localeCompare builds its collator on every call; one kept collator orders the same. */
const byLocale = new Intl.Collator().compare;

function topValues(counts: Record<string, number>, limit = 50): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1] || byLocale(a[0], b[0]))
      .slice(0, limit),
  );
}

/**
 * The embedded search driver: a GIN-indexed tsvector of Chinese bigrams in
 * PostgreSQL, ranked with recency, distance by haversine after a bounding-box
 * prefilter, facets by GROUP BY.
 */
export class PostgresVacancySearch extends VacancySearch {
  readonly driver = 'postgres';

  private tiers?: { at: number; list: Tier[]; documents: number };
  private readonly matchWindow: number;
  private readonly tiersFromDocuments: number;

  constructor(
    private readonly dataSource: DataSource,
    /**
     * matchWindow: tests use a small one to see capping without thousands of documents.
     * tiersFromDocuments: below this many documents every search reads all its matches at
     * once (a county's few thousand cost less than climbing the tiers); tests set 0.
     */
    options: { matchWindow?: number; tiersFromDocuments?: number } = {},
  ) {
    super();
    this.matchWindow = options.matchWindow ?? MATCH_WINDOW;
    this.tiersFromDocuments = options.tiersFromDocuments ?? this.matchWindow * 20;
  }

  /**
   * Search statements stay unnamed: a named statement may be given a generic plan after five
   * runs, made without the query's words, and the window's index choice depends on them.
   */
  private run<T>(text: string, values: unknown[]): Promise<T[]> {
    return this.dataSource.query(text, values);
  }

  async prepare(): Promise<void> {
    await this.ping();
  }

  async ping(): Promise<void> {
    await this.dataSource.query(`select 1 from ${TABLE} limit 1`);
  }

  async close(): Promise<void> {
    // The data source belongs to the application.
  }

  async upsert(docs: VacancySearchDocument[]): Promise<void> {
    await this.write(this.dataSource.manager, docs);
  }

  private async write(manager: EntityManager, docs: VacancySearchDocument[]): Promise<void> {
    for (let i = 0; i < docs.length; i += 1000) {
      const rows = docs.slice(i, i + 1000).map((doc) => ({
        ...doc,
        // Bigram strings per field weight: title A, occupation B, employer and tags C, description D.
        tokens_a: indexString(doc.title),
        tokens_b: indexString(doc.occupationName),
        tokens_c: indexString([doc.employerName, ...doc.tags].join(' ')),
        tokens_d: indexString(doc.description),
      }));
      await manager.query(
        `insert into ${TABLE} as d (id, title, occupation_code, occupation_name, description,
           employer_id, employer_name, tags, kind, township_code, pay_min, pay_max, pay_unit,
           education, welfare_tags, key_group_friendly, published_at, fair_ids, lat, lng, version,
           recency_tier, tsv)
         select x.id, x."title", x."occupationCode", x."occupationName", x."description",
           x."employerId", x."employerName", x."tags", x."kind", x."townshipCode", x."payMin",
           x."payMax", x."payUnit", x."education", x."welfareTags", x."keyGroupFriendly",
           x."publishedAt", x."fairIds", x."lat", x."lng", x."version",
           ${recencyTierSql('x."publishedAt"')},
           setweight(to_tsvector('simple', x.tokens_a), 'A')
             || setweight(to_tsvector('simple', x.tokens_b), 'B')
             || setweight(to_tsvector('simple', x.tokens_c), 'C')
             || setweight(to_tsvector('simple', x.tokens_d), 'D')
             || vacancy_search_filter_lexemes(x."kind", x."townshipCode", x."occupationCode",
                  x."education", x."payUnit", x."welfareTags", x."keyGroupFriendly",
                  x."employerId", x."fairIds")
         from jsonb_to_recordset($1::jsonb) as x(id uuid, "title" text, "occupationCode" text,
           "occupationName" text, "description" text, "employerId" uuid, "employerName" text,
           "tags" text[], "kind" text, "townshipCode" text, "payMin" numeric, "payMax" numeric,
           "payUnit" text, "education" text, "welfareTags" text[], "keyGroupFriendly" boolean,
           "publishedAt" timestamptz, "fairIds" uuid[], "lat" double precision,
           "lng" double precision, "version" bigint, tokens_a text, tokens_b text, tokens_c text,
           tokens_d text)
         on conflict (id) do update set
           title = excluded.title, occupation_code = excluded.occupation_code,
           occupation_name = excluded.occupation_name, description = excluded.description,
           employer_id = excluded.employer_id, employer_name = excluded.employer_name,
           tags = excluded.tags, kind = excluded.kind, township_code = excluded.township_code,
           pay_min = excluded.pay_min, pay_max = excluded.pay_max, pay_unit = excluded.pay_unit,
           education = excluded.education, welfare_tags = excluded.welfare_tags,
           key_group_friendly = excluded.key_group_friendly, published_at = excluded.published_at,
           fair_ids = excluded.fair_ids, lat = excluded.lat, lng = excluded.lng,
           version = excluded.version, recency_tier = excluded.recency_tier, tsv = excluded.tsv,
           indexed_at = now()
         where d.version < excluded.version`,
        [JSON.stringify(rows)],
      );
    }
  }

  async remove(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.dataSource.query(`delete from ${TABLE} where id = any($1::uuid[])`, [ids]);
  }

  protected async match(query: MatchQuery): Promise<VacancySearchResult> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const byDistance = query.sort === 'distance' && query.point !== undefined;
    const tiers = byDistance ? [] : await this.tiersFor(query);
    // Narrowest recency tier first: a common word's newest matches are all in the last days.
    // From what a tier held, the density per day says which tier can fill the window.
    for (let i = 0; i < tiers.length;) {
      const tier = tiers[i];
      const { result, matched } = await this.searchWindow(query, page, pageSize, tier);
      if (result) return result;
      const daysNeeded = matched ? (tier.days * this.matchWindow * 1.2) / matched : 0;
      const next = tiers.findIndex((t, j) => j > i && (t.days >= daysNeeded || t.covers));
      if (next === -1) break;
      i = next;
    }
    const { result } = await this.searchWindow(query, page, pageSize, undefined);
    return result!;
  }

  /**
   * Tiers worth trying, narrowest first. Only when the index narrows the rows:
   * without text or lexeme filters the published_at index walks newest-first anyway.
   * A tier reaching back past "posted within N days" holds every possible match.
   */
  private async tiersFor(query: MatchQuery): Promise<Tier[]> {
    if (!termsTsQuery(query.terms) && !hasLexemeFilter(query)) return [];
    const tiers = await this.ladder();
    const covering = tiers.findIndex((t) => t.days >= (query.postedWithinDays ?? Infinity));
    return covering === -1
      ? tiers
      : tiers.slice(0, covering + 1).map((t, i) => ({ ...t, covers: i === covering }));
  }

  /**
   * One statement: the window of matches (limited to a recency tier when given),
   * and — only when the window is complete — the page, the facets and the total
   * over it. Without a result when the tier held too few matches to decide;
   * `matched` then says how many it held.
   */
  private async searchWindow(
    query: MatchQuery,
    page: number,
    pageSize: number,
    tier: Tier | undefined,
  ): Promise<{ result?: VacancySearchResult; matched: number }> {
    const window = this.matchWindow;
    const params = new Params();
    const { tsQuery, rankQuery, ownQuery, rowFilters } = this.conditions(query, params);
    const where = [...(tsQuery ? [`tsv @@ ${tsQuery}`] : []), ...rowFilters];
    if (tier) where.push(`recency_tier <= ${tier.tier}`);
    const byDistance = query.sort === 'distance' && query.point !== undefined;
    const distance = query.point ? this.distanceSql(query.point, params) : 'null::float8';
    const windowOrder = byDistance
      ? `point(lng * cos(radians(lat)), lat) <-> point(${params.add(query.point!.lng * Math.cos((query.point!.lat * Math.PI) / 180))}::float8, ${params.add(query.point!.lat)}::float8)`
      : 'published_at desc, id desc';
    const score =
      rankQuery && (query.sort ?? 'relevance') === 'relevance'
        ? `(2 * ts_rank(tsv_head, ${params.add(ownQuery)}::tsquery) + ts_rank(tsv_head, ${params.add(rankQuery)}::tsquery)) * (0.5 + 0.5 / (1 + extract(epoch from now() - published_at) / 2592000))`
        : '0::float4';
    const pageOrder =
      query.sort === 'distance'
        ? 'distance_km asc nulls last, published_at desc'
        : query.sort === 'pay'
          ? 'pay_max desc, pay_min desc, published_at desc'
          : 'score desc, published_at desc';
    const complete = tier?.covers ? 'true' : `count(*) > ${window}`;
    const facets = query.facets !== false;
    const rows: { part: string; data: Record<string, unknown> }[] = await this.run(
      `with w as materialized (
         select id, published_at, kind, township_code, occupation_code, education, welfare_tags,
           pay_min, pay_max, lat, lng, ${distance} as distance_km, ${score} as score
         from ${TABLE} ${where.length ? `where ${where.join(' and ')}` : ''}
         order by ${windowOrder} limit ${window + 1}),
       k as materialized (select * from w order by ${windowOrder} limit ${window}),
       done as (select ${tier ? complete : 'true'} as ok, count(*)::int as n from w)
       select 'count' as part, jsonb_build_object('n', n) as data from done
       union all
       select 'hit', to_jsonb(h) from (
         select d.id, d.title, d.occupation_code, d.occupation_name, d.description, d.employer_id,
           d.employer_name, d.tags, d.kind, d.township_code, d.pay_min, d.pay_max, d.pay_unit,
           d.education, d.welfare_tags, d.key_group_friendly, d.published_at, d.fair_ids, d.lat,
           d.lng, p.distance_km
         from (select id, distance_km, score, published_at, pay_min, pay_max from k
               order by ${pageOrder}, id
               limit ${params.add(pageSize)} offset ${params.add((page - 1) * pageSize)}) p
         join ${TABLE} d using (id)
         order by ${pageOrder.replace(/published_at|pay_max|pay_min|distance_km|score/g, 'p.$&')}, p.id) h
       where (select ok from done)
       ${
         facets
           ? `union all
       select 'facet', to_jsonb(f) from (
         select kind, township_code, occupation_code, education,
           grouping(kind, township_code, occupation_code, education) as g, count(*)::int as n
         from k group by grouping sets ((kind), (township_code), (occupation_code), (education))) f
       where (select ok from done)
       union all
       select 'welfare', jsonb_build_object('tag', tag, 'n', count(*)::int)
       from k, unnest(welfare_tags) as tag where (select ok from done) group by tag`
           : ''
       }`,
      params.values,
    );
    const n = Number(rows[0].data.n);
    if (tier && !tier.covers && n <= window) return { matched: n };
    const terms = query.highlightWords;
    const hits = rows
      .filter((r) => r.part === 'hit')
      .map((r) => this.hit(r.data as unknown as DocumentRow, terms));
    const result: VacancySearchResult = {
      items: hits,
      total: Math.min(n, window),
      ...(n > window ? { totalCapped: true } : {}),
      page,
      pageSize,
      ...(facets ? { facets: this.facetCounts(rows) } : {}),
    };
    return { result, matched: n };
  }

  private facetCounts(rows: { part: string; data: Record<string, unknown> }[]): Facets {
    const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, {}])) as Facets;
    for (const { part, data } of rows) {
      if (part === 'facet') {
        const [name, column] = FACET_SETS[data.g as number];
        facets[name][data[column] as string] = data.n as number;
      } else if (part === 'welfare') facets.welfareTags[data.tag as string] = data.n as number;
    }
    for (const name of FACET_NAMES) facets[name] = topValues(facets[name]);
    return facets;
  }

  /**
   * The terms become a bigram tsquery (each term any of its texts or lexemes); filters with one value per vacancy become
   * exact lexemes (`town=…`) ANDed to it, so the GIN index applies them; ranges
   * (pay, date, radius) are checked on each row.
   */
  private conditions(query: MatchQuery, params: Params): MatchConditions {
    const text = termsTsQuery(query.terms);
    const textQuery = text ? `${params.add(text)}::tsquery` : undefined;
    const rankQuery = text && termsTsQuery(query.rankTerms, 'any');
    const ownQuery = text && ownWordsTsQuery(query.rankTerms);
    const lexemes = filterLexemes(query);
    const filterQuery = lexemes.length ? `${params.add(lexemeQuery(lexemes))}::tsquery` : undefined;
    const tsQuery =
      textQuery && filterQuery ? `(${textQuery} && ${filterQuery})` : (textQuery ?? filterQuery);
    const rowFilters: string[] = [];
    if (query.payMin !== undefined) rowFilters.push(`pay_max >= ${params.add(query.payMin)}`);
    if (query.payMax !== undefined) rowFilters.push(`pay_min <= ${params.add(query.payMax)}`);
    if (query.postedWithinDays !== undefined)
      rowFilters.push(
        `published_at >= now() - make_interval(days => ${params.add(query.postedWithinDays)})`,
      );
    if (query.point && query.radiusKm !== undefined) {
      const { lat, lng } = query.point;
      const dLat = query.radiusKm / KM_PER_DEGREE;
      const dLng =
        query.radiusKm / (KM_PER_DEGREE * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
      // The box lets the (lat, lng) index cut the rows before the exact distance is computed;
      // nearest first needs no box: the GiST walk stops at the window.
      if (query.sort !== 'distance')
        rowFilters.push(
          `lat between ${params.add(lat - dLat)} and ${params.add(lat + dLat)}`,
          `lng between ${params.add(lng - dLng)} and ${params.add(lng + dLng)}`,
        );
      rowFilters.push(`${this.distanceSql(query.point, params)} <= ${params.add(query.radiusKm)}`);
    }
    return { tsQuery, rankQuery, ownQuery, rowFilters };
  }

  /** Great-circle distance in km (haversine). */
  private distanceSql(point: { lat: number; lng: number }, params: Params): string {
    const lat = params.add(point.lat);
    const lng = params.add(point.lng);
    return `(2 * ${EARTH_KM} * asin(sqrt(
      power(sin(radians(lat - ${lat}::float8) / 2), 2)
      + cos(radians(${lat}::float8)) * cos(radians(lat))
        * power(sin(radians(lng - ${lng}::float8) / 2), 2))))`;
  }

  /**
   * The tiers (fixed by the migration) and the planner's count of documents, cached for a
   * minute: neither needs to be exact.
   */
  private async recencyTiers(): Promise<Tier[]> {
    if (!this.tiers || Date.now() - this.tiers.at > TIERS_TTL_MS) {
      const rows: { tier: number; days: number; documents: number }[] = await this.dataSource.query(
        `select tier, days, (select greatest(reltuples, 0)::float8 from pg_class
           where oid = '${TABLE}'::regclass) as documents
         from search_recency_tiers order by tier`,
      );
      this.tiers = {
        at: Date.now(),
        list: rows.map((r) => ({ tier: r.tier, days: r.days })),
        documents: rows[0]?.documents ?? 0,
      };
    }
    return this.tiers.list;
  }

  /** The tiers a search climbs: none while the index is small enough to read at once. */
  private async ladder(): Promise<Tier[]> {
    const tiers = await this.recencyTiers();
    return this.tiers!.documents < this.tiersFromDocuments ? [] : tiers;
  }

  /**
   * Moves vacancies into older tiers as time passes: boundaries are set from now,
   * and every row on the wrong side of one is re-tiered (a handful per run, found
   * through the (recency_tier, published_at) index). Run by the reconcile job.
   */
  override async maintain(): Promise<void> {
    const tiers = await this.recencyTiers();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `update search_recency_tiers set since = now() - make_interval(days => days)`,
      );
      // One statement per tier with the tier as a constant, so the partial index applies.
      for (const { tier } of tiers)
        await manager.query(
          `update ${TABLE} set recency_tier = ${recencyTierSql('published_at')}
           where recency_tier <= ${tier}
             and published_at < (select since from search_recency_tiers where tier = ${tier})`,
        );
    });
  }

  private hit(row: DocumentRow, terms: string[]): SearchHit {
    return {
      id: row.id,
      title: row.title,
      occupationCode: row.occupation_code,
      occupationName: row.occupation_name,
      description: row.description,
      employerId: row.employer_id,
      employerName: row.employer_name,
      tags: row.tags,
      kind: row.kind,
      townshipCode: row.township_code,
      payMin: Number(row.pay_min),
      payMax: Number(row.pay_max),
      payUnit: row.pay_unit,
      education: row.education,
      welfareTags: row.welfare_tags,
      keyGroupFriendly: row.key_group_friendly,
      publishedAt: new Date(row.published_at).toISOString(),
      fairIds: row.fair_ids,
      lat: row.lat,
      lng: row.lng,
      highlights: {
        title: highlight(row.title, terms),
        description: snippet(row.description, terms),
      },
      ...(row.distance_km !== null && row.distance_km !== undefined
        ? { distanceKm: Math.round(row.distance_km * 100) / 100 }
        : {}),
    };
  }

  /** Matches of the prefix as typed (its last word a prefix) or of the terms read from it. */
  protected async suggestMatches({
    prefix,
    terms,
    leads,
    limit,
  }: SuggestQuery): Promise<Suggestion[]> {
    const typedQuery = buildTsQuery(prefix);
    const readQuery = termsTsQuery(terms);
    const params = new Params();
    const conditions = [
      ...(typedQuery ? [`to_tsquery('simple', ${params.add(typedQuery)})`] : []),
      ...(readQuery ? [`${params.add(readQuery)}::tsquery`] : []),
    ];
    if (!conditions.length) return [];
    // The window's distinct titles and occupations, each with how many matches carry it and
    // the kind it first came as (a title before its own occupation).
    let matches: { text: string; type: Suggestion['type']; n: number; full: boolean }[] = [];
    for (const tier of [...(await this.ladder()), undefined]) {
      matches = await this.run(
        `select t.text, (array_agg(t.type order by m.at, t.type desc))[1] as type,
           count(*)::int as n, max(m.at) = ${SUGGEST_WINDOW} as full
         from (select w.*, row_number() over () as at from (
                 select title, occupation_name from ${TABLE}
                 where tsv @@ (${conditions.join(' || ')}) ${tier ? `and recency_tier <= ${tier.tier}` : ''}
                 order by published_at desc limit ${SUGGEST_WINDOW}) w) m,
           lateral (values (m.title, 'title'), (m.occupation_name, 'occupation')) as t(text, type)
         group by t.text`,
        params.values,
      );
      if (matches.some((m) => m.full)) break;
    }
    const starts = [normalizeText(prefix.trim()), ...leads];
    // Starting with what was typed ranks first, then with what it was read as.
    const lead = (text: string) => {
      const folded = normalizeText(text);
      const at = starts.findIndex((s) => folded.startsWith(s));
      return at === -1 ? starts.length : Math.min(at, 1);
    };
    return matches
      .map((m) => ({ ...m, lead: lead(m.text) }))
      .sort((a, b) => a.lead - b.lead || b.n - a.n || byLocale(a.text, b.text))
      .slice(0, limit)
      .map(({ text, type }) => ({ text, type }));
  }

  async reindex(feed: SearchDocumentFeed): Promise<number> {
    // One transaction: searches keep seeing the old rows until the new ones are complete.
    const count = await this.dataSource.transaction(async (manager) => {
      await manager.query(`delete from ${TABLE}`);
      let count = 0;
      for await (const batch of feed.batches()) {
        await this.write(manager, batch);
        count += batch.length;
      }
      return count;
    });
    // Every row is new: until the planner's row counts and the GIN index's statistics say so
    // (autovacuum may be off or late), a county-sized table is read whole, every tsvector
    // fetched from TOAST (~20 ms a search instead of ~2 ms through the index). The index is
    // complete either way: a role that may not vacuum leaves the statistics to autovacuum.
    await this.dataSource.query(`vacuum (analyze) ${TABLE}`).catch(() => undefined);
    this.tiers = undefined;
    return count;
  }

  async indexedVersions(): Promise<Map<string, number>> {
    const rows: { id: string; version: string }[] = await this.dataSource.query(
      `select id, version from ${TABLE}`,
    );
    return new Map(rows.map((r) => [r.id, Number(r.version)]));
  }
}

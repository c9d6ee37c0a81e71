import { DataSource, EntityManager } from 'typeorm';
import { buildTsQuery, highlight, highlightTerms, indexString, snippet } from '../chinese-text';
import {
  DEFAULT_PAGE_SIZE,
  FACET_NAMES,
  FacetName,
  Facets,
  SearchDocumentFeed,
  SearchHit,
  Suggestion,
  VacancySearch,
  VacancySearchDocument,
  VacancySearchQuery,
  VacancySearchResult,
} from '../search-types';

const TABLE = 'vacancy_search_documents';
const EARTH_KM = 6371;
const KM_PER_DEGREE = 111.045;
const RANK_WINDOW = 2000;
/** Suggestions come from the newest matches: as-you-type needs speed more than completeness. */
const SUGGEST_WINDOW = 1000;

/** Positional parameters for one statement. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

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

function topValues(counts: Record<string, number>, limit = 50): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
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

  constructor(private readonly dataSource: DataSource) {
    super();
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
           education, welfare_tags, key_group_friendly, published_at, fair_ids, lat, lng, version, tsv)
         select x.id, x."title", x."occupationCode", x."occupationName", x."description",
           x."employerId", x."employerName", x."tags", x."kind", x."townshipCode", x."payMin",
           x."payMax", x."payUnit", x."education", x."welfareTags", x."keyGroupFriendly",
           x."publishedAt", x."fairIds", x."lat", x."lng", x."version",
           setweight(to_tsvector('simple', x.tokens_a), 'A')
             || setweight(to_tsvector('simple', x.tokens_b), 'B')
             || setweight(to_tsvector('simple', x.tokens_c), 'C')
             || setweight(to_tsvector('simple', x.tokens_d), 'D')
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
           version = excluded.version, tsv = excluded.tsv, indexed_at = now()
         where d.version < excluded.version`,
        [JSON.stringify(rows)],
      );
    }
  }

  async remove(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.dataSource.query(`delete from ${TABLE} where id = any($1::uuid[])`, [ids]);
  }

  async search(query: VacancySearchQuery): Promise<VacancySearchResult> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const params = new Params();
    const tsQuery = query.q ? buildTsQuery(query.q) : undefined;
    const tsParam = tsQuery ? params.add(tsQuery) : undefined;
    const where = this.filters(query, params, tsParam);
    const whereSql = where.length ? `where ${where.join(' and ')}` : '';
    const filterValues = [...params.values];
    const distance = query.point ? this.distanceSql(query.point, params) : 'null::float8';
    const sort = query.sort ?? 'relevance';
    // Ranking reads every match's tsvector; a broad word matches tens of thousands of rows, so
    // only the newest RANK_WINDOW matches are ranked (the total still counts them all).
    const ranked = sort === 'relevance' && tsParam !== undefined;
    const order =
      sort === 'distance'
        ? 'distance_km asc nulls last, published_at desc'
        : sort === 'pay'
          ? 'pay_max desc, pay_min desc, published_at desc'
          : sort === 'relevance' && tsParam
            ? `ts_rank(tsv, to_tsquery('simple', ${tsParam}))
                 * (0.5 + 0.5 / (1 + extract(epoch from now() - published_at) / 2592000)) desc,
               published_at desc`
            : 'published_at desc';
    const limit = params.add(pageSize);
    const offset = params.add((page - 1) * pageSize);
    const [rows, counted] = await Promise.all([
      this.dataSource.query(
        // Materialised so the planner takes the GIN index: walking published_at and testing
        // each row's tsvector read ~100k TOASTed rows for a common word at 1M.
        `${ranked ? `with matches as materialized (select id, published_at from ${TABLE} ${whereSql})` : ''}
         select id, title, occupation_code, occupation_name, description, employer_id,
           employer_name, tags, kind, township_code, pay_min, pay_max, pay_unit, education,
           welfare_tags, key_group_friendly, published_at, fair_ids, lat, lng,
           ${distance} as distance_km
         from ${TABLE} ${ranked ? `where id in (select id from matches order by published_at desc limit ${RANK_WINDOW})` : whereSql}
         order by ${order}, id
         limit ${limit} offset ${offset}`,
        params.values,
      ) as Promise<DocumentRow[]>,
      query.facets === false
        ? this.count(whereSql, filterValues).then((total) => ({ total, facets: undefined }))
        : this.facets(whereSql, filterValues),
    ]);
    const terms = query.q ? highlightTerms(query.q) : [];
    return {
      items: rows.map((row) => this.hit(row, terms)),
      total: counted.total,
      page,
      pageSize,
      ...(counted.facets ? { facets: counted.facets } : {}),
    };
  }

  private filters(query: VacancySearchQuery, params: Params, tsParam?: string): string[] {
    const where: string[] = [];
    if (tsParam) where.push(`tsv @@ to_tsquery('simple', ${tsParam})`);
    if (query.occupationCode) where.push(`occupation_code = ${params.add(query.occupationCode)}`);
    if (query.kind) where.push(`kind = ${params.add(query.kind)}`);
    if (query.townshipCode) where.push(`township_code = ${params.add(query.townshipCode)}`);
    if (query.payMin !== undefined) where.push(`pay_max >= ${params.add(query.payMin)}`);
    if (query.payMax !== undefined) where.push(`pay_min <= ${params.add(query.payMax)}`);
    if (query.payUnit) where.push(`pay_unit = ${params.add(query.payUnit)}`);
    if (query.education) where.push(`education = ${params.add(query.education)}`);
    if (query.welfareTags?.length)
      where.push(`welfare_tags @> ${params.add(query.welfareTags)}::text[]`);
    if (query.keyGroupFriendly !== undefined)
      where.push(`key_group_friendly = ${params.add(query.keyGroupFriendly)}`);
    if (query.employerId) where.push(`employer_id = ${params.add(query.employerId)}::uuid`);
    if (query.postedWithinDays !== undefined)
      where.push(
        `published_at >= now() - make_interval(days => ${params.add(query.postedWithinDays)})`,
      );
    if (query.fairId) where.push(`fair_ids @> array[${params.add(query.fairId)}::uuid]`);
    if (query.point && query.radiusKm !== undefined) {
      const { lat, lng } = query.point;
      const dLat = query.radiusKm / KM_PER_DEGREE;
      const dLng =
        query.radiusKm / (KM_PER_DEGREE * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
      // The box lets the (lat, lng) index cut the rows before the exact distance is computed.
      where.push(
        `lat between ${params.add(lat - dLat)} and ${params.add(lat + dLat)}`,
        `lng between ${params.add(lng - dLng)} and ${params.add(lng + dLng)}`,
        `${this.distanceSql(query.point, params)} <= ${params.add(query.radiusKm)}`,
      );
    }
    return where;
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

  private async count(whereSql: string, values: unknown[]): Promise<number> {
    const rows: { total: number }[] = await this.dataSource.query(
      `select count(*)::int as total from ${TABLE} ${whereSql}`,
      values,
    );
    return rows[0].total;
  }

  /**
   * The total and the scalar facets in one pass (grouping sets), the welfare
   * tags in a second: every extra pass over a broad match costs as much as the search.
   */
  private async facets(
    whereSql: string,
    values: unknown[],
  ): Promise<{ total: number; facets: Facets }> {
    const [grouped, welfare] = await Promise.all([
      this.dataSource.query(
        `select kind, township_code, occupation_code, education,
           grouping(kind, township_code, occupation_code, education) as g, count(*)::int as n
         from ${TABLE} ${whereSql}
         group by grouping sets ((kind), (township_code), (occupation_code), (education), ())`,
        values,
      ) as Promise<(Record<string, string> & { g: number; n: number })[]>,
      this.dataSource.query(
        `select tag, count(*)::int as n from ${TABLE}, unnest(welfare_tags) as tag ${whereSql}
         group by tag`,
        values,
      ) as Promise<{ tag: string; n: number }[]>,
    ]);
    const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, {}])) as Facets;
    let total = 0;
    for (const row of grouped) {
      const set = FACET_SETS[row.g];
      if (set) facets[set[0]][row[set[1]]] = row.n;
      else total = row.n;
    }
    for (const row of welfare) facets.welfareTags[row.tag] = row.n;
    for (const name of FACET_NAMES) facets[name] = topValues(facets[name]);
    return { total, facets };
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

  async suggest(prefix: string, limit = 10): Promise<Suggestion[]> {
    const tsQuery = buildTsQuery(prefix);
    if (!tsQuery) return [];
    const starts = prefix.trim().replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
    const rows: { text: string; type: Suggestion['type'] }[] = await this.dataSource.query(
      `with matches as materialized (
         select title, occupation_name from ${TABLE}
         where tsv @@ to_tsquery('simple', $1) order by published_at desc limit ${SUGGEST_WINDOW}
       )
       select text, type from (
         select title as text, 'title' as type, count(*) as n, title like $2 as starts
         from matches group by title
         union all
         select occupation_name, 'occupation', count(*), occupation_name like $2
         from matches group by occupation_name
       ) s
       order by starts desc, n desc, text
       limit $3`,
      [tsQuery, starts, limit * 2],
    );
    const seen = new Set<string>();
    return rows
      .filter((row) => !seen.has(row.text) && seen.add(row.text))
      .slice(0, limit)
      .map((row) => ({ text: row.text, type: row.type }));
  }

  async reindex(feed: SearchDocumentFeed): Promise<number> {
    // One transaction: searches keep seeing the old rows until the new ones are complete.
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`delete from ${TABLE}`);
      let count = 0;
      for await (const batch of feed.batches()) {
        await this.write(manager, batch);
        count += batch.length;
      }
      return count;
    });
  }

  async indexedVersions(): Promise<Map<string, number>> {
    const rows: { id: string; version: string }[] = await this.dataSource.query(
      `select id, version from ${TABLE}`,
    );
    return new Map(rows.map((r) => [r.id, Number(r.version)]));
  }
}

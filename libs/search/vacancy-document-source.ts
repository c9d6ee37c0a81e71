import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  chinaToday,
  KEY_GROUPS,
  occupationByCode,
  SHIFT_PATTERNS,
  ShiftPattern,
  VACANCY_KINDS,
  VACANCY_ROWS,
  VacancyKind,
} from '@jipin/vacancies';
import { FAIR_BOOTH_ROWS, FAIR_BOOTH_VACANCY_ROWS, FAIR_ROWS } from '@jipin/fairs';
import { EMPLOYER_ROWS } from '@jipin/employers';
import { SearchDocumentFeed, VacancySearchDocument } from './search-types';

interface SourceRow {
  id: string;
  title: string;
  occupation_code: string;
  description: string;
  employer_id: string;
  employer_name: string;
  kind: VacancyKind;
  township_code: string;
  pay_min: string;
  pay_max: string;
  pay_unit: string;
  education: string;
  welfare_tags: string[];
  target_key_groups: string[];
  shift_pattern: ShiftPattern | null;
  published_at: Date | null;
  updated_at: Date;
  lat: number | null;
  lng: number | null;
  fair_ids: string[] | null;
  version: string;
}

/** Findable: published, not past its last day, and the employer verified (not suspended, not rejected). */
const FINDABLE = `v.status = 'published' and e.status = 'verified' and v.expires_at >= $1::date`;
/** The vacancy's (v) booths at fairs, whatever their state. */
const FAIR_LINKS = `from ${FAIR_BOOTH_VACANCY_ROWS} bv
    join ${FAIR_BOOTH_ROWS} b on b.id = bv.booth_id
    join ${FAIR_ROWS} f on f.id = bv.fair_id
  where bv.vacancy_id = v.id`;
/** Fairs still to come or under way whose approved booths bring the vacancy. */
const FAIR_IDS = `array(select distinct bv.fair_id ${FAIR_LINKS}
    and b.status = 'approved' and f.status in ('registration_open', 'ongoing'))`;
/** Any change to the vacancy, its employer or its booths moves the version on, never back. */
const VERSION = `(extract(epoch from greatest(v.updated_at, e.updated_at,
    (select max(greatest(b.updated_at, f.updated_at)) ${FAIR_LINKS}))) * 1000)::bigint`;

/**
 * What the search index should hold, read from the database. The version is
 * the later of the vacancy's and its employer's last change, in epoch ms.
 */
@Injectable()
export class VacancyDocumentSource implements SearchDocumentFeed {
  constructor(private readonly dataSource: DataSource) {}

  /** The documents of those of the ids that are findable; the others should leave the index. */
  async documents(ids: string[]): Promise<VacancySearchDocument[]> {
    if (!ids.length) return [];
    const rows: SourceRow[] = await this.dataSource.query(
      `${this.select()} and v.id = any($2::uuid[])`,
      [chinaToday(), ids],
    );
    return rows.map(toDocument);
  }

  /** Every vacancy of these employers, findable or not. */
  async vacancyIdsOfEmployers(employerIds: string[]): Promise<string[]> {
    if (!employerIds.length) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `select id from ${VACANCY_ROWS} vacancies where employer_id = any($1::uuid[]) order by id`,
      [employerIds],
    );
    return rows.map((r) => r.id);
  }

  /** id → version of everything findable, for the reconcile job. */
  async versions(): Promise<Map<string, number>> {
    const rows: { id: string; version: string }[] = await this.dataSource.query(
      `select v.id, ${VERSION} as version
       from ${VACANCY_ROWS} v join ${EMPLOYER_ROWS} e on e.id = v.employer_id where ${FINDABLE}`,
      [chinaToday()],
    );
    return new Map(rows.map((r) => [r.id, Number(r.version)]));
  }

  async *batches(batchSize = 1000): AsyncIterable<VacancySearchDocument[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: SourceRow[] = await this.dataSource.query(
        `${this.select()} and v.id > $2::uuid order by v.id limit $3`,
        [chinaToday(), after, batchSize],
      );
      if (!rows.length) return;
      yield rows.map(toDocument);
      after = rows[rows.length - 1].id;
      if (rows.length < batchSize) return;
    }
  }

  private select(): string {
    return `select v.id, v.title, v.occupation_code, v.description, v.employer_id,
        e.name as employer_name, v.kind, v.township_code, v.pay_min, v.pay_max, v.pay_unit,
        v.education, v.welfare_tags, v.target_key_groups, v.shift_pattern, v.published_at,
        v.updated_at, coalesce(v.lat, e.lat) as lat, coalesce(v.lng, e.lng) as lng,
        ${FAIR_IDS} as fair_ids,
        ${VERSION} as version
      from ${VACANCY_ROWS} v join ${EMPLOYER_ROWS} e on e.id = v.employer_id
      where ${FINDABLE}`;
  }
}

function toDocument(row: SourceRow): VacancySearchDocument {
  const targetGroups = row.target_key_groups ?? [];
  const tags = [
    VACANCY_KINDS[row.kind],
    row.shift_pattern ? SHIFT_PATTERNS[row.shift_pattern] : undefined,
    ...targetGroups.map((g) => KEY_GROUPS[g]),
  ].filter((t): t is string => Boolean(t));
  return {
    id: row.id,
    title: row.title,
    occupationCode: row.occupation_code,
    occupationName: occupationByCode(row.occupation_code)?.name ?? row.occupation_code,
    description: row.description,
    employerId: row.employer_id,
    employerName: row.employer_name,
    tags,
    kind: row.kind,
    townshipCode: row.township_code,
    payMin: Number(row.pay_min),
    payMax: Number(row.pay_max),
    payUnit: row.pay_unit,
    education: row.education,
    welfareTags: row.welfare_tags ?? [],
    keyGroupFriendly:
      targetGroups.length > 0 || row.kind === 'public_welfare' || row.kind === 'internship',
    publishedAt: (row.published_at ?? row.updated_at).toISOString(),
    fairIds: row.fair_ids ?? [],
    lat: row.lat,
    lng: row.lng,
    version: Number(row.version),
  };
}

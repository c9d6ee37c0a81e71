import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { notFound, PiiCipher, PreparedStatement, queryPrepared } from '@jipin/core';
import { EmployerEntity } from '@jipin/employers';
import { VacancyEntity } from './entities/vacancy.entity';
import { PayUnit } from './review/pay-rules';
import { chinaToday } from './vacancy-input';
import { VacancyKind } from './vacancy-options';
import { vacancyView, VacancyView, VacancyViewSource } from './vacancy-view';

export interface PublicVacancyFilter {
  townshipCode?: string;
  kind?: VacancyKind;
  occupationCode?: string;
  payUnit?: PayUnit;
  keyword?: string;
  page: number;
  pageSize: number;
}

/** The public list counts exactly up to this many vacancies. */
export const LIST_COUNT_CAP = 10000;

/** Who may be seen, besides `v.expires_at >= today`: the list and the page share it. */
const VISIBLE = `v.status = 'published' and e.status not in ('suspended', 'rejected')`;

/**
 * The hottest public page in one prepared statement, its columns named as the
 * view reads them: no query building or entity hydration per request.
 */
const VACANCY_BY_ID: PreparedStatement = {
  name: 'public_vacancy_by_id',
  text: `select v.id, v.employer_id as "employerId", e.name as "employerName", v.title,
      v.occupation_code as "occupationCode", v.description, v.requirements, v.kind, v.headcount,
      v.pay_min::float8 as "payMin", v.pay_max::float8 as "payMax", v.pay_unit as "payUnit",
      v.education, v.age_min as "ageMin", v.age_max as "ageMax",
      v.experience_years as "experienceYears", v.welfare_tags as "welfareTags",
      v.shift_pattern as "shiftPattern", v.township_code as "townshipCode", v.address, v.lat, v.lng,
      v.contact_name as "contactName", v.contact_phone_cipher as "contactPhoneCipher",
      v.contact_mode as "contactMode",
      to_char(v.start_date, 'YYYY-MM-DD') as "startDate",
      to_char(v.expires_at, 'YYYY-MM-DD') as "expiresAt",
      v.target_key_groups as "targetKeyGroups", v.eligibility, v.status, v.version,
      v.published_at as "publishedAt", v.updated_at as "updatedAt"
    from vacancies v join employers e on e.id = v.employer_id
    where v.id = $1 and ${VISIBLE} and v.expires_at >= $2`,
};

/**
 * What anyone may read: published, unexpired vacancies of employers that are
 * not suspended or rejected. Full-text search is the search module's job.
 */
@Injectable()
export class PublicVacancyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {}

  async list(
    filter: PublicVacancyFilter,
  ): Promise<{ items: VacancyView[]; total: number; totalCapped: boolean }> {
    const query = this.visible();
    if (filter.townshipCode) query.andWhere('v.township_code = :t', { t: filter.townshipCode });
    if (filter.kind) query.andWhere('v.kind = :kind', { kind: filter.kind });
    if (filter.occupationCode)
      query.andWhere('v.occupation_code = :o', { o: filter.occupationCode });
    if (filter.payUnit) query.andWhere('v.pay_unit = :unit', { unit: filter.payUnit });
    if (filter.keyword)
      query.andWhere(`(v.title ilike :kw or e.name ilike :kw)`, {
        kw: `%${filter.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    // The employer join is many-to-one, so plain LIMIT/OFFSET is exact; TypeORM's
    // skip/take would add a DISTINCT pass over every visible vacancy, and
    // COUNT(DISTINCT) a sort of all their ids.
    const [{ entities, raw }, total] = await Promise.all([
      query
        .clone()
        .addSelect('e.name', 'employer_name')
        .orderBy('v.published_at', 'DESC')
        .addOrderBy('v.id')
        .offset((filter.page - 1) * filter.pageSize)
        .limit(filter.pageSize)
        .getRawAndEntities<{ v_id: string; employer_name: string }>(),
      this.cappedCount(query),
    ]);
    const names = new Map(raw.map((r) => [r.v_id, r.employer_name]));
    return {
      items: entities.map((v) => vacancyView(v, this.cipher, { employerName: names.get(v.id) })),
      ...total,
    };
  }

  /** One round trip: the employer's name comes with the vacancy (the hottest public page). */
  async get(id: string): Promise<VacancyView> {
    const [row] = await queryPrepared<VacancyViewSource & { employerName: string }>(
      this.dataSource,
      VACANCY_BY_ID,
      [id, chinaToday()],
    );
    if (!row) throw notFound('岗位');
    return vacancyView(row, this.cipher, { employerName: row.employerName });
  }

  /**
   * Counting every visible vacancy takes seconds at a province's million; past
   * LIST_COUNT_CAP the list says "10000+" (totalCapped) instead, as job sites do.
   */
  private async cappedCount(
    query: SelectQueryBuilder<VacancyEntity>,
  ): Promise<{ total: number; totalCapped: boolean }> {
    const [sql, parameters] = query
      .clone()
      .select('1')
      .limit(LIST_COUNT_CAP + 1)
      .getQueryAndParameters();
    const rows: { total: number }[] = await this.dataSource.query(
      `select count(*)::int as total from (${sql}) as capped`,
      parameters,
    );
    const counted = rows[0]?.total ?? 0;
    return { total: Math.min(counted, LIST_COUNT_CAP), totalCapped: counted > LIST_COUNT_CAP };
  }

  private visible(): SelectQueryBuilder<VacancyEntity> {
    return this.dataSource
      .getRepository(VacancyEntity)
      .createQueryBuilder('v')
      .innerJoin(EmployerEntity, 'e', 'e.id = v.employer_id')
      .where(VISIBLE)
      .andWhere('v.expires_at >= :today', { today: chinaToday() });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { notFound, PiiCipher } from '@jipin/core';
import { EmployerEntity } from '@jipin/employers';
import { VacancyEntity } from './entities/vacancy.entity';
import { PayUnit } from './review/pay-rules';
import { chinaToday } from './vacancy-input';
import { VacancyKind } from './vacancy-options';
import { vacancyView, VacancyView } from './vacancy-view';

export interface PublicVacancyFilter {
  townshipCode?: string;
  kind?: VacancyKind;
  occupationCode?: string;
  payUnit?: PayUnit;
  keyword?: string;
  page: number;
  pageSize: number;
}

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

  async list(filter: PublicVacancyFilter): Promise<{ items: VacancyView[]; total: number }> {
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
    const [rows, total] = await query
      .orderBy('v.published_at', 'DESC')
      .addOrderBy('v.id')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    const names = await this.employerNames(rows);
    return {
      items: rows.map((v) =>
        vacancyView(v, this.cipher, { employerName: names.get(v.employerId) }),
      ),
      total,
    };
  }

  /** One round trip: the employer's name comes with the vacancy (the hottest public page). */
  async get(id: string): Promise<VacancyView> {
    const { entities, raw } = await this.visible()
      .addSelect('e.name', 'employer_name')
      .andWhere('v.id = :id', { id })
      .getRawAndEntities<{ employer_name: string }>();
    if (!entities[0]) throw notFound('岗位');
    return vacancyView(entities[0], this.cipher, { employerName: raw[0].employer_name });
  }

  private visible(): SelectQueryBuilder<VacancyEntity> {
    return this.dataSource
      .getRepository(VacancyEntity)
      .createQueryBuilder('v')
      .innerJoin(EmployerEntity, 'e', 'e.id = v.employer_id')
      .where(`v.status = 'published'`)
      .andWhere(`e.status not in ('suspended', 'rejected')`)
      .andWhere('v.expires_at >= :today', { today: chinaToday() });
  }

  private async employerNames(rows: VacancyEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.map((v) => v.employerId))];
    if (!ids.length) return new Map();
    const employers = await this.dataSource
      .getRepository(EmployerEntity)
      .createQueryBuilder('e')
      .where('e.id in (:...ids)', { ids })
      .getMany();
    return new Map(employers.map((e) => [e.id, e.name]));
  }
}

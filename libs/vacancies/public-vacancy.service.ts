import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  GenerationCache,
  notFound,
  OutboxEventType,
  OutboxService,
  PiiCipher,
  PreparedStatement,
  queryPrepared,
} from '@jipin/core';
import { employerNameOf, employerShownToPublic } from '@jipin/employers';
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

/** Who may be seen: the list and the page share it ($1 is today). */
const VISIBLE = `v.status = 'published' and v.expires_at >= $1
  and ${employerShownToPublic('v.employer_id')}`;

/** The view's columns under its names: rows go straight into vacancyView, no entity hydration. */
const VIEW_COLUMNS = `v.id, v.employer_id as "employerId", v.title,
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
  v.published_at as "publishedAt", v.updated_at as "updatedAt"`;

/** The hottest public page in one prepared statement. */
const VACANCY_BY_ID: PreparedStatement = {
  name: 'public_vacancy_by_id',
  text: `select ${VIEW_COLUMNS}, ${employerNameOf('v.employer_id')} as "employerName"
    from vacancies v where ${VISIBLE} and v.id = $2`,
};

/** The list's filters, in the order their parameters follow today ($1). */
const FILTERS = [
  ['townshipCode', (p: string) => `v.township_code = ${p}`],
  ['kind', (p: string) => `v.kind = ${p}`],
  ['occupationCode', (p: string) => `v.occupation_code = ${p}`],
  ['payUnit', (p: string) => `v.pay_unit = ${p}`],
  [
    'keyword',
    (p: string) => `(v.title ilike ${p} or ${employerNameOf('v.employer_id')} ilike ${p})`,
  ],
] as const;

type ListedVacancy = VacancyViewSource & { employerName: string };

export interface VacancyListPage {
  items: VacancyView[];
  total: number;
  totalCapped: boolean;
}

/** Bumped after every committed change of a vacancy or an employer (migration 1765200000910). */
const PUBLIC_VACANCY_GENERATION = 'public_vacancy_generation';
/** A page past the end answers one row whose id is null: it carries the count. */
type ListRow = (ListedVacancy | { id: null }) & { counted: number };

/**
 * What anyone may read: published, unexpired vacancies of employers that are
 * not suspended or rejected. Full-text search is the search module's job.
 */
@Injectable()
export class PublicVacancyService {
  /** One prepared statement per combination of filters (at most 32), made on first use. */
  private readonly listStatements = new Map<string, PreparedStatement>();
  /**
   * Pages asked again within LIST_CACHE_SECONDS come from memory: the list is the hottest
   * anonymous read, and a county's visitors ask for the same first pages. A change to a
   * vacancy or an employer drops them (in this process before its request answers).
   */
  private readonly pages: GenerationCache;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
    outbox: OutboxService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pages = new GenerationCache(dataSource, {
      sequence: PUBLIC_VACANCY_GENERATION,
      maxEntries: 500,
      maxAgeMs: () => config.vacancyList.cacheSeconds * 1000,
    });
    outbox.onCommitted((types) => {
      if (
        !types.has(OutboxEventType.VacancyChanged) &&
        !types.has(OutboxEventType.EmployerStatusChanged)
      )
        return;
      this.pages.clear();
      // Other processes read the sequence; a failed bump leaves them their LIST_CACHE_SECONDS.
      this.pages.bump().catch(() => undefined);
    });
  }

  /**
   * The page and its capped count in one prepared statement. Counting every
   * visible vacancy takes seconds at a province's million; past LIST_COUNT_CAP
   * the list says "10000+" (totalCapped) instead, as job sites do.
   */
  list(filter: PublicVacancyFilter): Promise<VacancyListPage> {
    const today = chinaToday();
    const key = JSON.stringify([
      today,
      ...FILTERS.map(([name]) => filter[name] ?? null),
      filter.page,
      filter.pageSize,
    ]);
    return this.pages.get(key, () => this.loadList(filter, today));
  }

  private async loadList(filter: PublicVacancyFilter, today: string): Promise<VacancyListPage> {
    const used = FILTERS.filter(([name]) => filter[name]);
    const values: unknown[] = [
      today,
      ...used.map(([name]) =>
        name === 'keyword'
          ? `%${filter.keyword!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
          : filter[name],
      ),
      filter.pageSize,
      (filter.page - 1) * filter.pageSize,
    ];
    const rows = await queryPrepared<ListRow>(
      this.dataSource,
      this.listStatement(used.map(([name]) => name)),
      values,
    );
    const counted = rows[0]?.counted ?? 0;
    return {
      items: rows
        .filter((row): row is ListedVacancy & { counted: number } => row.id !== null)
        .map((row) => vacancyView(row, this.cipher, { employerName: row.employerName })),
      total: Math.min(counted, LIST_COUNT_CAP),
      totalCapped: counted > LIST_COUNT_CAP,
    };
  }

  /** One round trip: the employer's name comes with the vacancy (the hottest public page). */
  async get(id: string): Promise<VacancyView> {
    const [row] = await queryPrepared<VacancyViewSource & { employerName: string }>(
      this.dataSource,
      VACANCY_BY_ID,
      [chinaToday(), id],
    );
    if (!row) throw notFound('岗位');
    return vacancyView(row, this.cipher, { employerName: row.employerName });
  }

  /**
   * The employer's name is looked up for the page's rows only, after the
   * LIMIT; the count stops at LIST_COUNT_CAP + 1 rows. A page past the end
   * still answers one row (id null) that carries the count.
   */
  private listStatement(filters: string[]): PreparedStatement {
    const name = `public_vacancy_list_${filters.join('_') || 'all'}`;
    let statement = this.listStatements.get(name);
    if (!statement) {
      const where = [
        VISIBLE,
        ...filters.map((f, i) => FILTERS.find(([n]) => n === f)![1](`$${i + 2}`)),
      ].join(' and ');
      const limit = `$${filters.length + 2}`;
      const offset = `$${filters.length + 3}`;
      statement = {
        name,
        text: `select counted.n as counted, page.*
          from (select count(*)::int as n from (
                  select 1 from vacancies v where ${where} limit ${LIST_COUNT_CAP + 1}) capped) counted
          left join lateral (
            select shown.*, ${employerNameOf('shown."employerId"')} as "employerName"
              from (select ${VIEW_COLUMNS} from vacancies v where ${where}
                     order by v.published_at desc, v.id limit ${limit} offset ${offset}) shown
          ) page on true
          order by page."publishedAt" desc, page.id`,
      };
      this.listStatements.set(name, statement);
    }
    return statement;
  }
}

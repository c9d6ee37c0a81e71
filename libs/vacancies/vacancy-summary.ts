import { EntityManager } from 'typeorm';
import { PreparedStatement, queryPrepared, queryPreparedIn } from '@jipin/core';
import { employerNameOf } from '@jipin/employers';
import { Eligibility } from './eligibility/eligibility';
import { VacancyKind, VacancyStatus } from './vacancy-options';

/** What other modules (applications, favourites) need to know about a vacancy. */
export interface VacancySummary {
  id: string;
  employerId: string;
  employerName: string;
  title: string;
  kind: VacancyKind;
  status: VacancyStatus;
  /** YYYY-MM-DD */
  expiresAt: string;
  eligibility: Eligibility | null;
}

const SUMMARY_COLUMNS = `v.id, v.employer_id as "employerId",
  ${employerNameOf('v.employer_id')} as "employerName", v.title, v.kind, v.status,
  v.expires_at::text as "expiresAt", v.eligibility`;

/** Prepared: every application reads (and locks) its vacancy this way. */
const SUMMARY: PreparedStatement = {
  name: 'vacancy_summary',
  text: `select ${SUMMARY_COLUMNS} from vacancies v where v.id = $1`,
};
const SUMMARY_LOCKED: PreparedStatement = {
  name: 'vacancy_summary_locked',
  text: `${SUMMARY.text} for share of v`,
};

/**
 * One vacancy in one statement, whatever its status, or undefined. `lock`
 * takes a share lock on the vacancy's row for the caller's transaction, so it
 * cannot be closed while, say, an application to it is written.
 */
export async function vacancySummary(
  manager: EntityManager,
  vacancyId: string,
  options: { lock?: boolean } = {},
): Promise<VacancySummary | undefined> {
  const statement = options.lock ? SUMMARY_LOCKED : SUMMARY;
  const [row] = manager.queryRunner
    ? await queryPreparedIn<VacancySummary>(manager, statement, [vacancyId])
    : await queryPrepared<VacancySummary>(manager.connection, statement, [vacancyId]);
  return row;
}

/** Several vacancies in one statement (a list of applications), by id. */
export async function vacancySummaries(
  manager: EntityManager,
  vacancyIds: string[],
): Promise<Map<string, VacancySummary>> {
  if (!vacancyIds.length) return new Map();
  const rows: VacancySummary[] = await manager.query(
    `select ${SUMMARY_COLUMNS} from vacancies v where v.id = any($1::uuid[])`,
    [[...new Set(vacancyIds)]],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

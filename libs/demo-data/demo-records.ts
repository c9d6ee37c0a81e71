import { EntityManager } from 'typeorm';
import { USER_ROWS } from '@jipin/accounts';
import { EMPLOYER_ROWS } from '@jipin/employers';
import { FAIR_ROWS } from '@jipin/fairs';
import { SEEKER_PROFILE_ROWS } from '@jipin/seekers';
import { VACANCY_ROWS } from '@jipin/vacancies';

/** The kinds of record the demo data creates, each a table with a uuid id. */
export const DEMO_KINDS = ['users', 'employers', 'vacancies', 'fairs', 'seeker_profiles'] as const;
export type DemoKind = (typeof DEMO_KINDS)[number];

const ROWS_OF: Record<DemoKind, string> = {
  users: USER_ROWS,
  employers: EMPLOYER_ROWS,
  vacancies: VACANCY_ROWS,
  fairs: FAIR_ROWS,
  seeker_profiles: SEEKER_PROFILE_ROWS,
};

/**
 * Marks every record of the demo kinds as demo data. The demo data is loaded
 * into an empty database, so right after loading, every such record is demo.
 */
export async function markAllAsDemo(manager: EntityManager): Promise<void> {
  for (const kind of DEMO_KINDS)
    await manager.query(
      `insert into demo_records (kind, record_id) select $1, id from ${ROWS_OF[kind]} x
       on conflict do nothing`,
      [kind],
    );
}

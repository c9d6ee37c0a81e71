import { EntityManager } from 'typeorm';

/** The kinds of record the demo data creates, each a table with a uuid id. */
export const DEMO_KINDS = ['users', 'employers', 'vacancies', 'fairs', 'seeker_profiles'] as const;
export type DemoKind = (typeof DEMO_KINDS)[number];

/**
 * Marks every record of the demo kinds as demo data. The demo data is loaded
 * into an empty database, so right after loading, every such record is demo.
 */
export async function markAllAsDemo(manager: EntityManager): Promise<void> {
  for (const kind of DEMO_KINDS)
    await manager.query(
      `insert into demo_records (kind, record_id) select $1, id from ${kind}
       on conflict do nothing`,
      [kind],
    );
}

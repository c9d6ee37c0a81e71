import { EntityManager } from 'typeorm';

/*
 * Deletes for the removal of demo data (libs/demo-data), which orders them across modules.
 * Each `…Sql` argument is a subquery of ids built from exported rows, never from input.
 */

/** History goes with its vacancy (on delete cascade). */
export async function deleteVacancies(manager: EntityManager, idsSql: string): Promise<void> {
  await manager.query(`delete from vacancies where id in ${idsSql}`);
}

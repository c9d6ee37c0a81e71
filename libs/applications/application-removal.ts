import { EntityManager } from 'typeorm';

/*
 * Deletes for the removal of demo data (libs/demo-data), which orders them across modules.
 * Each `…Sql` argument is a subquery of ids built from exported rows, never from input.
 */

/** History goes with its application (on delete cascade). */
export async function deleteApplications(manager: EntityManager, idsSql: string): Promise<void> {
  await manager.query(`delete from applications where id in ${idsSql}`);
}

import { EntityManager } from 'typeorm';

/*
 * Deletes for the removal of demo data (libs/demo-data), which orders them across modules.
 * Each `…Sql` argument is a subquery of ids built from exported rows, never from input.
 */

/** Members and history go with their employer (on delete cascade). */
export async function deleteEmployers(manager: EntityManager, idsSql: string): Promise<void> {
  await manager.query(`delete from employers where id in ${idsSql}`);
}

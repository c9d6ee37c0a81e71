import { EntityManager } from 'typeorm';

/*
 * Deletes for the removal of demo data (libs/demo-data), which orders them across modules.
 * Each `…Sql` argument is a subquery of ids built from exported rows, never from input.
 */

/** The placements of the intents, then the intents. */
export async function deleteIntents(manager: EntityManager, idsSql: string): Promise<void> {
  await manager.query(`delete from placements where intent_id in ${idsSql}`);
  await manager.query(`delete from placement_intents where id in ${idsSql}`);
}

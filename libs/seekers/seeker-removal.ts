import { EntityManager } from 'typeorm';

/*
 * Deletes for the removal of demo data (libs/demo-data), which orders them across modules.
 * Each `…Sql` argument is a subquery of ids built from exported rows, never from input.
 */

/** The employment history written by these placements (before the placements go). */
export async function deleteEmploymentHistoryOfPlacements(
  manager: EntityManager,
  placementIdsSql: string,
): Promise<void> {
  await manager.query(
    `delete from seeker_employment_history where placement_id in ${placementIdsSql}`,
  );
}

export async function deleteSeekerProfiles(
  manager: EntityManager,
  of: { idsSql: string; userIdsSql: string },
): Promise<void> {
  await manager.query(
    `delete from seeker_profiles where id in ${of.idsSql} or user_id in ${of.userIdsSql}`,
  );
}

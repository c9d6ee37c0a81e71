import { EntityManager } from 'typeorm';

/*
 * Deletes for the removal of demo data (libs/demo-data), which orders them across modules.
 * Each `…Sql` argument is a subquery of ids built from exported rows, never from input.
 */

/** Booth vacancies, booths, registrations and fairs that hang on the given rows. */
export async function deleteFairRows(
  manager: EntityManager,
  of: { vacancyIdsSql: string; employerIdsSql: string; userIdsSql: string; fairIdsSql: string },
): Promise<void> {
  await manager.query(`delete from fair_booth_vacancies where vacancy_id in ${of.vacancyIdsSql}`);
  await manager.query(`delete from fair_booths where employer_id in ${of.employerIdsSql}`);
  await manager.query(`delete from fair_registrations where seeker_user_id in ${of.userIdsSql}`);
  await manager.query(`delete from fairs where id in ${of.fairIdsSql}`);
}

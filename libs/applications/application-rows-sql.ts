/**
 * The application rows other modules may read in SQL, as subqueries to put in a from or join with an
 * alias (`join ${APPLICATION_ROWS} x on x.id = …`). Only this lib names its tables; when a column is
 * renamed, these lists keep the old name as an alias. PostgreSQL flattens such subqueries, so a
 * join through them is planned like a join on the table itself.
 */

/** One row per application. */
export const APPLICATION_ROWS = `(select
  id, vacancy_id, employer_id, seeker_profile_id, seeker_user_id, status, cover_note,
  status_changed_at, created_at, updated_at, fair_id
  from applications)`;

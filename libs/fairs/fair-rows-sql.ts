/**
 * The fair rows other modules may read in SQL, as subqueries to put in a from or join with an
 * alias (`join ${FAIR_ROWS} x on x.id = …`). Only this lib names its tables; when a column is
 * renamed, these lists keep the old name as an alias. PostgreSQL flattens such subqueries, so a
 * join through them is planned like a join on the table itself.
 */

/** One row per fair. */
export const FAIR_ROWS = `(select
  id, title, campaign, mode, venue, township_code, starts_at, ends_at, booth_count,
  target_key_groups, live_stream_url, description, status, status_reason, created_by,
  created_at, updated_at
  from fairs)`;

/** Booths of the fairs, in any status. */
export const FAIR_BOOTH_ROWS = `(select
  id, fair_id, employer_id, status, booth_number, decision_note, applied_by, decided_by,
  decided_at, created_at, updated_at
  from fair_booths)`;

/** The vacancies shown at each booth. */
export const FAIR_BOOTH_VACANCY_ROWS = `(select
  booth_id, vacancy_id, fair_id
  from fair_booth_vacancies)`;

/** Seekers registered for a fair, with their check-in. */
export const FAIR_REGISTRATION_ROWS = `(select
  id, fair_id, seeker_user_id, ticket_code, source, registered_at, checked_in_at,
  checked_in_by
  from fair_registrations)`;

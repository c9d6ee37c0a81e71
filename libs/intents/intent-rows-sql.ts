/**
 * The intent rows other modules may read in SQL, as subqueries to put in a from or join with an
 * alias (`join ${PLACEMENT_INTENT_ROWS} x on x.id = …`). Only this lib names its tables; when a column is
 * renamed, these lists keep the old name as an alias. PostgreSQL flattens such subqueries, so a
 * join through them is planned like a join on the table itself.
 */

/** One row per employment intent. */
export const PLACEMENT_INTENT_ROWS = `(select
  id, seeker_user_id, seeker_profile_id, vacancy_id, employer_id, township_code, source,
  fair_id, application_id, recorded_by, recorded_by_role, recorded_at, follow_up_due_on,
  outcome, outcome_note, outcome_by, outcome_at
  from placement_intents)`;

/** One row per confirmed placement (hire). */
export const PLACEMENT_ROWS = `(select
  id, intent_id, seeker_user_id, seeker_profile_id, vacancy_id, employer_id,
  township_code, workplace_township_code, hired_on, left_on, key_groups, rural_labour_transfer,
  urban_new_employment, difficulty_reemployment, confirmed_by, created_at
  from placements)`;

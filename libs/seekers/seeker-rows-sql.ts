/**
 * The seeker rows other modules may read in SQL, as subqueries to put in a from or join with an
 * alias (`join ${SEEKER_PROFILE_ROWS} x on x.id = …`). Only this lib names its tables; when a column is
 * renamed, these lists keep the old name as an alias. PostgreSQL flattens such subqueries, so a
 * join through them is planned like a join on the table itself.
 */

/** One row per seeker profile (ID number only as cipher and blind index). */
export const SEEKER_PROFILE_ROWS = `(select
  id, user_id, name, gender, birth_date, id_number_cipher, id_number_index, household,
  township_code, village_code, education, first_college_graduation_date, work_history,
  skills, certificates, desired_occupations, desired_townships, desired_pay_min,
  desired_pay_max, available_from, employment_status, visibility,
  recommendation_opt_out, registered_by, consent_method, consent_witness,
  consent_reference, consent_recorded_by, consent_recorded_at, updated_by,
  anonymised_at, created_at, updated_at, contact_phone_cipher, contact_relation
  from seeker_profiles)`;

/** Declared key groups of each profile, with their verification status. */
export const SEEKER_KEY_GROUP_ROWS = `(select
  id, profile_id, code, status, note, declared_by, declared_at, verified_by, verified_at
  from seeker_key_groups)`;

/** Employment status changes of each profile. */
export const SEEKER_EMPLOYMENT_HISTORY_ROWS = `(select
  id, profile_id, status, since, placement_id, recorded_by, recorded_at
  from seeker_employment_history)`;

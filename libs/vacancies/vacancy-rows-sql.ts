/**
 * The vacancy rows other modules may read in SQL, as subqueries to put in a from or join with an
 * alias (`join ${VACANCY_ROWS} x on x.id = …`). Only this lib names its tables; when a column is
 * renamed, these lists keep the old name as an alias. PostgreSQL flattens such subqueries, so a
 * join through them is planned like a join on the table itself.
 */

/** One row per vacancy, in any status. */
export const VACANCY_ROWS = `(select
  id, employer_id, title, occupation_code, description, requirements, kind, headcount,
  pay_min, pay_max, pay_unit, education, age_min, age_max, experience_years,
  welfare_tags, shift_pattern, township_code, address, lat, lng, contact_name,
  contact_phone_cipher, start_date, expires_at, target_key_groups, eligibility, status,
  review_flags, review_note, version, monthly_subsidy, import_key, created_by, published_at,
  created_at, updated_at, first_published_at, contact_mode
  from vacancies)`;

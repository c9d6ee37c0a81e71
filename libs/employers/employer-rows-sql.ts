/**
 * The employer rows other modules may read in SQL, as subqueries to put in a from or join with an
 * alias (`join ${EMPLOYER_ROWS} x on x.id = …`). Only this lib names its tables; when a column is
 * renamed, these lists keep the old name as an alias. PostgreSQL flattens such subqueries, so a
 * join through them is planned like a join on the table itself.
 */

/** One row per employer. */
export const EMPLOYER_ROWS = `(select
  id, name, credit_code, industry, size, address, township_code, lat, lng, contact_name,
  contact_phone_cipher, licence, status, status_reason, status_changed_by,
  status_changed_at, owner_user_id, created_at, updated_at
  from employers)`;

/** The recruiters of each employer (user_id, employer_id, role). */
export const EMPLOYER_MEMBER_ROWS = `(select
  user_id, employer_id, role, invited_by, created_at
  from employer_members)`;

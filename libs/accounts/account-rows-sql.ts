/**
 * The account rows other modules may read in SQL, as subqueries to put in a from or join with an
 * alias (`join ${USER_ROWS} x on x.id = …`). Only this lib names its tables; when a column is
 * renamed, these lists keep the old name as an alias. PostgreSQL flattens such subqueries, so a
 * join through them is planned like a join on the table itself.
 */

/** One row per user account (no password hash). */
export const USER_ROWS = `(select
  id, phone_index, phone_cipher, role, name, township_code, status, sms_opt_in,
  last_login_at, created_at, updated_at
  from users)`;

import { EntityManager } from 'typeorm';

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 60000;

/**
 * Inserts many rows with few statements (imports of thousands of records)
 * and returns how many went in (fewer than given when onConflict skips some).
 * Callers that need the ids generate them (randomUUID) and pass them as a
 * column. The caller names its own table: each module still writes only its tables.
 */
export async function bulkInsert(
  manager: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
  /** e.g. "on conflict do nothing" for links that may exist already. */
  onConflict = '',
): Promise<number> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  let inserted = 0;
  for (let start = 0; start < rows.length; start += perStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + perStatement).map((row) => {
      const slots = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${slots.join(', ')})`;
    });
    const added: unknown[] = await manager.query(
      `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')} ${onConflict} returning 1`,
      params,
    );
    inserted += added.length;
  }
  return inserted;
}

import { EntityManager } from 'typeorm';

/** Those of these logins that are active (not suspended or deleted). */
export async function activeUserIds(manager: EntityManager, userIds: string[]): Promise<string[]> {
  if (!userIds.length) return [];
  const rows: { id: string }[] = await manager.query(
    `select id from users where id = any($1::uuid[]) and status = 'active'`,
    [userIds],
  );
  return rows.map((r) => r.id);
}

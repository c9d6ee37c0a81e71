import { EntityManager } from 'typeorm';

/** Deletes the notifications older than `days` (recruitment retention); returns how many. */
export async function deleteNotificationsOlderThan(
  manager: EntityManager,
  days: number,
): Promise<number> {
  const [, deleted]: [unknown[], number] = await manager.query(
    `delete from notifications where created_at < now() - make_interval(days => $1)`,
    [days],
  );
  return deleted;
}

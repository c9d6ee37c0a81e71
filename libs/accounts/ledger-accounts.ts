import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { bulkInsert, PiiCipher } from '@jipin/core';

/**
 * Logins for people brought in from the bureau's ledger: unclaimed (no
 * password), like 代录, and without a welcome SMS (they registered long ago).
 * Returns the new user ids in the order given.
 */
export async function insertLedgerSeekerUsers(
  manager: EntityManager,
  cipher: PiiCipher,
  people: { name: string; phone: string | null; registeredAt: Date }[],
): Promise<string[]> {
  const ids = people.map(() => randomUUID());
  await bulkInsert(
    manager,
    'users',
    ['id', 'phone_index', 'phone_cipher', 'role', 'name', 'created_at', 'updated_at'],
    people.map((p, i) => [
      ids[i],
      p.phone ? cipher.blindIndex(p.phone) : null,
      p.phone ? cipher.encrypt(p.phone) : null,
      'seeker',
      p.name,
      p.registeredAt,
      p.registeredAt,
    ]),
  );
  return ids;
}

/** Which of these phones already belong to a login (blind indexes). */
export async function phonesInUse(
  manager: EntityManager,
  cipher: PiiCipher,
  phones: string[],
): Promise<Set<string>> {
  if (!phones.length) return new Set();
  const rows: { phone_index: string }[] = await manager.query(
    `select phone_index from users where phone_index = any($1)`,
    [phones.map((p) => cipher.blindIndex(p))],
  );
  const taken = new Set(rows.map((r) => r.phone_index));
  return new Set(phones.filter((p) => taken.has(cipher.blindIndex(p))));
}

import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { bulkInsert, PiiCipher } from '@jipin/core';
import { EmployerSize } from './entities/employer.entity';

/** One employer of the bureau's 单位台账, checked by the caller. */
export interface LedgerEmployer {
  creditCode: string;
  name: string;
  industry: string;
  size: EmployerSize;
  address: string;
  townshipCode: string;
  contactName: string;
  contactPhone: string;
  legalRepresentative: string;
  /** YYYY-MM-DD: when the bureau registered the employer. */
  registeredOn: string;
}

export interface LedgerEmployerRef {
  id: string;
  townshipCode: string;
  created: boolean;
}

/** Employers already registered, keyed by credit code (统一社会信用代码). */
export async function findLedgerEmployers(
  manager: EntityManager,
  creditCodes: string[],
): Promise<Map<string, LedgerEmployerRef>> {
  if (!creditCodes.length) return new Map();
  const rows: { id: string; creditCode: string; townshipCode: string }[] = await manager.query(
    `select id, credit_code as "creditCode", township_code as "townshipCode"
       from employers where credit_code = any($1)`,
    [creditCodes],
  );
  return new Map(rows.map((r) => [r.creditCode, { ...r, created: false }]));
}

/**
 * Registers the ledger's employers as verified (the bureau has known them);
 * the staff member who imports them is their owner of record until a
 * recruiter joins. In the caller's transaction.
 */
export async function insertLedgerEmployers(
  manager: EntityManager,
  cipher: PiiCipher,
  employers: LedgerEmployer[],
  actorId: string,
): Promise<Map<string, LedgerEmployerRef>> {
  const ids = employers.map(() => randomUUID());
  const now = new Date();
  await bulkInsert(
    manager,
    'employers',
    [
      'id',
      'name',
      'credit_code',
      'industry',
      'size',
      'address',
      'township_code',
      'contact_name',
      'contact_phone_cipher',
      'licence',
      'status',
      'status_reason',
      'status_changed_by',
      'status_changed_at',
      'owner_user_id',
      'created_at',
    ],
    employers.map((e, i) => [
      ids[i],
      e.name,
      e.creditCode,
      e.industry,
      e.size,
      e.address,
      e.townshipCode,
      e.contactName,
      cipher.encrypt(e.contactPhone),
      JSON.stringify({ legalRepresentative: e.legalRepresentative }),
      'verified',
      '历史台账导入',
      actorId,
      now,
      actorId,
      new Date(`${e.registeredOn}T09:00:00+08:00`),
    ]),
  );
  return new Map(
    employers.map((e, i) => [
      e.creditCode,
      { id: ids[i], townshipCode: e.townshipCode, created: true },
    ]),
  );
}

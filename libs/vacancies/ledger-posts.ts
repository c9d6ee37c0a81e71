import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { bulkInsert, OutboxEventType, OutboxService, PiiCipher } from '@jipin/core';
import { PayUnit } from './review/pay-rules';
import { VacancyKind } from './vacancy-options';

/** One post of the bureau's 岗位台账 (vacancy, public-welfare or internship post), checked by the caller. */
export interface LedgerPost {
  employerId: string;
  /** The employer's credit code and the ledger's post number: the post's natural key. */
  creditCode: string;
  postNumber: string;
  title: string;
  occupationCode: string;
  kind: VacancyKind;
  headcount: number;
  payMin: number;
  payMax: number;
  payUnit: PayUnit;
  townshipCode: string;
  address: string;
  contactName: string;
  contactPhone: string;
  /** YYYY-MM-DD: published (the statistics count the post as developed then). */
  publishedOn: string;
  expiresOn: string;
  targetKeyGroups: string[];
  monthlySubsidy: number | null;
}

export interface LedgerPostRef {
  id: string;
  employerId: string;
  occupationCode: string;
  townshipCode: string;
  kind: VacancyKind;
  created: boolean;
}

/** The import key of a ledger post: the same employer and post number give the same key. */
export function ledgerPostKey(creditCode: string, postNumber: string): string {
  return createHash('sha256').update(`ledger-post\n${creditCode}\n${postNumber}`).digest('hex');
}

/** Posts imported before, keyed by ledgerPostKey. */
export async function findLedgerPosts(
  manager: EntityManager,
  keys: string[],
): Promise<Map<string, LedgerPostRef>> {
  if (!keys.length) return new Map();
  const rows: (LedgerPostRef & { importKey: string })[] = await manager.query(
    `select id, employer_id as "employerId", occupation_code as "occupationCode",
            township_code as "townshipCode", kind, import_key as "importKey"
       from vacancies where import_key = any($1)`,
    [keys],
  );
  return new Map(rows.map(({ importKey, ...r }) => [importKey, { ...r, created: false }]));
}

/**
 * Publishes the ledger's posts on their own dates (expired when their last day
 * has passed), each with an "imported" history line and an event so search
 * and matching see the ones still open. In the caller's transaction.
 */
export async function insertLedgerPosts(
  manager: EntityManager,
  cipher: PiiCipher,
  outbox: OutboxService,
  posts: LedgerPost[],
  actorId: string,
  today: string,
): Promise<Map<string, LedgerPostRef>> {
  const ids = posts.map(() => randomUUID());
  await bulkInsert(
    manager,
    'vacancies',
    [
      'id',
      'employer_id',
      'title',
      'occupation_code',
      'description',
      'kind',
      'headcount',
      'pay_min',
      'pay_max',
      'pay_unit',
      'township_code',
      'address',
      'contact_name',
      'contact_phone_cipher',
      'start_date',
      'expires_at',
      'target_key_groups',
      'status',
      'import_key',
      'created_by',
      'published_at',
      'first_published_at',
      'created_at',
      'monthly_subsidy',
    ],
    posts.map((p, i) => {
      const published = new Date(`${p.publishedOn}T09:00:00+08:00`);
      return [
        ids[i],
        p.employerId,
        p.title,
        p.occupationCode,
        p.title,
        p.kind,
        p.headcount,
        p.payMin,
        p.payMax,
        p.payUnit,
        p.townshipCode,
        p.address,
        p.contactName,
        cipher.encrypt(p.contactPhone),
        p.publishedOn,
        p.expiresOn,
        p.targetKeyGroups,
        p.expiresOn < today ? 'expired' : 'published',
        ledgerPostKey(p.creditCode, p.postNumber),
        actorId,
        published,
        published,
        published,
        p.monthlySubsidy,
      ];
    }),
  );
  await bulkInsert(
    manager,
    'vacancy_history',
    ['vacancy_id', 'action', 'to_status', 'version', 'reason', 'actor_user_id'],
    posts.map((p, i) => [
      ids[i],
      'imported',
      p.expiresOn < today ? 'expired' : 'published',
      1,
      '历史台账导入',
      actorId,
    ]),
  );
  const open = ids.filter((_, i) => posts[i].expiresOn >= today);
  if (open.length)
    await outbox.record(
      manager,
      ...open.map((vacancyId) => ({
        type: OutboxEventType.VacancyChanged as const,
        aggregateId: vacancyId,
        payload: { vacancyId },
      })),
    );
  return new Map(
    posts.map((p, i) => [
      ledgerPostKey(p.creditCode, p.postNumber),
      {
        id: ids[i],
        employerId: p.employerId,
        occupationCode: p.occupationCode,
        townshipCode: p.townshipCode,
        kind: p.kind,
        created: true,
      },
    ]),
  );
}

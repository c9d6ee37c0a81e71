import { randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { bulkInsert } from '@jipin/core';
import { FairMode } from './entities/fair.entity';

/** One fair of the bureau's 招聘会台账, checked by the caller. */
export interface LedgerFair {
  /** The ledger's number for the fair: its natural key. */
  number: string;
  title: string;
  campaign: string | null;
  mode: FairMode;
  venue: string | null;
  townshipCode: string | null;
  startsAt: Date;
  endsAt: Date;
  targetKeyGroups: string[];
  boothCount: number;
}

/** An employer's booth at a fair and the posts it brought (参会单位台账). */
export interface LedgerBooth {
  fairId: string;
  employerId: string;
  boothNumber: number | null;
  vacancyIds: string[];
}

/** A person who came to a fair (参会人员台账). */
export interface LedgerAttendee {
  fairId: string;
  seekerUserId: string;
  checkedInAt: Date;
}

export interface LedgerFairRef {
  id: string;
  startsAt: Date;
  created: boolean;
}

/** Booth numbers already given at these fairs: fair id → number → employer id. */
export async function takenBoothNumbers(
  manager: EntityManager,
  fairIds: string[],
): Promise<Map<string, Map<number, string>>> {
  const taken = new Map<string, Map<number, string>>();
  if (!fairIds.length) return taken;
  const rows: { fairId: string; number: number; employerId: string }[] = await manager.query(
    `select fair_id as "fairId", booth_number as number, employer_id as "employerId"
       from fair_booths where fair_id = any($1) and status = 'approved' and booth_number is not null`,
    [fairIds],
  );
  for (const r of rows) {
    if (!taken.has(r.fairId)) taken.set(r.fairId, new Map());
    taken.get(r.fairId)!.set(r.number, r.employerId);
  }
  return taken;
}

/** Fairs imported before, keyed by their ledger number. */
export async function findLedgerFairs(
  manager: EntityManager,
  numbers: string[],
): Promise<Map<string, LedgerFairRef>> {
  if (!numbers.length) return new Map();
  const rows: { id: string; importKey: string; startsAt: Date }[] = await manager.query(
    `select id, import_key as "importKey", starts_at as "startsAt" from fairs
      where import_key = any($1)`,
    [numbers],
  );
  return new Map(
    rows.map((r) => [r.importKey, { id: r.id, startsAt: r.startsAt, created: false }]),
  );
}

/** Fairs held in the past are recorded as ended; in the caller's transaction. */
export async function insertLedgerFairs(
  manager: EntityManager,
  fairs: LedgerFair[],
  actorId: string,
  now: Date,
): Promise<Map<string, LedgerFairRef>> {
  const ids = fairs.map(() => randomUUID());
  await bulkInsert(
    manager,
    'fairs',
    [
      'id',
      'title',
      'campaign',
      'mode',
      'venue',
      'township_code',
      'starts_at',
      'ends_at',
      'booth_count',
      'target_key_groups',
      'status',
      'status_reason',
      'import_key',
      'created_by',
      'created_at',
    ],
    fairs.map((f, i) => [
      ids[i],
      f.title,
      f.campaign,
      f.mode,
      f.venue,
      f.townshipCode,
      f.startsAt,
      f.endsAt,
      f.boothCount,
      f.targetKeyGroups,
      f.endsAt < now ? 'ended' : 'registration_open',
      '历史台账导入',
      f.number,
      actorId,
      f.startsAt,
    ]),
  );
  return new Map(
    fairs.map((f, i) => [f.number, { id: ids[i], startsAt: f.startsAt, created: true }]),
  );
}

/**
 * Approved booths with the posts they brought. A booth the employer already
 * has at that fair is kept and only gains the posts it lacks.
 */
export async function insertLedgerBooths(
  manager: EntityManager,
  booths: LedgerBooth[],
  actorId: string,
): Promise<{ created: number }> {
  if (!booths.length) return { created: 0 };
  const existing: { id: string; fairId: string; employerId: string }[] = await manager.query(
    `select id, fair_id as "fairId", employer_id as "employerId" from fair_booths
      where fair_id = any($1) and status = 'approved'`,
    [[...new Set(booths.map((b) => b.fairId))]],
  );
  const boothOf = new Map(existing.map((b) => [`${b.fairId}:${b.employerId}`, b.id]));
  const fresh = booths.filter((b) => !boothOf.has(`${b.fairId}:${b.employerId}`));
  const ids = fresh.map(() => randomUUID());
  fresh.forEach((b, i) => boothOf.set(`${b.fairId}:${b.employerId}`, ids[i]));
  const now = new Date();
  await bulkInsert(
    manager,
    'fair_booths',
    [
      'id',
      'fair_id',
      'employer_id',
      'status',
      'booth_number',
      'decision_note',
      'applied_by',
      'decided_by',
      'decided_at',
    ],
    fresh.map((b, i) => [
      ids[i],
      b.fairId,
      b.employerId,
      'approved',
      b.boothNumber,
      '历史台账导入',
      actorId,
      actorId,
      now,
    ]),
  );
  await bulkInsert(
    manager,
    'fair_booth_vacancies',
    ['booth_id', 'vacancy_id', 'fair_id'],
    booths.flatMap((b) =>
      b.vacancyIds.map((v) => [boothOf.get(`${b.fairId}:${b.employerId}`), v, b.fairId]),
    ),
    'on conflict do nothing',
  );
  return { created: fresh.length };
}

/**
 * People who came, checked in at the door; someone already registered for
 * that fair is kept as is. Returns how many were new.
 */
export function insertLedgerAttendees(
  manager: EntityManager,
  attendees: LedgerAttendee[],
  actorId: string,
): Promise<number> {
  return bulkInsert(
    manager,
    'fair_registrations',
    [
      'fair_id',
      'seeker_user_id',
      'ticket_code',
      'source',
      'registered_at',
      'checked_in_at',
      'checked_in_by',
    ],
    attendees.map((a) => [
      a.fairId,
      a.seekerUserId,
      randomBytes(16).toString('base64url'),
      'walk_in',
      a.checkedInAt,
      a.checkedInAt,
      actorId,
    ]),
    'on conflict (fair_id, seeker_user_id) do nothing',
  );
}

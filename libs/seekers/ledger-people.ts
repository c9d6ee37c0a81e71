import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { insertLedgerSeekerUsers } from '@jipin/accounts';
import { bulkInsert, OutboxEventInput, OutboxService, PiiCipher } from '@jipin/core';
import { employmentStatusBefore } from './employment-history';
import { DeclaredKeyGroup, deriveKeyGroups, KeyGroup } from './key-groups';
import { seekerProfileChanged } from './seeker-profile.service';
import { EducationEntry, EmploymentStatus, Gender, Household } from './seeker-types';

/** One person of the bureau's 人员台账, checked by the caller. */
export interface LedgerPerson {
  idNumber: string;
  name: string;
  gender: Gender;
  birthDate: string;
  household: Household;
  townshipCode: string;
  education: EducationEntry[];
  phone: string | null;
  /** YYYY-MM-DD: the day the bureau registered the person. */
  registeredOn: string;
  /** The status the person registered with. */
  status: EmploymentStatus;
  /** Key groups the bureau verified (脱贫劳动力, 就业困难人员 …). */
  keyGroups: DeclaredKeyGroup[];
}

/** What the other ledgers need to know about a person, new or already registered. */
export interface LedgerPersonRef {
  profileId: string;
  userId: string;
  townshipCode: string;
  gender: Gender;
  birthDate: string;
  household: Household;
  education: EducationEntry[];
  verifiedGroups: string[];
  /** Registered by this import (its status history is known in full). */
  created: boolean;
  registeredOn: string;
  status: EmploymentStatus;
}

const OUTBOX_CHUNK = 5000;

/** China midnight of a YYYY-MM-DD day, plus a few hours so the day stays the same in any view. */
export function chinaDayInstant(date: string, hour = 9): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

/** The people of these ID numbers who already have a profile, keyed by ID number. */
export async function findLedgerPeople(
  manager: EntityManager,
  cipher: PiiCipher,
  idNumbers: string[],
): Promise<Map<string, LedgerPersonRef>> {
  const byIndex = new Map(idNumbers.map((id) => [cipher.blindIndex(id), id]));
  if (!byIndex.size) return new Map();
  const rows: (Omit<LedgerPersonRef, 'created'> & { idNumberIndex: string })[] =
    await manager.query(
      `select p.id as "profileId", p.user_id as "userId", p.township_code as "townshipCode",
              p.gender, to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate", p.household,
              p.education, p.id_number_index as "idNumberIndex",
              to_char(p.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "registeredOn",
              p.employment_status as status,
              coalesce((select array_agg(k.code) from seeker_key_groups k
                where k.profile_id = p.id and k.status = 'verified'), '{}') as "verifiedGroups"
         from seeker_profiles p where p.id_number_index = any($1)`,
      [[...byIndex.keys()]],
    );
  return new Map(
    rows.map(({ idNumberIndex, ...row }) => [
      byIndex.get(idNumberIndex)!,
      { ...row, created: false },
    ]),
  );
}

/**
 * Registers the ledger's people as they were: back-dated to their registration
 * day, with their verified key groups and the status they registered with as
 * the first row of their status history. In the caller's transaction.
 */
export async function insertLedgerPeople(
  manager: EntityManager,
  cipher: PiiCipher,
  outbox: OutboxService,
  people: LedgerPerson[],
  actorId: string,
): Promise<Map<string, LedgerPersonRef>> {
  const refs = new Map<string, LedgerPersonRef>();
  if (!people.length) return refs;
  const registeredAt = people.map((p) => chinaDayInstant(p.registeredOn));
  const userIds = await insertLedgerSeekerUsers(
    manager,
    cipher,
    people.map((p, i) => ({ name: p.name, phone: p.phone, registeredAt: registeredAt[i] })),
  );
  const profileIds = people.map(() => randomUUID());
  await bulkInsert(
    manager,
    'seeker_profiles',
    [
      'id',
      'user_id',
      'name',
      'gender',
      'birth_date',
      'id_number_cipher',
      'id_number_index',
      'household',
      'township_code',
      'education',
      'first_college_graduation_date',
      'employment_status',
      'registered_by',
      'updated_by',
      'consent_method',
      'consent_reference',
      'consent_recorded_by',
      'consent_recorded_at',
      'created_at',
      'updated_at',
    ],
    people.map((p, i) => [
      profileIds[i],
      userIds[i],
      p.name,
      p.gender,
      p.birthDate,
      cipher.encrypt(p.idNumber),
      cipher.blindIndex(p.idNumber),
      p.household,
      p.townshipCode,
      JSON.stringify(p.education),
      p.education.map((e) => e.graduationDate).sort()[0] ?? null,
      p.status,
      actorId,
      actorId,
      'signed_paper',
      '历史台账导入',
      actorId,
      registeredAt[i],
      registeredAt[i],
      registeredAt[i],
    ]),
  );
  // The insert trigger starts each status history with the status registered on that day.
  await bulkInsert(
    manager,
    'seeker_key_groups',
    [
      'profile_id',
      'code',
      'status',
      'note',
      'declared_by',
      'declared_at',
      'verified_by',
      'verified_at',
    ],
    people.flatMap((p, i) =>
      p.keyGroups.map((code) => [
        profileIds[i],
        code,
        'verified',
        '历史台账导入',
        actorId,
        registeredAt[i],
        actorId,
        registeredAt[i],
      ]),
    ),
  );
  const events: OutboxEventInput[] = profileIds.map((id) => seekerProfileChanged(id));
  for (let i = 0; i < events.length; i += OUTBOX_CHUNK)
    await outbox.record(manager, ...events.slice(i, i + OUTBOX_CHUNK));
  people.forEach((p, i) =>
    refs.set(p.idNumber, {
      profileId: profileIds[i],
      userId: userIds[i],
      townshipCode: p.townshipCode,
      gender: p.gender,
      birthDate: p.birthDate,
      household: p.household,
      education: p.education,
      verifiedGroups: p.keyGroups,
      created: true,
      registeredOn: p.registeredOn,
      status: p.status,
    }),
  );
  return refs;
}

/** The person's key groups on a date, derived and verified, as a placement freezes them. */
export function ledgerKeyGroupsOn(
  person: LedgerPersonRef,
  date: string,
  statusBefore: EmploymentStatus,
): KeyGroup[] {
  const derived = deriveKeyGroups({ ...person, employmentStatus: statusBefore }, date);
  return [...derived, ...(person.verifiedGroups as KeyGroup[])];
}

/** The status just before a hire: known from the ledger for a new person, from the history otherwise. */
export async function ledgerStatusBefore(
  manager: EntityManager,
  person: LedgerPersonRef,
  date: string,
): Promise<EmploymentStatus> {
  if (person.created) return person.status;
  return (await employmentStatusBefore(manager, person.profileId, date)) ?? person.status;
}

/**
 * Hires from the ledger close unemployment on their dates (oldest first, so a
 * later hire is recorded last) and each résumé's status becomes today's.
 */
export async function recordLedgerHires(
  manager: EntityManager,
  outbox: OutboxService,
  hires: { profileId: string; hiredOn: string; placementId: string }[],
  actorId: string,
  today: string,
): Promise<void> {
  if (!hires.length) return;
  const ordered = [...hires].sort((a, b) => a.hiredOn.localeCompare(b.hiredOn));
  await bulkInsert(
    manager,
    'seeker_employment_history',
    ['profile_id', 'status', 'since', 'placement_id', 'recorded_by'],
    ordered.map((h) => [h.profileId, 'employed', h.hiredOn, h.placementId, actorId]),
  );
  const changed: { id: string }[] = await manager.query(
    `with changed as (update seeker_profiles p set employment_status = h.status
       from (select distinct on (profile_id) profile_id, status from seeker_employment_history
              where profile_id = any($1) and since <= $2::date order by profile_id, id desc) h
      where h.profile_id = p.id and p.employment_status <> h.status returning p.id)
     select id from changed`,
    [[...new Set(hires.map((h) => h.profileId))], today],
  );
  const events = changed.map((c) => seekerProfileChanged(c.id));
  for (let i = 0; i < events.length; i += OUTBOX_CHUNK)
    await outbox.record(manager, ...events.slice(i, i + OUTBOX_CHUNK));
}

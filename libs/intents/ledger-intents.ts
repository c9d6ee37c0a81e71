import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { bulkInsert } from '@jipin/core';
import { classifyPlacement } from './placement-classes';

/** An intent of the bureau's 就业意向台账, or the intent behind a placement. */
export interface LedgerIntent {
  seekerUserId: string;
  seekerProfileId: string;
  vacancyId: string;
  employerId: string;
  /** The person's township: whose window follows it up. */
  townshipCode: string;
  fairId: string | null;
  /** YYYY-MM-DD */
  recordedOn: string;
}

/** A hire of the bureau's 实际就业台账. */
export interface LedgerPlacement extends LedgerIntent {
  workplaceTownshipCode: string;
  hiredOn: string;
  leftOn: string | null;
  occupationCode: string;
}

/** What the statistics freeze at the hire date: the person's key groups and status just before. */
export type DescribeHire = (
  placement: LedgerPlacement,
) => Promise<{ keyGroups: string[]; employmentStatusBefore: string | null }>;

const pairKey = (seekerUserId: string, vacancyId: string) => `${seekerUserId}:${vacancyId}`;

/**
 * Records past intents, one per person and post: an intent already there
 * (recorded on the platform or by an earlier upload) is kept. No notification
 * goes out for agreements reached long ago. Returns how many were new.
 */
export async function insertLedgerIntents(
  manager: EntityManager,
  intents: LedgerIntent[],
  actor: { userId: string; role: string },
): Promise<number> {
  return bulkInsert(
    manager,
    'placement_intents',
    [
      'seeker_user_id',
      'seeker_profile_id',
      'vacancy_id',
      'employer_id',
      'township_code',
      'source',
      'fair_id',
      'recorded_by',
      'recorded_by_role',
      'recorded_at',
      'follow_up_due_on',
    ],
    intents.map((i) => [
      i.seekerUserId,
      i.seekerProfileId,
      i.vacancyId,
      i.employerId,
      i.townshipCode,
      i.fairId ? 'fair_booth' : 'staff',
      i.fairId,
      actor.userId,
      actor.role,
      new Date(`${i.recordedOn}T12:00:00+08:00`),
      i.recordedOn,
    ]),
    'on conflict (seeker_user_id, vacancy_id) do nothing',
  );
}

/**
 * Records past hires: the intent behind each (made when the ledger has none),
 * settled as hired, and the placement classified as a confirmed hire is. A
 * placement already recorded for that intent is kept. Returns the new ones,
 * for the seekers lib to close unemployment on their dates.
 */
export async function insertLedgerPlacements(
  manager: EntityManager,
  placements: LedgerPlacement[],
  actor: { userId: string; role: string },
  describe: DescribeHire,
): Promise<{ placementId: string; seekerProfileId: string; hiredOn: string }[]> {
  if (!placements.length) return [];
  await insertLedgerIntents(manager, placements, actor);
  const rows: { id: string; seekerUserId: string; vacancyId: string; placed: boolean }[] =
    await manager.query(
      `select i.id, i.seeker_user_id as "seekerUserId", i.vacancy_id as "vacancyId",
              exists (select 1 from placements pl where pl.intent_id = i.id) as placed
         from placement_intents i
         join unnest($1::uuid[], $2::uuid[]) as w(seeker, vacancy)
           on i.seeker_user_id = w.seeker and i.vacancy_id = w.vacancy`,
      [placements.map((p) => p.seekerUserId), placements.map((p) => p.vacancyId)],
    );
  const intentOf = new Map(rows.map((r) => [pairKey(r.seekerUserId, r.vacancyId), r]));
  // Oldest first, so a second hire of the same person sees the first.
  const fresh = placements
    .filter((p) => !intentOf.get(pairKey(p.seekerUserId, p.vacancyId))!.placed)
    .sort((a, b) => a.hiredOn.localeCompare(b.hiredOn));
  const facts: Awaited<ReturnType<DescribeHire>>[] = [];
  for (const p of fresh) facts.push(await describe(p));
  const ids = fresh.map(() => randomUUID());
  const intentIds = fresh.map((p) => intentOf.get(pairKey(p.seekerUserId, p.vacancyId))!.id);
  await manager.query(
    `update placement_intents i set outcome = 'hired', outcome_note = '历史台账导入',
            outcome_by = $2, outcome_at = now()
      where i.id = any($1) and i.outcome is null`,
    [intentIds, actor.userId],
  );
  await bulkInsert(
    manager,
    'placements',
    [
      'id',
      'intent_id',
      'seeker_user_id',
      'seeker_profile_id',
      'vacancy_id',
      'employer_id',
      'township_code',
      'workplace_township_code',
      'hired_on',
      'left_on',
      'key_groups',
      'rural_labour_transfer',
      'urban_new_employment',
      'difficulty_reemployment',
      'confirmed_by',
    ],
    fresh.map((p, i) => {
      const classes = classifyPlacement({ ...facts[i], occupationCode: p.occupationCode });
      return [
        ids[i],
        intentIds[i],
        p.seekerUserId,
        p.seekerProfileId,
        p.vacancyId,
        p.employerId,
        p.townshipCode,
        p.workplaceTownshipCode,
        p.hiredOn,
        p.leftOn,
        facts[i].keyGroups,
        classes.ruralLabourTransfer,
        classes.urbanNewEmployment,
        classes.difficultyReemployment,
        actor.userId,
      ];
    }),
  );
  return fresh.map((p, i) => ({
    placementId: ids[i],
    seekerProfileId: p.seekerProfileId,
    hiredOn: p.hiredOn,
  }));
}

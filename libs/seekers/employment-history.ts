import { EntityManager } from 'typeorm';
import { EmploymentStatus } from './seeker-types';

/**
 * Employment status over time (DOMAIN.md): each row says "from this date the
 * person is <status>", optionally because of a placement. The status on a date
 * is the one recorded last among the rows dated on or before it: a hire
 * confirmed later, even back-dated, corrects what was known before. The
 * profile's employment_status column is the status today.
 */

/** SQL for the status of profile `alias` on the date expression `date`; null before the first row. */
export function employmentStatusOn(alias: string, date: string): string {
  return `(select h.status from seeker_employment_history h
    where h.profile_id = ${alias}.id and h.since <= ${date}
    order by h.id desc limit 1)`;
}

/** SQL for the status a profile was registered with (its first row). */
export function registeredEmploymentStatus(alias: string): string {
  return `(select h.status from seeker_employment_history h
    where h.profile_id = ${alias}.id order by h.id limit 1)`;
}

export interface StatusChange {
  profileId: string;
  status: EmploymentStatus;
  /** YYYY-MM-DD */
  since: string;
  recordedBy: string | null;
  placementId?: string | null;
}

export async function recordEmploymentStatus(
  manager: EntityManager,
  change: StatusChange,
): Promise<void> {
  await manager.query(
    `insert into seeker_employment_history (profile_id, status, since, placement_id, recorded_by)
     values ($1, $2, $3, $4, $5)`,
    [change.profileId, change.status, change.since, change.placementId ?? null, change.recordedBy],
  );
}

/** The latest status recorded for a profile, or null when it has no history yet. */
export async function latestEmploymentStatus(
  manager: EntityManager,
  profileId: string,
): Promise<EmploymentStatus | null> {
  const [row] = await manager.query(`select ${latestEmploymentStatusSql('$1')} as status`, [
    profileId,
  ]);
  return row?.status ?? null;
}

/** The latest status recorded for the profile `profileId` (an SQL expression), or null. */
export function latestEmploymentStatusSql(profileId: string): string {
  return `(select status from seeker_employment_history where profile_id = ${profileId}
            order by id desc limit 1)`;
}

/**
 * The status just before a hire on `hiredOn`: the status on that date, or the
 * status the person registered with when the hire is dated before registration.
 */
export async function employmentStatusBefore(
  manager: EntityManager,
  profileId: string,
  hiredOn: string,
): Promise<EmploymentStatus | null> {
  const [row] = await manager.query(
    `select coalesce(${employmentStatusOn('p', '$2::date')}, ${registeredEmploymentStatus('p')},
       p.employment_status) as status
     from seeker_profiles p where p.id = $1`,
    [profileId, hiredOn],
  );
  return row?.status ?? null;
}

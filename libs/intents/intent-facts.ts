import { EntityManager } from 'typeorm';
import { notFound } from '@jipin/core';
import { VACANCY_ROWS } from '@jipin/vacancies';
import { EMPLOYER_MEMBER_ROWS, EMPLOYER_ROWS } from '@jipin/employers';
import { USER_ROWS } from '@jipin/accounts';

/** What an intent needs to know about a vacancy, read from the vacancies lib's table. */
export interface IntentVacancy {
  id: string;
  employerId: string;
  townshipCode: string;
  occupationCode: string;
  title: string;
  employerName: string;
}

export async function intentVacancy(
  manager: EntityManager,
  vacancyId: string,
): Promise<IntentVacancy> {
  const [row] = await manager.query(
    `select v.id, v.employer_id as "employerId", v.township_code as "townshipCode",
            v.occupation_code as "occupationCode", v.title, e.name as "employerName"
       from ${VACANCY_ROWS} v join ${EMPLOYER_ROWS} e on e.id = v.employer_id where v.id = $1`,
    [vacancyId],
  );
  if (!row) throw notFound('岗位');
  return row as IntentVacancy;
}

/** The active recruiters of an employer: who hears about intents and follow-ups. */
export async function activeRecruiters(
  manager: EntityManager,
  employerId: string,
): Promise<string[]> {
  const rows: { userId: string }[] = await manager.query(
    `select m.user_id as "userId" from ${EMPLOYER_MEMBER_ROWS} m join ${USER_ROWS} u on u.id = m.user_id
      where m.employer_id = $1 and u.status = 'active'`,
    [employerId],
  );
  return rows.map((r) => r.userId);
}

/** The employer a recruiter acts for, or undefined. */
export async function recruiterEmployer(
  manager: EntityManager,
  userId: string,
): Promise<string | undefined> {
  const [row] = await manager.query(
    `select employer_id as "employerId" from ${EMPLOYER_MEMBER_ROWS} employer_members where user_id = $1`,
    [userId],
  );
  return row?.employerId;
}

/** The date `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether an intent links the person and the employer (at a fair, by staff or from an application). */
export async function intentBetween(
  manager: EntityManager,
  seekerUserId: string,
  employerId: string,
): Promise<{ fairId: string | null } | undefined> {
  const [row] = await manager.query(
    `select fair_id as "fairId" from placement_intents
      where seeker_user_id = $1 and employer_id = $2
      order by fair_id nulls last limit 1`,
    [seekerUserId, employerId],
  );
  return row;
}

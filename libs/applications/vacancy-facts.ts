import { EntityManager } from 'typeorm';
import { notFound } from '@jipin/core';

/** What applications need to know about a vacancy, read from the vacancies lib's table. */
export interface VacancyFacts {
  id: string;
  employerId: string;
  employerName: string;
  title: string;
  kind: string;
  status: string;
  expiresAt: string;
  eligibility: {
    keyGroups: string[];
    ageMin?: number;
    ageMax?: number;
    graduatedWithinYears?: number;
  } | null;
}

export async function vacancyFacts(
  manager: EntityManager,
  vacancyId: string,
  options: { lock?: boolean } = {},
): Promise<VacancyFacts> {
  const [row] = await manager.query(
    `select v.id, v.employer_id as "employerId", e.name as "employerName", v.title, v.kind,
            v.status, v.expires_at::text as "expiresAt", v.eligibility
       from vacancies v join employers e on e.id = v.employer_id
      where v.id = $1 ${options.lock ? 'for share of v' : ''}`,
    [vacancyId],
  );
  if (!row) throw notFound('岗位');
  return row as VacancyFacts;
}

/** The employer a recruiter belongs to, or undefined. */
export async function employerOfMember(
  manager: EntityManager,
  userId: string,
): Promise<{ employerId: string; status: string } | undefined> {
  const [row] = await manager.query(
    `select m.employer_id as "employerId", e.status
       from employer_members m join employers e on e.id = m.employer_id
      where m.user_id = $1`,
    [userId],
  );
  return row;
}

export async function employerMemberIds(
  manager: EntityManager,
  employerId: string,
): Promise<string[]> {
  const rows: { userId: string }[] = await manager.query(
    `select m.user_id as "userId" from employer_members m join users u on u.id = m.user_id
      where m.employer_id = $1 and u.status = 'active'`,
    [employerId],
  );
  return rows.map((r) => r.userId);
}

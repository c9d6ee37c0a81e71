import { EntityManager } from 'typeorm';

/** The employer a recruiter belongs to, with its status, or undefined. */
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

/** The logins of an employer's people (owner and recruiters), whatever their account's state. */
export async function employerMemberUserIds(
  manager: EntityManager,
  employerId: string,
): Promise<string[]> {
  const rows: { userId: string }[] = await manager.query(
    `select user_id as "userId" from employer_members where employer_id = $1`,
    [employerId],
  );
  return rows.map((r) => r.userId);
}

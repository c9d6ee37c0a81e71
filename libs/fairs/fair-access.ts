import { EntityManager } from 'typeorm';
import { Principal } from '@jipin/accounts';
import { forbidden, notFound } from '@jipin/core';
import { EMPLOYER_MEMBER_ROWS, EMPLOYER_ROWS } from '@jipin/employers';
import { FairEntity } from './entities/fair.entity';

/** Admins and county staff run every fair; window staff only their township's (not county-wide online ones). */
export function staffRunsFair(principal: Principal, fair: Pick<FairEntity, 'townshipCode'>) {
  if (principal.role === 'admin') return true;
  if (principal.role !== 'staff') return false;
  return !principal.townshipCode || principal.townshipCode === fair.townshipCode;
}

export const outsideFairTownship = () =>
  forbidden('outside_township', '您只能管理本乡镇（街道）举办的招聘会');

/** The fair a staff member may run, locked for update when asked. */
export async function fairForStaff(
  manager: EntityManager,
  principal: Principal,
  fairId: string,
  lock = false,
): Promise<FairEntity> {
  const fair = await manager.findOne(FairEntity, {
    where: { id: fairId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!fair) throw notFound('招聘会');
  if (!staffRunsFair(principal, fair)) throw outsideFairTownship();
  return fair;
}

/** A fair the public can see: anything but a draft. */
export async function publicFair(manager: EntityManager, fairId: string): Promise<FairEntity> {
  const fair = await manager.findOneBy(FairEntity, { id: fairId });
  if (!fair || fair.status === 'draft') throw notFound('招聘会');
  return fair;
}

export const notEmployerMember = () =>
  forbidden('not_employer_member', '请先登记招聘单位或加入所在单位');

/** The employer a recruiter acts for, with its status, or a 403. */
export async function recruiterOf(
  manager: EntityManager,
  userId: string,
): Promise<{ employerId: string; status: string }> {
  const [row] = await manager.query(
    `select m.employer_id as "employerId", e.status
       from ${EMPLOYER_MEMBER_ROWS} m join ${EMPLOYER_ROWS} e on e.id = m.employer_id where m.user_id = $1`,
    [userId],
  );
  if (!row) throw notEmployerMember();
  return row;
}

import assert from 'node:assert/strict';
import { approvedBooth, createFair, TestApi, TestEmployer, TestUser } from '@jipin/testing';

interface FairVacancy {
  id: string;
  employer: TestEmployer;
}

export interface FairPlanInput<V extends FairVacancy> {
  title: string;
  townshipCode: string;
  /** YYYY-MM-DD: the day the fair is dated to once it has been held. */
  startsOn: string;
  status: 'ended' | 'cancelled';
  booths: readonly V[];
  intents: { seeker: TestUser; vacancy: V }[];
  /** The key groups the fair is for (专场); rural labour by default. */
  targetKeyGroups?: string[];
}

export interface FairPlan<V extends FairVacancy = FairVacancy> {
  id: string;
  status: 'ended' | 'cancelled';
  startsOn: string;
  townshipCode: string;
  targetKeyGroups: string[];
  booths: readonly V[];
  intents: { id: string; seekerUserId: string; vacancyId: string }[];
}

/**
 * Holds one fair through the API as on the day: staff open it, employers take
 * approved booths with their vacancies, seekers register and check in, recruiters
 * record intents at their booth, staff end (or cancel) it. Then its dates are
 * moved to the planned day, as if it had been held then.
 */
export async function holdFair<V extends FairVacancy>(
  api: TestApi,
  staff: TestUser,
  plan: FairPlanInput<V>,
): Promise<FairPlan<V>> {
  const fairId = await createFair(api, staff, {
    overrides: {
      title: plan.title,
      townshipCode: plan.townshipCode,
      boothCount: 20,
      targetKeyGroups: plan.targetKeyGroups ?? ['rural_labour'],
    },
  });
  const boothOf = new Map<TestEmployer, string>();
  for (const employer of new Set(plan.booths.map((v) => v.employer))) {
    const ids = plan.booths.filter((v) => v.employer === employer).map((v) => v.id);
    boothOf.set(employer, (await approvedBooth(api, staff, fairId, employer.owner, ids)).id);
  }
  const intents: FairPlan['intents'] = [];
  for (const { seeker, vacancy } of plan.intents) {
    const ticket = await api.post(
      `/api/fairs/${fairId}/registrations`,
      {},
      { token: seeker.token },
    );
    assert.ok([200, 201].includes(ticket.status), JSON.stringify(ticket.body));
    const checkedIn = await api.post(
      `/api/staff/fairs/${fairId}/check-ins`,
      { ticketCode: ticket.body.ticketCode },
      { token: staff.token },
    );
    assert.ok([200, 201].includes(checkedIn.status), JSON.stringify(checkedIn.body));
    const intent = await api.post(
      `/api/employer/booths/${boothOf.get(vacancy.employer)}/intents`,
      { vacancyId: vacancy.id, ticketCode: ticket.body.ticketCode },
      { token: vacancy.employer.owner.token },
    );
    assert.equal(intent.status, 201, JSON.stringify(intent.body));
    intents.push({ id: intent.body.id, seekerUserId: seeker.userId, vacancyId: vacancy.id });
  }
  const closing =
    plan.status === 'ended'
      ? { status: 'ended' }
      : { status: 'cancelled', reason: '因天气原因取消' };
  const closed = await api.post(`/api/staff/fairs/${fairId}/status`, closing, {
    token: staff.token,
  });
  assert.ok([200, 201].includes(closed.status), JSON.stringify(closed.body));
  await api.dataSource.query(`update fairs set starts_at = $2, ends_at = $3 where id = $1`, [
    fairId,
    `${plan.startsOn} 09:00:00+08`,
    `${plan.startsOn} 16:00:00+08`,
  ]);
  return {
    id: fairId,
    status: plan.status,
    startsOn: plan.startsOn,
    townshipCode: plan.townshipCode,
    targetKeyGroups: plan.targetKeyGroups ?? ['rural_labour'],
    booths: plan.booths,
    intents,
  };
}

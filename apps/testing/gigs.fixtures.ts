import { AccountService, SessionService } from '@jipin/accounts';
import { chinaToday } from '@jipin/seekers';
import { uniquePhone } from './accounts.fixtures';
import { FUTIAN, FUTIAN_VILLAGE } from './seekers.fixtures';
import { TestApi } from './test-api';

export interface TestGigWorker {
  userId: string;
  token: string;
  phone: string;
}

/** Tomorrow in China, the day most gigs in the tests are for. */
export function chinaTomorrow(): string {
  return chinaToday(new Date(Date.now() + 86400000));
}

/** A valid gig for tomorrow morning in 阜田镇 樟树村; override what the test is about. */
export function gigBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '摘脐橙',
    description: '果园摘脐橙，自带手套',
    payUnit: 'day',
    payAmount: 160,
    paidSameDay: true,
    startDate: chinaTomorrow(),
    startTime: '07:30',
    hoursPerDay: 8,
    townshipCode: FUTIAN,
    villageCode: FUTIAN_VILLAGE,
    headcount: 3,
    skills: [],
    physicalDemand: 'moderate',
    meals: true,
    ...overrides,
  };
}

/**
 * A worker with a login, free on the given dates: the account is made by the
 * service (no password hashing, so a test can make a hundred) and the
 * availability goes through HTTP as a worker's phone sends it.
 */
export async function registerGigWorker(
  api: TestApi,
  availability: Record<string, unknown> = {},
  name = '零工师傅',
): Promise<TestGigWorker> {
  const phone = uniquePhone();
  const user = await api.app.get(AccountService).createUnclaimedSeeker(phone, name);
  const { accessToken } = await api.app.get(SessionService).open(user.id);
  const saved = await api.put(
    '/api/gig-worker/me',
    {
      townshipCode: FUTIAN,
      villageCode: FUTIAN_VILLAGE,
      radiusKm: 20,
      availableDates: [chinaTomorrow()],
      ...availability,
    },
    { token: accessToken },
  );
  if (saved.status !== 200) throw new Error(`availability failed: ${JSON.stringify(saved.body)}`);
  return { userId: user.id, token: accessToken, phone };
}

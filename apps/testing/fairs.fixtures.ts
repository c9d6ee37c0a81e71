import { TestApi } from './test-api';
import { TestUser } from './accounts.fixtures';
import { TEST_TOWNSHIP } from './employers.fixtures';

/** A valid offline fair body in 文峰镇 that started an hour ago; override any field. */
export function fairBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '2026年春风行动专场招聘会',
    campaign: '春风行动',
    mode: 'offline',
    venue: '吉水县人力资源市场一楼大厅',
    townshipCode: TEST_TOWNSHIP,
    startsAt: new Date(Date.now() - 3600 * 1000).toISOString(),
    endsAt: new Date(Date.now() + 5 * 3600 * 1000).toISOString(),
    boothCount: 10,
    targetKeyGroups: ['rural_labour'],
    ...overrides,
  };
}

/** Creates a fair through HTTP and moves it to `status` (registration_open or ongoing by default). */
export async function createFair(
  api: TestApi,
  staff: TestUser,
  options: {
    status?: 'draft' | 'registration_open' | 'ongoing';
    overrides?: Record<string, unknown>;
  } = {},
): Promise<string> {
  const created = await api.post('/api/staff/fairs', fairBody(options.overrides), {
    token: staff.token,
  });
  if (created.status !== 201) throw new Error(`fair failed: ${JSON.stringify(created.body)}`);
  const steps = {
    draft: [],
    registration_open: ['registration_open'],
    ongoing: ['registration_open', 'ongoing'],
  }[options.status ?? 'ongoing'];
  for (const status of steps) {
    const moved = await api.post(
      `/api/staff/fairs/${created.body.id}/status`,
      { status },
      { token: staff.token },
    );
    if (moved.status !== 200)
      throw new Error(`fair ${status} failed: ${JSON.stringify(moved.body)}`);
  }
  return created.body.id;
}

/** An employer's approved booth at a fair with the given vacancies; returns the booth. */
export async function approvedBooth(
  api: TestApi,
  staff: TestUser,
  fairId: string,
  recruiter: TestUser,
  vacancyIds: string[],
  approval: Record<string, unknown> = {},
): Promise<{ id: string; boothNumber: number | null }> {
  const applied = await api.post(
    `/api/employer/fairs/${fairId}/booths`,
    { vacancyIds },
    {
      token: recruiter.token,
    },
  );
  if (applied.status !== 201) throw new Error(`booth failed: ${JSON.stringify(applied.body)}`);
  const approved = await api.post(`/api/staff/booths/${applied.body.id}/approve`, approval, {
    token: staff.token,
  });
  if (approved.status !== 200) throw new Error(`approve failed: ${JSON.stringify(approved.body)}`);
  return approved.body;
}

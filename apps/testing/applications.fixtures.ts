import { TestApi } from './test-api';
import { TestEmployer } from './employers.fixtures';
import { vacancyBody } from './vacancies.fixtures';

/** Posts a vacancy through HTTP and returns its id; a verified employer's honest ad is published at once. */
export async function publishVacancy(
  api: TestApi,
  employer: TestEmployer,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await api.post(
    '/api/employer/vacancies',
    vacancyBody({ submit: true, ...overrides }),
    {
      token: employer.owner.token,
    },
  );
  if (created.status !== 201 || created.body.status !== 'published')
    throw new Error(`vacancy not published: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id;
}

import { EntityManager } from 'typeorm';
import { activeUserIds } from '@jipin/accounts';
import { notFound } from '@jipin/core';
import { employerMemberUserIds } from '@jipin/employers';
import { VacancySummary, vacancySummaries, vacancySummary } from '@jipin/vacancies';

export { employerOfMember } from '@jipin/employers';

/** What applications need to know about a vacancy, as the vacancies lib tells it. */
export type VacancyFacts = VacancySummary;

export async function vacancyFacts(
  manager: EntityManager,
  vacancyId: string,
  options: { lock?: boolean } = {},
): Promise<VacancyFacts> {
  const vacancy = await vacancySummary(manager, vacancyId, options);
  if (!vacancy) throw notFound('岗位');
  return vacancy;
}

/** Several vacancies at once, by id; every id must exist (applications keep theirs). */
export async function vacanciesFacts(
  manager: EntityManager,
  vacancyIds: string[],
): Promise<Map<string, VacancyFacts>> {
  const found = await vacancySummaries(manager, vacancyIds);
  if (vacancyIds.some((id) => !found.has(id))) throw notFound('岗位');
  return found;
}

/** The employer's people who can still be told about an application. */
export async function employerMemberIds(
  manager: EntityManager,
  employerId: string,
): Promise<string[]> {
  return activeUserIds(manager, await employerMemberUserIds(manager, employerId));
}

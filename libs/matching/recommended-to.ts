import { EntityManager } from 'typeorm';
import { chinaToday, SEEKER_PROFILE_ROWS } from '@jipin/seekers';
import { VACANCY_ROWS } from '@jipin/vacancies';

/**
 * Whether the person is among the talent 推荐人才 shows the employer today,
 * by the same rule as that list: a match with one of its published, unexpired
 * vacancies, and a résumé the person keeps open and did not opt out of.
 */
export async function recommendedToEmployer(
  manager: EntityManager,
  seekerId: string,
  employerId: string,
): Promise<boolean> {
  const [row] = await manager.query(
    `select 1 from matches m
       join ${VACANCY_ROWS} v on v.id = m.vacancy_id
       join ${SEEKER_PROFILE_ROWS} p on p.id = m.seeker_id
      where m.seeker_id = $1 and v.employer_id = $2
        and v.status = 'published' and v.expires_at >= $3::date
        and p.visibility = 'open' and not p.recommendation_opt_out and p.anonymised_at is null
      limit 1`,
    [seekerId, employerId, chinaToday()],
  );
  return Boolean(row);
}

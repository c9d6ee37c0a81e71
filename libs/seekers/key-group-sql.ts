import { employmentStatusOn } from './employment-history';
import { DECLARED_KEY_GROUPS, DeclaredKeyGroup, KeyGroup } from './key-groups';

const COLLEGE = `('junior_college', 'bachelor', 'master', 'doctorate')`;

/**
 * The SQL condition (on alias p, with the as-of date in :asOf) that selects the
 * people in a key group on that date. It must agree with deriveKeyGroups; the
 * e2e tests check both at the same boundary dates.
 */
export function keyGroupCondition(group: KeyGroup): string {
  switch (group) {
    case 'age_4050':
      return `((p.gender = 'female' and p.birth_date <= (:asOf::date - interval '40 years'))
        or (p.gender = 'male' and p.birth_date <= (:asOf::date - interval '50 years')))`;
    case 'unemployed_youth':
      return `(coalesce(${employmentStatusOn('p', ':asOf::date')}, p.employment_status) = 'unemployed'
        and p.birth_date <= (:asOf::date - interval '16 years')
        and p.birth_date > (:asOf::date - interval '25 years'))`;
    case 'graduate':
      return `(p.first_college_graduation_date <= :asOf::date)`;
    case 'graduate_recent':
      return `(p.first_college_graduation_date <= :asOf::date and exists (
        select 1 from jsonb_array_elements(p.education) e
        where e->>'level' in ${COLLEGE}
          and (e->>'graduationDate')::date <= :asOf::date
          and (e->>'graduationDate')::date > (:asOf::date - interval '2 years')))`;
    case 'rural_labour':
      return `(p.household = 'rural')`;
    default:
      if (!DECLARED_KEY_GROUPS.includes(group as DeclaredKeyGroup))
        throw new Error(`Unknown key group ${group as string}`);
      return `exists (select 1 from seeker_key_groups k
        where k.profile_id = p.id and k.code = '${group}' and k.status = 'verified')`;
  }
}

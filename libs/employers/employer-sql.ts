/**
 * What other modules' SQL may ask of an employer, written here so that only
 * this module names its table (issue 22). Each takes the SQL expression that
 * holds the employer's id (e.g. `v.employer_id`).
 */

/** The employer may be shown to the public: not suspended or rejected. */
export function employerShownToPublic(employerId: string): string {
  return `not exists (select 1 from employers hidden
    where hidden.id = ${employerId} and hidden.status in ('suspended', 'rejected'))`;
}

/** The employer's name, as a scalar subquery. */
export function employerNameOf(employerId: string): string {
  return `(select named.name from employers named where named.id = ${employerId})`;
}

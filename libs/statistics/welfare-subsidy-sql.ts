import { EMPLOYER_ROWS } from '@jipin/employers';
import { PLACEMENT_ROWS } from '@jipin/intents';
import { SEEKER_PROFILE_ROWS } from '@jipin/seekers';
import { VACANCY_ROWS } from '@jipin/vacancies';
import { SqlParams, StatisticsScope } from './statistics-scope';

/**
 * 公益性岗位补贴: one row per person placed in a public-welfare post and per
 * month of the period they were in post. Days in post run from the hire date
 * (or the month's first day) to the day they left (or the month's last day,
 * or today), within the period; the subsidy payable is the post's monthly
 * standard for the share of the month's days in post.
 */
export function welfareSubsidyQuery(
  scope: StatisticsScope,
  today: string,
  paging?: { limit: number; offset: number },
): { sql: string; params: unknown[] } {
  const params = new SqlParams();
  const from = params.add(scope.from);
  const to = params.add(scope.to);
  const until = params.add(today);
  const township = scope.townshipCode
    ? `pl.township_code = ${params.add(scope.townshipCode)}`
    : 'true';
  const group = scope.keyGroup ? `${params.add(scope.keyGroup)} = any(pl.key_groups)` : 'true';
  const page = paging
    ? `limit ${params.add(paging.limit)} offset ${params.add(paging.offset)}`
    : '';
  const sql = `with months as (
      select m::date as first_day, (m + interval '1 month' - interval '1 day')::date as last_day
        from generate_series(date_trunc('month', ${from}::date), ${to}::date, interval '1 month') m
    ), spans as (
      select m.first_day, m.last_day, pl.id as placement_id, pl.seeker_profile_id, pl.seeker_user_id,
             pl.township_code, pl.key_groups, pl.hired_on, pl.left_on, v.title, v.monthly_subsidy,
             v.employer_id,
             greatest(pl.hired_on, m.first_day, ${from}::date) as span_start,
             least(coalesce(pl.left_on, m.last_day), m.last_day, ${to}::date, ${until}::date) as span_end
        from ${PLACEMENT_ROWS} pl
        join ${VACANCY_ROWS} v on v.id = pl.vacancy_id and v.kind = 'public_welfare'
             and v.monthly_subsidy is not null
        join months m on pl.hired_on <= m.last_day and coalesce(pl.left_on, m.last_day) >= m.first_day
       where ${township} and ${group}
    )
    select to_char(s.first_day, 'YYYY-MM') as month, s.placement_id as "placementId",
           s.seeker_profile_id as "profileId", s.seeker_user_id as "userId",
           coalesce(p.name, '') as name, p.id_number_cipher as "idNumberCipher",
           s.township_code as "townshipCode", s.key_groups as "keyGroups", s.title,
           e.name as "employerName", to_char(s.hired_on, 'YYYY-MM-DD') as "hiredOn",
           to_char(s.left_on, 'YYYY-MM-DD') as "leftOn", s.monthly_subsidy::float as standard,
           (s.span_end - s.span_start + 1) as "daysInPost",
           (s.last_day - s.first_day + 1) as "daysInMonth",
           round(s.monthly_subsidy * (s.span_end - s.span_start + 1) / (s.last_day - s.first_day + 1), 2)::float as amount
      from spans s
      join ${EMPLOYER_ROWS} e on e.id = s.employer_id
      left join ${SEEKER_PROFILE_ROWS} p on p.id = s.seeker_profile_id
     where s.span_end >= s.span_start
     order by month, s.township_code, name, s.placement_id ${page}`;
  return { sql, params: params.values };
}

/** The total payable in the period (yuan), the placements and the person-months it covers. */
export function welfareSubsidyTotalQuery(scope: StatisticsScope, today: string) {
  const inner = welfareSubsidyQuery(scope, today);
  return {
    sql: `select coalesce(sum(r.amount), 0)::float as amount,
            count(distinct r."placementId")::int as placements, count(*)::int as "personMonths"
          from (${inner.sql}) r`,
    params: inner.params,
  };
}

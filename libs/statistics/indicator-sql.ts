import {
  employmentStatusOn,
  KeyGroup,
  keyGroupCondition,
  registeredEmploymentStatus,
  SEEKER_PROFILE_ROWS,
} from '@jipin/seekers';
import { PLACEMENT_INTENT_ROWS, PLACEMENT_ROWS } from '@jipin/intents';
import { FAIR_BOOTH_ROWS, FAIR_BOOTH_VACANCY_ROWS, FAIR_ROWS } from '@jipin/fairs';
import { VACANCY_ROWS } from '@jipin/vacancies';
import { IndicatorCode } from './indicators';
import { periodBounds, SqlParams, StatisticsScope } from './statistics-scope';

/** One query returning a single row with a numeric column `value` (null when undefined, e.g. 0/0). */
export interface IndicatorQuery {
  sql: string;
  params: unknown[];
}

/** Groups meant for rural public-welfare posts (农村公益性岗位): DOMAIN.md. */
export const RURAL_PUBLIC_WELFARE_GROUPS = ['poverty_alleviated', 'monitored'];

/**
 * A key-group condition with its as-of date bound. The date is bound only when
 * the condition uses it: PostgreSQL refuses a parameter the statement never names.
 */
function keyGroupOn(group: KeyGroup, asOf: string, params: SqlParams): string {
  const condition = keyGroupCondition(group);
  return condition.includes(':asOf') ? condition.replace(/:asOf/g, params.add(asOf)) : condition;
}

/** Seekers (alias p) in the scope's key group on the period's last day. */
function seekerKeyGroup(scope: StatisticsScope, params: SqlParams): string {
  return scope.keyGroup ? keyGroupOn(scope.keyGroup, scope.to, params) : 'true';
}

function township(column: string, scope: StatisticsScope, params: SqlParams): string {
  return scope.townshipCode ? `${column} = ${params.add(scope.townshipCode)}` : 'true';
}

/** Placements (alias pl) whose hire date falls in the period, in the scope. */
function placementsIn(scope: StatisticsScope, params: SqlParams): string {
  const from = params.add(scope.from);
  const to = params.add(scope.to);
  const group = scope.keyGroup ? `${params.add(scope.keyGroup)} = any(pl.key_groups)` : 'true';
  return `pl.hired_on between ${from}::date and ${to}::date
    and ${township('pl.township_code', scope, params)} and ${group}`;
}

/** Vacancies (alias v) first published in the period, in the scope; a key group selects posts meant for it. */
function postsIn(scope: StatisticsScope, params: SqlParams, kind?: string): string {
  const [start, end] = periodBounds(scope, params);
  const group = scope.keyGroup
    ? `(${params.add(scope.keyGroup)} = any(v.target_key_groups)
        or v.eligibility->'keyGroups' ? ${params.add(scope.keyGroup)})`
    : 'true';
  return `coalesce(v.first_published_at, v.published_at) >= ${start}
    and coalesce(v.first_published_at, v.published_at) < ${end}
    and ${kind ? `v.kind = ${params.add(kind)}` : 'true'}
    and ${township('v.township_code', scope, params)} and ${group}`;
}

/** Seeker profiles (alias p) registered in the period, in the scope. */
function seekersRegisteredIn(scope: StatisticsScope, params: SqlParams): string {
  const [start, end] = periodBounds(scope, params);
  return `p.created_at >= ${start} and p.created_at < ${end}
    and ${township('p.township_code', scope, params)} and ${seekerKeyGroup(scope, params)}`;
}

/**
 * Fairs (alias f) held in the period: started in it and not cancelled or still
 * a draft. A key group selects the fairs held for it (专场), unless the caller
 * filters the people instead.
 */
export function fairsIn(scope: StatisticsScope, params: SqlParams, forGroup = true): string {
  const [start, end] = periodBounds(scope, params);
  const group =
    scope.keyGroup && forGroup
      ? `${params.add(scope.keyGroup)} = any(f.target_key_groups)`
      : 'true';
  return `f.starts_at >= ${start} and f.starts_at < ${end}
    and f.status in ('registration_open', 'ongoing', 'ended')
    and ${township('f.township_code', scope, params)} and ${group}`;
}

/** Registered (alias p) as seeking work: not employed when they registered, whatever happened since. */
const SEEKING_WORK = `coalesce(${registeredEmploymentStatus('p')}, p.employment_status) <> 'employed'`;

type Builder = (scope: StatisticsScope, params: SqlParams) => string;

const PEOPLE_PLACED =
  (flag: string): Builder =>
  (scope, params) =>
    `select count(distinct pl.seeker_user_id) as value from ${PLACEMENT_ROWS} pl
    where pl.${flag} and ${placementsIn(scope, params)}`;

const BUILDERS: Record<IndicatorCode, Builder> = {
  urban_new_employment: PEOPLE_PLACED('urban_new_employment'),
  // "新增": people transferred for the first time, not again.
  rural_labour_transferred: (scope, params) =>
    `select count(distinct pl.seeker_user_id) as value from ${PLACEMENT_ROWS} pl
      where pl.rural_labour_transfer and ${placementsIn(scope, params)}
        and not exists (select 1 from ${PLACEMENT_ROWS} e where e.seeker_user_id = pl.seeker_user_id
          and e.rural_labour_transfer and e.hired_on < ${params.add(scope.from)}::date)`,
  difficulty_reemployment: PEOPLE_PLACED('difficulty_reemployment'),
  zero_employment_family_placement_rate: (scope, params) => {
    const to = params.add(scope.to);
    return `select case when count(*) = 0 then null
        else round(100.0 * count(*) filter (where exists (select 1 from ${PLACEMENT_ROWS} pl
          where pl.seeker_user_id = p.user_id and pl.hired_on <= ${to}::date)) / count(*), 2) end as value
      from ${SEEKER_PROFILE_ROWS} p
      where p.anonymised_at is null
        and p.created_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')
        and ${keyGroupOn('zero_employment_family', scope.to, params)}
        and ${township('p.township_code', scope, params)}`;
  },
  registered_unemployed: (scope, params) => registeredUnemployed(scope, params),
  registered_unemployment_rate: (scope, params) => {
    const year = params.add(Number(scope.to.slice(0, 4)));
    const code = params.add(scope.townshipCode ?? '');
    return `select case when f.value is null or f.value = 0 then null
        else round(100.0 * u.value / f.value, 2) end as value
      from (${registeredUnemployed(scope, params)}) u
      left join statistics_figures f on f.year = ${year} and f.kind = 'reference'
        and f.indicator = 'labour_force' and f.township_code = ${code}`;
  },
  fairs_held: (scope, params) =>
    `select count(*) as value from ${FAIR_ROWS} f where ${fairsIn(scope, params)}`,
  // A vacancy shown at several fairs of the period counts once.
  fair_positions: (scope, params) =>
    `select coalesce(sum(v.headcount), 0) as value from ${VACANCY_ROWS} v
      where v.id in (select fv.vacancy_id from ${FAIR_BOOTH_VACANCY_ROWS} fv
        join ${FAIR_BOOTH_ROWS} b on b.id = fv.booth_id and b.status = 'approved'
        join ${FAIR_ROWS} f on f.id = b.fair_id where ${fairsIn(scope, params)})`,
  // A person with intents at several fairs counts once; a key group counts its people at any fair.
  fair_intent_people: (scope, params) =>
    `select count(distinct i.seeker_user_id) as value from ${PLACEMENT_INTENT_ROWS} i
      join ${FAIR_ROWS} f on f.id = i.fair_id
      ${scope.keyGroup ? `join ${SEEKER_PROFILE_ROWS} p on p.user_id = i.seeker_user_id` : ''}
      where ${fairsIn(scope, params, false)} and ${seekerKeyGroup(scope, params)}`,
  public_welfare_posts: (scope, params) =>
    `select coalesce(sum(v.headcount), 0) as value from ${VACANCY_ROWS} v
      where ${postsIn(scope, params, 'public_welfare')}`,
  rural_public_welfare_posts: (scope, params) =>
    `select coalesce(sum(v.headcount), 0) as value from ${VACANCY_ROWS} v
      where ${postsIn(scope, params, 'public_welfare')} and ${ruralPost(params)}`,
  public_welfare_placed: (scope, params) =>
    `select count(distinct pl.seeker_user_id) as value from ${PLACEMENT_ROWS} pl
      join ${VACANCY_ROWS} v on v.id = pl.vacancy_id and v.kind = 'public_welfare'
      where ${placementsIn(scope, params)}`,
  internship_posts: (scope, params) =>
    `select coalesce(sum(v.headcount), 0) as value from ${VACANCY_ROWS} v
      where ${postsIn(scope, params, 'internship')}`,
  vacancies_registered: (scope, params) =>
    `select count(*) as value from ${VACANCY_ROWS} v where ${postsIn(scope, params)}`,
  positions_registered: (scope, params) =>
    `select coalesce(sum(v.headcount), 0) as value from ${VACANCY_ROWS} v where ${postsIn(scope, params)}`,
  seekers_registered: (scope, params) =>
    `select count(*) as value from ${SEEKER_PROFILE_ROWS} p where ${seekersRegisteredIn(scope, params)}`,
  // 求人倍率: positions wanted over people seeking work, both registered in the period.
  supply_demand_ratio: (scope, params) =>
    `select case when s.n = 0 then null else round(d.n::numeric / s.n, 2) end as value
      from (select coalesce(sum(v.headcount), 0) as n from ${VACANCY_ROWS} v where ${postsIn(scope, params)}) d,
           (select count(*) as n from ${SEEKER_PROFILE_ROWS} p where ${seekersRegisteredIn(scope, params)}
              and ${SEEKING_WORK}) s`,
};

/** A public-welfare post (alias v) meant for 脱贫劳动力 or 监测对象: a rural one. */
function ruralPost(params: SqlParams): string {
  return `(v.eligibility->'keyGroups' ?| ${params.add(RURAL_PUBLIC_WELFARE_GROUPS)}
    or v.target_key_groups && ${params.add(RURAL_PUBLIC_WELFARE_GROUPS)})`;
}

/**
 * People placed in rural public-welfare posts in the period, split as the report
 * writes it: 监测对象, 脱贫人员 (not monitored), and anyone else.
 */
export function ruralWelfarePlacedQuery(scope: StatisticsScope): IndicatorQuery {
  const params = new SqlParams();
  const sql = `select
      count(distinct pl.seeker_user_id) filter (where 'monitored' = any(pl.key_groups))::int as monitored,
      count(distinct pl.seeker_user_id) filter (where 'poverty_alleviated' = any(pl.key_groups)
        and not 'monitored' = any(pl.key_groups))::int as "povertyAlleviated",
      count(distinct pl.seeker_user_id) filter (where not pl.key_groups && ${params.add(RURAL_PUBLIC_WELFARE_GROUPS)})::int as others
    from ${PLACEMENT_ROWS} pl join ${VACANCY_ROWS} v on v.id = pl.vacancy_id and v.kind = 'public_welfare'
    where ${ruralPost(params)} and ${placementsIn(scope, params)}`;
  return { sql, params: params.values };
}

/** The key groups the public-welfare posts of the period are meant for. */
export function welfareGroupsQuery(scope: StatisticsScope): IndicatorQuery {
  const params = new SqlParams();
  const sql = `select distinct g as code from ${VACANCY_ROWS} v,
      lateral (select jsonb_array_elements_text(coalesce(v.eligibility->'keyGroups', '[]')) as g
               union select unnest(v.target_key_groups)) groups
    where ${postsIn(scope, params, 'public_welfare')}`;
  return { sql, params: params.values };
}

function registeredUnemployed(scope: StatisticsScope, params: SqlParams): string {
  const to = params.add(scope.to);
  return `select count(*) as value from ${SEEKER_PROFILE_ROWS} p
    where ${employmentStatusOn('p', `${to}::date`)} = 'unemployed' and p.anonymised_at is null
      and p.created_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')
      and ${township('p.township_code', scope, params)} and ${seekerKeyGroup(scope, params)}`;
}

export function indicatorQuery(code: IndicatorCode, scope: StatisticsScope): IndicatorQuery {
  const params = new SqlParams();
  const sql = BUILDERS[code](scope, params);
  return { sql, params: params.values };
}

/** Demand and supply per occupation in the period: the 求人倍率 table staff hand upwards. */
export function supplyDemandByOccupationQuery(scope: StatisticsScope): IndicatorQuery {
  const params = new SqlParams();
  const demand = `select v.occupation_code as code, sum(v.headcount) as demand from ${VACANCY_ROWS} v
    where ${postsIn(scope, params)} group by 1`;
  const supply = `select o.code, count(distinct p.id) as supply from ${SEEKER_PROFILE_ROWS} p,
      unnest(p.desired_occupations) as o(code)
    where ${seekersRegisteredIn(scope, params)} and ${SEEKING_WORK} group by 1`;
  const sql = `select coalesce(d.code, s.code) as code, coalesce(d.demand, 0)::int as demand,
      coalesce(s.supply, 0)::int as supply,
      case when coalesce(s.supply, 0) = 0 then null else round(coalesce(d.demand, 0)::numeric / s.supply, 2) end as ratio
    from (${demand}) d full join (${supply}) s on s.code = d.code
    order by demand desc, code`;
  return { sql, params: params.values };
}

import { EntityManager } from 'typeorm';
import { RegionsService } from '@jipin/regions';
import {
  addYears,
  KEY_GROUPS,
  KeyGroup,
  keyGroupCondition,
  SEEKER_KEY_GROUP_ROWS,
  SEEKER_PROFILE_ROWS,
} from '@jipin/seekers';
import { occupationByCode, OCCUPATIONS, VACANCY_ROWS } from '@jipin/vacancies';
import { distanceKm } from '@jipin/regions';
import {
  CANDIDATE_LIMIT,
  familyPrefix,
  MATCH_RADIUS_KM,
  SeekerRow,
  VacancyRow,
} from './match-facts';
import { EMPLOYER_ROWS } from '@jipin/employers';
import { occupationFamily } from './match-scoring';

/** Villages lie a few kilometres from their township's centre: the SQL box is this much wider. */
const TOWNSHIP_SLACK_KM = 10;

/**
 * Reads the facts of vacancies and seekers, and finds candidates with indexed
 * hard filters in SQL (never all pairs); the caller checks every constraint
 * again in code before scoring.
 */
export class MatchCandidates {
  constructor(
    private readonly db: EntityManager,
    private readonly regions: RegionsService,
  ) {}

  async vacancies(ids: string[]): Promise<VacancyRow[]> {
    if (!ids.length) return [];
    const rows: VacancyRow[] = await this.db.query(
      `select v.id, v.status, e.status as "employerStatus", v.expires_at::text as "expiresAt", v.title,
              v.occupation_code as "occupationCode", v.kind, v.pay_min::float8 as "payMin",
              v.pay_max::float8 as "payMax", v.pay_unit as "payUnit", v.education,
              v.age_min as "ageMin", v.age_max as "ageMax", v.experience_years as "experienceYears",
              v.township_code as "townshipCode", v.lat, v.lng,
              v.target_key_groups as "targetKeyGroups", v.eligibility,
              v.title || ' ' || v.requirements || ' ' || v.description as text
         from ${VACANCY_ROWS} v join ${EMPLOYER_ROWS} e on e.id = v.employer_id
        where v.id = any($1::uuid[]) order by v.id`,
      [ids],
    );
    return rows.map((row) => {
      const place = this.regions.township(row.townshipCode) ?? this.regions.tree.county;
      return {
        ...row,
        occupationName: occupationByCode(row.occupationCode)?.name ?? row.title,
        lat: row.lat ?? place.lat,
        lng: row.lng ?? place.lng,
      };
    });
  }

  async seekers(ids: string[]): Promise<SeekerRow[]> {
    if (!ids.length) return [];
    const rows: Omit<SeekerRow, 'lat' | 'lng'>[] = await this.db.query(
      `select p.id, p.gender, p.birth_date::text as "birthDate", p.household,
              p.township_code as "townshipCode", p.village_code as "villageCode", p.education,
              p.work_history as "workHistory", p.skills, p.desired_occupations as "desiredOccupations",
              p.desired_pay_min as "desiredPayMin", p.employment_status as "employmentStatus",
              p.recommendation_opt_out as "recommendationOptOut",
              p.anonymised_at is not null as anonymised,
              array(select k.code from ${SEEKER_KEY_GROUP_ROWS} k
                     where k.profile_id = p.id and k.status = 'verified' order by k.code) as "verifiedGroups"
         from ${SEEKER_PROFILE_ROWS} p where p.id = any($1::uuid[]) order by p.id`,
      [ids],
    );
    return rows.map((row) => ({ ...row, ...this.placeOf(row.townshipCode, row.villageCode) }));
  }

  /** Seekers who pass the vacancy's hard filters, best first by a cheap pre-score. */
  async seekerIdsFor(vacancy: VacancyRow, today: string): Promise<string[]> {
    const prefix = familyPrefix(vacancy.occupationCode);
    const familyCodes = [
      vacancy.occupationCode,
      ...OCCUPATIONS.occupations.map((o) => o.code).filter((code) => code.startsWith(prefix)),
    ];
    const params: unknown[] = [];
    const param = (value: unknown, cast = ''): string => `$${params.push(value)}${cast}`;
    const where = [
      `p.anonymised_at is null`,
      `not p.recommendation_opt_out`,
      `p.employment_status <> 'employed'`,
      `p.desired_occupations && ${param([...new Set(familyCodes)], '::text[]')}`,
      `p.township_code = any(${param(this.townshipsNear(vacancy), '::text[]')})`,
    ];
    const eligibility = vacancy.eligibility;
    const ageMin = maxOf(vacancy.ageMin, eligibility?.ageMin);
    const ageMax = minOf(vacancy.ageMax, eligibility?.ageMax);
    if (ageMin !== null) where.push(`p.birth_date <= ${param(addYears(today, -ageMin), '::date')}`);
    if (ageMax !== null)
      where.push(`p.birth_date > ${param(addYears(today, -(ageMax + 1)), '::date')}`);
    if (eligibility?.keyGroups.length) {
      // A post for key groups none of which this platform knows takes nobody.
      const groups = eligibility.keyGroups.filter((g): g is KeyGroup =>
        KEY_GROUPS.includes(g as KeyGroup),
      );
      let asOf: string | undefined; // a parameter only when a condition uses it
      const conditions = groups.map((g) =>
        keyGroupCondition(g).replace(/:asOf/g, () => (asOf ??= param(today, '::date'))),
      );
      where.push(conditions.length ? `(${conditions.join(' or ')})` : 'false');
    }
    if (eligibility?.graduatedWithinYears !== undefined) {
      const years = eligibility.graduatedWithinYears;
      where.push(
        `p.first_college_graduation_date between ${param(addYears(today, -years), '::date')} and ${param(today, '::date')}`,
      );
    }
    const rows: { id: string }[] = await this.db.query(
      `select p.id from ${SEEKER_PROFILE_ROWS} p
        where ${where.join('\n          and ')}
        order by (p.desired_occupations @> array[${param(vacancy.occupationCode, '::text')}]) desc,
                 (p.township_code = ${param(vacancy.townshipCode, '::text')}) desc,
                 p.updated_at desc, p.id
        limit ${param(CANDIDATE_LIMIT, '::int')}`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /** Published vacancies that pass the seeker's hard filters, best first by a cheap pre-score. */
  async vacancyIdsFor(seeker: SeekerRow, age: number, today: string): Promise<string[]> {
    const prefixes = [...new Set(seeker.desiredOccupations.map((c) => `${occupationFamily(c)}-%`))];
    if (!prefixes.length) return [];
    const rows: { id: string }[] = await this.db.query(
      `select v.id from ${VACANCY_ROWS} v join ${EMPLOYER_ROWS} e on e.id = v.employer_id
        where v.status = 'published' and v.expires_at >= $1::date
          and e.status not in ('suspended', 'rejected')
          and v.occupation_code like any($2::text[])
          and v.township_code = any($3::text[])
          and (v.age_min is null or v.age_min <= $4) and (v.age_max is null or v.age_max >= $4)
        order by (v.occupation_code = any($5::text[])) desc, v.published_at desc, v.id
        limit $6`,
      [
        today,
        prefixes,
        this.townshipsNear(seeker),
        age,
        seeker.desiredOccupations,
        CANDIDATE_LIMIT,
      ],
    );
    return rows.map((r) => r.id);
  }

  /** Township codes whose centre lies within the radius (plus slack): the SQL bounding area. */
  private townshipsNear(point: { lat: number; lng: number }): string[] {
    return this.regions
      .allTownships()
      .filter((t) => distanceKm(t, point) <= MATCH_RADIUS_KM + TOWNSHIP_SLACK_KM)
      .map((t) => t.code);
  }

  private placeOf(townshipCode: string, villageCode: string | null): { lat: number; lng: number } {
    const township = this.regions.township(townshipCode);
    const village = township?.villages.find((v) => v.code === villageCode);
    const place = village ?? township ?? this.regions.tree.county;
    return { lat: place.lat, lng: place.lng };
  }
}

function maxOf(...values: (number | null | undefined)[]): number | null {
  const known = values.filter((v): v is number => typeof v === 'number');
  return known.length ? Math.max(...known) : null;
}

function minOf(...values: (number | null | undefined)[]): number | null {
  const known = values.filter((v): v is number => typeof v === 'number');
  return known.length ? Math.min(...known) : null;
}

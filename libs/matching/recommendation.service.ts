import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '@jipin/accounts';
import { forbidden, maskName, notFound } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { ageOn, chinaToday, EducationEntry, SEEKER_PROFILE_ROWS } from '@jipin/seekers';
import { occupationByCode, VACANCY_ROWS } from '@jipin/vacancies';
import { EMPLOYER_MEMBER_ROWS, EMPLOYER_ROWS } from '@jipin/employers';

const LIMIT = 20;

/** The key-group reason tells an employer something sensitive about the person: seekers only. */
const SEEKER_ONLY_REASON = '重点群体';

const EDUCATION_NAMES: Record<string, string> = {
  primary: '小学',
  junior_high: '初中',
  senior_high: '高中',
  secondary_vocational: '中专/技校',
  junior_college: '大专',
  bachelor: '本科',
  master: '硕士',
  doctorate: '博士',
};

export interface SeekerRecommendations {
  /** False when the seeker switched personalised recommendation off (PIPL art. 24). */
  personalised: boolean;
  message?: string;
  items: {
    vacancyId: string;
    title: string;
    employerName: string;
    townshipName: string | undefined;
    pay: { min: number; max: number; unit: string };
    score: number;
    explanation: string;
    computedAt: Date;
  }[];
}

export interface TalentRecommendations {
  vacancyId: string;
  items: {
    seekerId: string;
    /** Masked: the family name only (张**). */
    name: string;
    gender: string;
    age: number;
    education: string | null;
    townshipName: string | undefined;
    skills: string[];
    desiredOccupations: string[];
    score: number;
    explanation: string;
    computedAt: Date;
  }[];
}

interface StoredMatch {
  score: number;
  explanation: string;
  computedAt: Date;
}
interface VacancyMatchRow extends StoredMatch {
  vacancyId: string;
  title: string;
  employerName: string;
  townshipCode: string;
  payMin: number;
  payMax: number;
  payUnit: string;
}
interface SeekerMatchRow extends StoredMatch {
  seekerId: string;
  name: string;
  gender: string;
  birthDate: string;
  education: Pick<EducationEntry, 'level'>[];
  skills: string[];
  desiredOccupations: string[];
  townshipCode: string;
}

/** 为你推荐 for seekers and 推荐人才 for employers, read from stored matches. */
@Injectable()
export class RecommendationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
  ) {}

  async forSeeker(principal: Principal): Promise<SeekerRecommendations> {
    const [profile] = await this.dataSource.query(
      `select id, recommendation_opt_out as "optOut" from ${SEEKER_PROFILE_ROWS} seeker_profiles
        where user_id = $1 and anonymised_at is null`,
      [principal.userId],
    );
    if (!profile) throw notFound('求职档案', 'profile_not_found');
    if (profile.optOut)
      return {
        personalised: false,
        message: '您已关闭个性化推荐，我们不会根据您的档案计算推荐；您仍可以搜索岗位。',
        items: [],
      };
    const rows: VacancyMatchRow[] = await this.dataSource.query(
      `select v.id as "vacancyId", v.title, e.name as "employerName", v.township_code as "townshipCode",
              v.pay_min::float8 as "payMin", v.pay_max::float8 as "payMax", v.pay_unit as "payUnit",
              m.score, m.explanation, m.computed_at as "computedAt"
         from matches m
         join ${VACANCY_ROWS} v on v.id = m.vacancy_id
         join ${EMPLOYER_ROWS} e on e.id = v.employer_id
        where m.seeker_id = $1 and v.status = 'published' and v.expires_at >= $2::date
          and e.status not in ('suspended', 'rejected')
        order by m.score desc, v.id
        limit $3`,
      [profile.id, chinaToday(), LIMIT],
    );
    return {
      personalised: true,
      items: rows.map((row) => ({
        vacancyId: row.vacancyId,
        title: row.title,
        employerName: row.employerName,
        townshipName: this.regions.townshipName(row.townshipCode),
        pay: { min: row.payMin, max: row.payMax, unit: row.payUnit },
        score: row.score,
        explanation: row.explanation,
        computedAt: row.computedAt,
      })),
    };
  }

  /**
   * Seekers recommended for one of the employer's vacancies: only a verified
   * employer, only seekers open to verified employers, personal data masked.
   */
  async forEmployer(principal: Principal, vacancyId: string): Promise<TalentRecommendations> {
    const [member] = await this.dataSource.query(
      `select m.employer_id as "employerId", e.status from ${EMPLOYER_MEMBER_ROWS} m
         join ${EMPLOYER_ROWS} e on e.id = m.employer_id where m.user_id = $1`,
      [principal.userId],
    );
    if (!member) throw notFound('用人单位', 'employer_not_found');
    if (member.status !== 'verified')
      throw forbidden('employer_not_verified', '单位通过认证后才能查看推荐人才');
    const [vacancy] = await this.dataSource.query(
      `select id from ${VACANCY_ROWS} vacancies where id = $1 and employer_id = $2`,
      [vacancyId, member.employerId],
    );
    if (!vacancy) throw notFound('岗位');
    const today = chinaToday();
    const rows: SeekerMatchRow[] = await this.dataSource.query(
      `select p.id as "seekerId", p.name, p.gender, p.birth_date::text as "birthDate", p.education,
              p.skills, p.desired_occupations as "desiredOccupations", p.township_code as "townshipCode",
              m.score, m.explanation, m.computed_at as "computedAt"
         from matches m
         join ${SEEKER_PROFILE_ROWS} p on p.id = m.seeker_id
         join ${VACANCY_ROWS} v on v.id = m.vacancy_id
        where m.vacancy_id = $1 and v.status = 'published' and v.expires_at >= $2::date
          and p.visibility = 'open' and not p.recommendation_opt_out and p.anonymised_at is null
        order by m.score desc, p.id
        limit $3`,
      [vacancyId, today, LIMIT],
    );
    return {
      vacancyId,
      items: rows.map((row) => ({
        seekerId: row.seekerId,
        name: maskName(row.name),
        gender: row.gender === 'female' ? '女' : '男',
        age: ageOn(row.birthDate, today),
        education: highestEducationName(row.education),
        townshipName: this.regions.townshipName(row.townshipCode),
        skills: row.skills,
        desiredOccupations: row.desiredOccupations.map(
          (code) => occupationByCode(code)?.name ?? code,
        ),
        score: row.score,
        explanation: row.explanation
          .split('；')
          .filter((reason) => !reason.includes(SEEKER_ONLY_REASON))
          .join('；'),
        computedAt: row.computedAt,
      })),
    };
  }
}

function highestEducationName(education: Pick<EducationEntry, 'level'>[]): string | null {
  const order = Object.keys(EDUCATION_NAMES);
  const best = education
    .map((e) => e.level as string)
    .sort((a, b) => order.indexOf(b) - order.indexOf(a))[0];
  return best ? (EDUCATION_NAMES[best] ?? best) : null;
}

import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { conflict, ErrorDetail, invalid, notFound } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { SeekerProfileService } from '@jipin/seekers';
import { occupationByCode, VACANCY_KINDS } from '@jipin/vacancies';
import { JobAlertEntity } from './job-alert.entity';

export interface JobAlertInput {
  keyword?: string | null;
  townshipCode?: string | null;
  radiusKm?: number | null;
  kind?: string | null;
  payMin?: number | null;
  sms?: boolean;
}

/** What the résumé suggests: every criterion given, for the seeker to confirm. */
export type JobAlertSuggestion = Required<JobAlertInput>;

export interface JobAlertView {
  id: string;
  keyword: string | null;
  townshipCode: string | null;
  townshipName: string | null;
  radiusKm: number | null;
  kind: string | null;
  payMin: number | null;
  sms: boolean;
  createdAt: Date;
}

/** A seeker keeps a handful of saved searches, not a scraper's thousand. */
export const MAX_ALERTS_PER_SEEKER = 10;

/** Saved searches: made by the seeker or from the résumé's suggestion; stopped in one tap. */
@Injectable()
export class JobAlertService {
  constructor(
    @InjectRepository(JobAlertEntity) private readonly alerts: Repository<JobAlertEntity>,
    private readonly regions: RegionsService,
    private readonly profiles: SeekerProfileService,
  ) {}

  async list(userId: string): Promise<JobAlertView[]> {
    const rows = await this.alerts.find({
      where: { seekerUserId: userId, active: true },
      order: { createdAt: 'ASC' },
    });
    return rows.map((row) => this.view(row));
  }

  async create(userId: string, input: JobAlertInput): Promise<JobAlertView> {
    const criteria = this.check(input);
    const count = await this.alerts.count({ where: { seekerUserId: userId, active: true } });
    if (count >= MAX_ALERTS_PER_SEEKER)
      throw conflict('too_many_alerts', `最多保存${MAX_ALERTS_PER_SEEKER}个订阅，请先删除不用的`);
    const saved = await this.alerts.save({
      ...criteria,
      seekerUserId: userId,
      sms: input.sms === true,
      unsubscribeToken: randomBytes(24).toString('base64url'),
    });
    return this.view(saved);
  }

  async remove(userId: string, id: string): Promise<void> {
    const result = await this.alerts.update(
      { id, seekerUserId: userId, active: true },
      { active: false },
    );
    if (!result.affected) throw notFound('订阅');
  }

  /** A saved search made from the résumé: the first wished-for occupation, township and pay. */
  async suggestion(userId: string): Promise<JobAlertSuggestion> {
    const profile = await this.profiles.ownProfile(userId);
    const occupation = profile.desiredOccupations[0];
    return {
      keyword: occupation ? (occupationByCode(occupation)?.name ?? null) : null,
      townshipCode: profile.desiredTownships[0] ?? profile.townshipCode,
      radiusKm: 20,
      kind: null,
      payMin: profile.desiredPayMin,
      sms: false,
    };
  }

  /** The link in the SMS: stops the digest of this person's saved searches, no login needed. */
  async unsubscribe(token: string): Promise<{ stopped: number }> {
    const alert = await this.alerts.findOneBy({ unsubscribeToken: token });
    if (!alert) throw notFound('订阅');
    const result = await this.alerts.update(
      { seekerUserId: alert.seekerUserId, active: true },
      { active: false },
    );
    return { stopped: result.affected ?? 0 };
  }

  private check(input: JobAlertInput) {
    const problems: ErrorDetail[] = [];
    const keyword = typeof input.keyword === 'string' ? input.keyword.trim() : '';
    if ([...keyword].length > 40) problems.push({ field: 'keyword', message: '关键词最多40个字' });
    const townshipCode = input.townshipCode || null;
    if (townshipCode && !this.regions.township(townshipCode))
      problems.push({ field: 'townshipCode', message: '请选择本县的乡镇（街道）' });
    const radiusKm = input.radiusKm ?? null;
    if (radiusKm !== null && (!Number.isInteger(radiusKm) || radiusKm < 1 || radiusKm > 100))
      problems.push({ field: 'radiusKm', message: '距离须为1到100公里的整数' });
    if (radiusKm !== null && !townshipCode)
      problems.push({ field: 'townshipCode', message: '按距离订阅须选择从哪个乡镇算起' });
    const kind = input.kind || null;
    if (kind && !(kind in VACANCY_KINDS))
      problems.push({ field: 'kind', message: '岗位类型不在可选范围内' });
    const payMin = input.payMin ?? null;
    if (payMin !== null && (!Number.isInteger(payMin) || payMin < 0 || payMin > 100000))
      problems.push({ field: 'payMin', message: '最低月薪须为0到100000的整数' });
    if (!keyword && !townshipCode && !kind && !payMin)
      problems.push({
        field: 'keyword',
        message: '请至少填写关键词、乡镇、岗位类型或最低工资中的一项',
      });
    if (problems.length) throw invalid('invalid_alert', '订阅条件填写有误', problems);
    return { keyword: keyword || null, townshipCode, radiusKm, kind, payMin };
  }

  private view(row: JobAlertEntity): JobAlertView {
    return {
      id: row.id,
      keyword: row.keyword,
      townshipCode: row.townshipCode,
      townshipName: this.regions.townshipName(row.townshipCode) ?? null,
      radiusKm: row.radiusKm,
      kind: row.kind,
      payMin: row.payMin,
      sms: row.sms,
      createdAt: row.createdAt,
    };
  }
}

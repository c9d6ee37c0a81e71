import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@jipin/core';
import { NotificationInput, NotificationService } from '@jipin/notifications';
import { RegionsService } from '@jipin/regions';
import { NewVacancyFacts, VacancyContactService } from '@jipin/vacancies';
import { alertMatches, PreparedVacancy, prepareVacancy } from './alert-matching';
import { JobAlertEntity } from './job-alert.entity';

/** Seekers per batch: one read of their alerts and one insert of their digests. */
export const DIGEST_BATCH_SEEKERS = 2000;
const TITLES_SHOWN = 3;

export interface DigestRun {
  date: string;
  newVacancies: number;
  seekers: number;
  alerts: number;
  digests: number;
  batches: number;
}

/**
 * The nightly digest (job send-job-alerts): the ads first published on the
 * day before `date` against every active saved search, in batches of seekers
 * ordered by id. One notification per seeker and day (its key says so), so a
 * rerun after a crash sends nothing twice and nobody gets more than one SMS a day.
 */
@Injectable()
export class JobAlertDigestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly vacancies: VacancyContactService,
    private readonly notifications: NotificationService,
    private readonly regions: RegionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(date: string): Promise<DigestRun> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`send-job-alerts: bad date "${date}"`);
    const to = new Date(`${date}T00:00:00+08:00`);
    const from = new Date(to.getTime() - 24 * 3600 * 1000);
    return this.digest(date, await this.vacancies.publishedBetween(from, to));
  }

  /** The digests of `date` for these new ads (the benchmark hands them in directly). */
  async digest(date: string, ads: NewVacancyFacts[]): Promise<DigestRun> {
    const fresh = ads.map(prepareVacancy);
    const run: DigestRun = {
      date,
      newVacancies: fresh.length,
      seekers: 0,
      alerts: 0,
      digests: 0,
      batches: 0,
    };
    if (!fresh.length) return run;
    const locate = (code: string) => this.regions.township(code);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const alerts: JobAlertEntity[] = await this.dataSource.query(
        `select id, seeker_user_id as "seekerUserId", keyword, township_code as "townshipCode",
                radius_km as "radiusKm", kind, pay_min as "payMin", sms,
                unsubscribe_token as "unsubscribeToken"
           from job_alerts
          where active and seeker_user_id in (
            select distinct seeker_user_id from job_alerts
             where active and seeker_user_id > $1 order by seeker_user_id limit $2)
          order by seeker_user_id, created_at`,
        [after, DIGEST_BATCH_SEEKERS],
      );
      if (!alerts.length) return run;
      run.batches++;
      run.alerts += alerts.length;
      const digests = this.digests(date, alerts, fresh, locate);
      run.seekers += new Set(alerts.map((a) => a.seekerUserId)).size;
      run.digests += digests.length;
      await this.notifications.notifyMany(digests);
      after = alerts[alerts.length - 1].seekerUserId;
    }
  }

  private digests(
    date: string,
    alerts: JobAlertEntity[],
    fresh: PreparedVacancy[],
    locate: (code: string) => { lat: number; lng: number } | undefined,
  ): NotificationInput[] {
    const bySeeker = new Map<string, JobAlertEntity[]>();
    for (const alert of alerts) {
      if (!bySeeker.has(alert.seekerUserId)) bySeeker.set(alert.seekerUserId, []);
      bySeeker.get(alert.seekerUserId)!.push(alert);
    }
    const out: NotificationInput[] = [];
    for (const [userId, own] of bySeeker) {
      const matched = fresh.filter((vacancy) => own.some((a) => alertMatches(a, vacancy, locate)));
      if (!matched.length) continue;
      const sms = own.find((a) => a.sms);
      const titles = matched
        .slice(0, TITLES_SHOWN)
        .map((v) => `${v.title}（${v.employerName}）`)
        .join('、');
      const more = matched.length > TITLES_SHOWN ? `等${matched.length}个岗位` : '';
      const unsubscribe = sms
        ? ` 退订：${this.config.messages.publicUrl}/alerts/unsubscribe/${sms.unsubscribeToken}`
        : '';
      out.push({
        userId,
        kind: 'job_alert',
        title: `${matched.length}个新岗位符合您的订阅`,
        body: `${titles}${more}${unsubscribe}`,
        link: matched.length === 1 ? `/vacancies/${matched[0].id}` : '/me/alerts',
        dedupeKey: `job-alert:${date}:${userId}`,
        sms: Boolean(sms),
      });
    }
    return out;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Logger } from 'pino';
import { APP_CONFIG, type AppConfig, JobName, JobQueue, LOGGER } from '@jipin/core';
import { NotificationService } from '@jipin/notifications';
import { GigEntity } from './entities/gig.entity';
import { nearestWorkersQuery } from './gig-candidates';
import { GIG_PAY_UNITS } from './gig-view';

export interface WaveResult {
  told: number;
  nextWave: boolean;
}

/**
 * Dispatch in waves: each wave tells the nearest free fitting workers not yet
 * told (in-app and SMS); the next wave is scheduled until the gig is filled.
 * A wave re-run after a crash tells the same workers again under the same
 * dedupe keys, so nobody gets a second message.
 */
@Injectable()
export class GigDispatchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async dispatchWave(gigId: string, wave: number): Promise<WaveResult> {
    const gig = await this.dataSource.getRepository(GigEntity).findOne({ where: { id: gigId } });
    if (!gig || gig.status !== 'open' || gig.startsAt.getTime() <= Date.now())
      return { told: 0, nextWave: false };
    const size = this.config.gigs.waveSize;
    const workers = await this.offersOfWave(gig, wave, size);
    for (const worker of workers)
      await this.notifications.notify({
        userId: worker.userId,
        kind: 'gig_offer',
        title: `附近有零工：${gig.title}`,
        body: offerText(gig, worker.distanceKm),
        link: `/gigs/${gig.id}`,
        dedupeKey: `gig-offer-${gig.id}-${worker.userId}`,
        sms: true,
      });
    const nextWave = workers.length === size;
    if (nextWave)
      await this.jobs.enqueue({
        name: JobName.DispatchGig,
        data: { gigId, wave: wave + 1 },
        jobId: `gig-${gigId}-wave-${wave + 1}`,
        delayMs: this.config.gigs.waveIntervalSeconds * 1000,
      });
    this.logger.info({ gigId, wave, told: workers.length }, 'gig dispatch wave');
    return { told: workers.length, nextWave };
  }

  /** The workers of this wave: those recorded by an earlier run, else the nearest new ones. */
  private async offersOfWave(
    gig: GigEntity,
    wave: number,
    size: number,
  ): Promise<{ userId: string; distanceKm: number }[]> {
    const recorded = await this.dataSource.query(
      `select worker_user_id as "userId", distance_km as "distanceKm" from gig_offers
       where gig_id = $1 and wave = $2 order by distance_km`,
      [gig.id, wave],
    );
    if (recorded.length) return recorded;
    const query = nearestWorkersQuery(gig, size);
    const nearest: { userId: string; distanceKm: number }[] = await this.dataSource.query(
      query.sql,
      query.params,
    );
    if (!nearest.length) return [];
    await this.dataSource.query(
      `insert into gig_offers (gig_id, worker_user_id, wave, distance_km)
       select $1, w.user_id, $2, w.distance_km
       from unnest($3::uuid[], $4::real[]) as w(user_id, distance_km)
       on conflict do nothing`,
      [gig.id, wave, nearest.map((w) => w.userId), nearest.map((w) => w.distanceKm)],
    );
    return nearest;
  }
}

function offerText(gig: GigEntity, distanceKm: number): string {
  const days = gig.startDate === gig.endDate ? gig.startDate : `${gig.startDate}至${gig.endDate}`;
  return (
    `${days} ${gig.startTime.slice(0, 5)}开工，${gig.payAmount}${GIG_PAY_UNITS[gig.payUnit]}` +
    `${gig.paidSameDay ? '日结' : ''}，招${gig.headcount}人，距您约${Math.max(1, Math.round(distanceKm))}公里。` +
    `打开即聘一键接单`
  );
}

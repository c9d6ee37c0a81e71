import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationService } from '@jipin/notifications';
import { USER_ROWS } from '@jipin/accounts';
import { activeRecruiters } from './intent-facts';
import { IntentService } from './intent.service';

/** Tells the seeker and the employer's recruiters about a new intent (run by the worker; idempotent). */
@Injectable()
export class IntentNotifierService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly intents: IntentService,
    private readonly notifications: NotificationService,
  ) {}

  async recorded(intentId: string): Promise<void> {
    const intent = await this.intents.view(intentId).catch(() => undefined);
    if (!intent) return;
    const [seeker] = await this.dataSource.query(
      `select status from ${USER_ROWS} users where id = $1`,
      [intent.seekerUserId],
    );
    if (seeker?.status === 'active')
      await this.notifications.notify({
        userId: intent.seekerUserId,
        kind: 'intent_recorded',
        title: '已达成就业意向',
        body: `您与${intent.employerName}就“${intent.vacancyTitle}”达成了就业意向，请按约定办理入职`,
        link: `/intents/${intent.id}`,
        dedupeKey: `intent-recorded:${intent.id}:${intent.seekerUserId}`,
        sms: true,
      });
    for (const userId of await activeRecruiters(this.dataSource.manager, intent.employerId))
      await this.notifications.notify({
        userId,
        kind: 'intent_recorded',
        title: '新的就业意向',
        body: `${intent.seekerName}与贵单位就“${intent.vacancyTitle}”达成就业意向，${intent.followUpDueOn}前后请确认入职情况`,
        link: `/employer/follow-ups`,
        dedupeKey: `intent-recorded:${intent.id}:${userId}`,
      });
  }
}

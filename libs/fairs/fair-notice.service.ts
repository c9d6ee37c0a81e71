import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationService } from '@jipin/notifications';
import { chinaToday, KeyGroup, keyGroupCondition, SEEKER_PROFILE_ROWS } from '@jipin/seekers';
import { USER_ROWS } from '@jipin/accounts';
import { EMPLOYER_MEMBER_ROWS } from '@jipin/employers';
import { FairEntity } from './entities/fair.entity';

/** How long before a fair its reminders go out. */
export const REMINDER_WINDOW_HOURS = 24;

function when(fair: FairEntity): string {
  return fair.startsAt.toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Reminders before a fair and invitations to its target groups; each person hears once per fair. */
@Injectable()
export class FairNoticeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  /** Scheduled: fairs starting within the window remind their registered seekers and booth employers. */
  async sendReminders(now = new Date()): Promise<number> {
    const fairs = await this.dataSource.manager
      .createQueryBuilder(FairEntity, 'f')
      .where(`f.status in ('registration_open', 'ongoing')`)
      .andWhere('f.starts_at > :now and f.starts_at <= :until', {
        now,
        until: new Date(now.getTime() + REMINDER_WINDOW_HOURS * 3600 * 1000),
      })
      .getMany();
    let sent = 0;
    for (const fair of fairs) {
      const place = fair.venue ? `，地点：${fair.venue}` : '';
      const seekers: { userId: string }[] = await this.dataSource.query(
        `select r.seeker_user_id as "userId" from fair_registrations r
           join ${USER_ROWS} u on u.id = r.seeker_user_id where r.fair_id = $1 and u.status = 'active'`,
        [fair.id],
      );
      for (const { userId } of seekers) {
        await this.notifications.notify({
          userId,
          kind: 'fair_reminder',
          title: `招聘会提醒：${fair.title}`,
          body: `您报名的“${fair.title}”将于${when(fair)}开始${place}，请携带入场二维码`,
          link: `/fairs/${fair.id}`,
          dedupeKey: `fair-reminder:${fair.id}:${userId}`,
          sms: true,
        });
        sent += 1;
      }
      const recruiters: { userId: string }[] = await this.dataSource.query(
        `select distinct m.user_id as "userId" from fair_booths b
           join ${EMPLOYER_MEMBER_ROWS} m on m.employer_id = b.employer_id
           join ${USER_ROWS} u on u.id = m.user_id
          where b.fair_id = $1 and b.status = 'approved' and u.status = 'active'`,
        [fair.id],
      );
      for (const { userId } of recruiters) {
        await this.notifications.notify({
          userId,
          kind: 'fair_reminder',
          title: `招聘会提醒：${fair.title}`,
          body: `贵单位参加的“${fair.title}”将于${when(fair)}开始${place}，请提前布置展位`,
          link: `/employer/fairs/${fair.id}`,
          dedupeKey: `fair-reminder:${fair.id}:${userId}`,
        });
        sent += 1;
      }
    }
    return sent;
  }

  /** On opening registration: seekers of the target groups in the fair's township (county-wide without one). */
  async invite(fairId: string): Promise<number> {
    const fair = await this.dataSource.manager.findOneBy(FairEntity, { id: fairId });
    if (
      !fair ||
      !fair.targetKeyGroups.length ||
      !['registration_open', 'ongoing'].includes(fair.status)
    )
      return 0;
    const groups = fair.targetKeyGroups
      .map((group) => keyGroupCondition(group as KeyGroup).replace(/:asOf/g, 'd.as_of'))
      .join(' or ');
    const people: { userId: string }[] = await this.dataSource.query(
      `select p.user_id as "userId"
         from (select $2::date as as_of) d, ${SEEKER_PROFILE_ROWS} p join ${USER_ROWS} u on u.id = p.user_id
        where u.status = 'active' and p.anonymised_at is null
          and ($1::varchar is null or p.township_code = $1) and (${groups})`,
      [fair.townshipCode, chinaToday()],
    );
    for (const { userId } of people)
      await this.notifications.notify({
        userId,
        kind: 'fair_invitation',
        title: `邀请您参加：${fair.title}`,
        body: `“${fair.title}”将于${when(fair)}举办${fair.venue ? `（${fair.venue}）` : ''}，欢迎报名参加`,
        link: `/fairs/${fair.id}`,
        dedupeKey: `fair-invite:${fair.id}:${userId}`,
      });
    return people.length;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationService } from '@jipin/notifications';
import { SEEKER_PROFILE_ROWS } from '@jipin/seekers';
import { USER_ROWS } from '@jipin/accounts';
import { ApplicationHistoryEntity } from './entities/application-history.entity';
import { ApplicationEntity } from './entities/application.entity';
import { APPLICATION_STATUS_NAMES } from './application-status';
import { employerMemberIds, vacancyFacts } from './vacancy-facts';

/** Statuses worth an SMS to a seeker who accepts SMS. */
const SMS_STATUSES = new Set(['interviewing', 'intent', 'hired']);

/** Tells both sides of an application about a status change (run by the worker; idempotent). */
@Injectable()
export class ApplicationNotifierService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  async statusChanged(historyId: string): Promise<void> {
    const manager = this.dataSource.manager;
    const change = await manager.findOneBy(ApplicationHistoryEntity, { id: historyId });
    if (!change) return;
    const application = await manager.findOneByOrFail(ApplicationEntity, {
      id: change.applicationId,
    });
    const vacancy = await vacancyFacts(manager, application.vacancyId);
    const [seeker] = await manager.query(
      `select p.name, u.status from ${SEEKER_PROFILE_ROWS} p join ${USER_ROWS} u on u.id = p.user_id where p.id = $1`,
      [application.seekerProfileId],
    );
    const status = APPLICATION_STATUS_NAMES[change.toStatus];
    // The seeker moved it by accepting an interview invitation: told as their own step.
    const accepted = change.actorRole === 'seeker' && change.toStatus === 'interviewing';
    const toSeeker = accepted
      ? { title: '已接受面试邀请', body: `您对“${vacancy.title}”的申请已进入“${status}”` }
      : change.toStatus === 'applied'
        ? { title: '投递成功', body: `您已投递${vacancy.employerName}的“${vacancy.title}”岗位` }
        : change.toStatus === 'withdrawn'
          ? { title: '已撤回申请', body: `您已撤回对“${vacancy.title}”岗位的申请` }
          : {
              title: `求职进展：${status}`,
              body: `${vacancy.employerName}已将您对“${vacancy.title}”的申请更新为“${status}”`,
            };
    if (seeker?.status === 'active')
      await this.notifications.notify({
        userId: application.seekerUserId,
        kind: 'application_status',
        ...toSeeker,
        link: `/applications/${application.id}`,
        dedupeKey: `application-status:${historyId}:${application.seekerUserId}`,
        sms: !accepted && SMS_STATUSES.has(change.toStatus),
      });
    const toEmployer = accepted
      ? {
          title: '求职者接受了面试邀请',
          body: `${seeker?.name ?? '求职者'}接受了“${vacancy.title}”的面试邀请`,
        }
      : change.toStatus === 'applied'
        ? { title: '收到新的求职申请', body: `${seeker?.name ?? '求职者'}投递了“${vacancy.title}”` }
        : change.toStatus === 'withdrawn'
          ? {
              title: '求职者撤回了申请',
              body: `${seeker?.name ?? '求职者'}撤回了对“${vacancy.title}”的申请`,
            }
          : {
              title: `申请状态已更新：${status}`,
              body: `${seeker?.name ?? '求职者'}对“${vacancy.title}”的申请已更新为“${status}”`,
            };
    for (const userId of await employerMemberIds(manager, application.employerId))
      await this.notifications.notify({
        userId,
        kind: 'application_status',
        ...toEmployer,
        link: `/employer/applications/${application.id}`,
        dedupeKey: `application-status:${historyId}:${userId}`,
      });
  }
}

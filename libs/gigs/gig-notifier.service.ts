import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationService } from '@jipin/notifications';
import { GigAssignmentEntity } from './entities/gig-assignment.entity';
import { GigEntity } from './entities/gig.entity';

/** Tells workers what changed on a gig they hold a place on; keyed so a retry tells nobody twice. */
@Injectable()
export class GigNotifierService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  async gigCancelled(gigId: string): Promise<number> {
    const gig = await this.dataSource.getRepository(GigEntity).findOne({ where: { id: gigId } });
    if (!gig) return 0;
    const told = await this.dataSource.getRepository(GigAssignmentEntity).find({
      where: { gigId, status: 'gig_cancelled' },
    });
    for (const assignment of told)
      await this.notifications.notify({
        userId: assignment.workerUserId,
        kind: 'gig_cancelled',
        title: `零工已取消：${gig.title}`,
        body: `${gig.startDate} ${gig.startTime.slice(0, 5)}的零工已被雇主取消${gig.cancelReason ? `，原因：${gig.cancelReason}` : ''}。请另找其他零工。`,
        link: `/gigs/${gig.id}`,
        dedupeKey: `gig-cancelled-${gig.id}-${assignment.workerUserId}`,
        sms: true,
      });
    return told.length;
  }

  async promoted(assignmentId: string): Promise<void> {
    const assignment = await this.dataSource
      .getRepository(GigAssignmentEntity)
      .findOne({ where: { id: assignmentId } });
    if (!assignment || !['accepted', 'confirmed'].includes(assignment.status)) return;
    const gig = await this.dataSource
      .getRepository(GigEntity)
      .findOne({ where: { id: assignment.gigId } });
    if (!gig) return;
    await this.notifications.notify({
      userId: assignment.workerUserId,
      kind: 'gig_promoted',
      title: `候补成功：${gig.title}`,
      body: `有人退出，您已从候补转为正式接单。${gig.startDate} ${gig.startTime.slice(0, 5)}开工，请按时到岗。`,
      link: `/gigs/${gig.id}`,
      dedupeKey: `gig-promoted-${assignment.id}`,
      sms: true,
    });
  }
}

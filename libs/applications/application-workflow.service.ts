import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Principal } from '@jipin/accounts';
import {
  invalid,
  OutboxEventType,
  OutboxService,
  PreparedStatement,
  queryPreparedIn,
} from '@jipin/core';
import { FollowUpService, IntentService } from '@jipin/intents';
import { chinaToday } from '@jipin/seekers';
import { ApplicationHistoryEntity } from './entities/application-history.entity';
import { ApplicationEntity } from './entities/application.entity';
import { ApplicationStatus, assertMove, canMove } from './application-status';

/** A history line, prepared: every application and every move writes one. */
const INSERT_HISTORY: PreparedStatement = {
  name: 'application_history_insert',
  text: `insert into application_history
      (application_id, from_status, to_status, actor_user_id, actor_role, note)
    values ($1, $2, $3, $4, $5, $6) returning id::text, created_at as "createdAt"`,
};

/**
 * Every status change goes through here: the row, a history line and an
 * outbox event (both sides are notified by the worker) in one transaction.
 */
@Injectable()
export class ApplicationWorkflowService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly intents: IntentService,
    private readonly followUps: FollowUpService,
  ) {}

  /** The history line it wrote (the caller may answer with it). */
  async record(
    manager: EntityManager,
    application: ApplicationEntity,
    from: ApplicationStatus | null,
    actor: Principal,
    note?: string,
  ): Promise<ApplicationHistoryEntity> {
    const [row] = await queryPreparedIn<Pick<ApplicationHistoryEntity, 'id' | 'createdAt'>>(
      manager,
      INSERT_HISTORY,
      [application.id, from, application.status, actor.userId, actor.role, note ?? null],
    );
    const history = Object.assign(new ApplicationHistoryEntity(), row, {
      applicationId: application.id,
      fromStatus: from,
      toStatus: application.status,
      actorUserId: actor.userId,
      actorRole: actor.role,
      note: note ?? null,
    });
    await this.outbox.record(manager, {
      type: OutboxEventType.ApplicationStatusChanged,
      aggregateId: application.id,
      payload: { applicationId: application.id, historyId: history.id },
    });
    return history;
  }

  /** Locks the row, checks the move, saves it and records it. */
  async move(
    manager: EntityManager,
    applicationId: string,
    to: ApplicationStatus,
    actor: Principal,
    note?: string,
    hiredOn?: string,
  ): Promise<ApplicationEntity> {
    const application = await this.locked(manager, applicationId);
    assertMove(application.status, to);
    return this.save(manager, application, to, actor, note, hiredOn);
  }

  /**
   * The seeker accepted an interview invitation: the application moves to
   * "interviewing" when that is a step forward (from applied or viewed). One
   * already interviewing, further on (intent, hired) or finished (rejected,
   * withdrawn) stays as it is: accepting a second interview is no new stage,
   * and only the employer moves an application on or back. Run in the
   * transaction that stores the seeker's answer; undefined when nothing moved.
   */
  async acceptInterview(
    manager: EntityManager,
    applicationId: string,
    seeker: Principal,
    note: string,
  ): Promise<ApplicationEntity | undefined> {
    const application = await this.locked(manager, applicationId);
    if (application.seekerUserId !== seeker.userId) return undefined;
    if (!canMove(application.status, 'interviewing')) return undefined;
    return this.save(manager, application, 'interviewing', seeker, note);
  }

  private locked(manager: EntityManager, applicationId: string): Promise<ApplicationEntity> {
    return manager.findOneOrFail(ApplicationEntity, {
      where: { id: applicationId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private async save(
    manager: EntityManager,
    application: ApplicationEntity,
    to: ApplicationStatus,
    actor: Principal,
    note?: string,
    hiredOn?: string,
  ): Promise<ApplicationEntity> {
    const from = application.status;
    if (hiredOn !== undefined) checkHiredOn(application, to, hiredOn);
    application.status = to;
    application.statusChangedAt = new Date();
    await manager.save(application);
    await this.record(manager, application, from, actor, note);
    await this.followIntent(manager, application, actor, hiredOn);
    return application;
  }

  /**
   * An application at `intent` is a placement intent (recorded in the same
   * transaction); hired, rejected or withdrawn afterwards settles that intent.
   */
  private async followIntent(
    manager: EntityManager,
    application: ApplicationEntity,
    actor: Principal,
    hiredOn?: string,
  ): Promise<void> {
    if (application.status === 'intent') {
      await this.intents.record(manager, {
        seekerUserId: application.seekerUserId,
        vacancyId: application.vacancyId,
        source: 'application',
        fairId: application.fairId,
        applicationId: application.id,
        actor,
      });
      return;
    }
    if (!['hired', 'rejected', 'withdrawn'].includes(application.status)) return;
    const intent = await this.intents.lockedIntentFor(
      manager,
      application.seekerUserId,
      application.vacancyId,
    );
    if (!intent || intent.outcome) return;
    await this.followUps.settle(
      manager,
      intent,
      application.status === 'hired' ? { outcome: 'hired', hiredOn } : { outcome: 'fell_through' },
      actor,
    );
  }
}

/** A hire date belongs to a hire, and a person is not hired before they applied. */
function checkHiredOn(
  application: ApplicationEntity,
  to: ApplicationStatus,
  hiredOn: string,
): void {
  if (to !== 'hired')
    throw invalid('hired_on_not_hire', '只有改为“已录用”时才填写入职日期', [
      { field: 'hiredOn', message: '只有改为“已录用”时才填写入职日期' },
    ]);
  const applied = chinaToday(application.createdAt);
  if (hiredOn < applied)
    throw invalid('hired_on_before_application', '入职日期不能早于投递日期', [
      { field: 'hiredOn', message: `入职日期不能早于投递日期（${applied}）` },
    ]);
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, staffCovers, USER_ROWS } from '@jipin/accounts';
import { conflict, forbidden, invalid, notFound } from '@jipin/core';
import { NotificationService } from '@jipin/notifications';
import {
  chinaToday,
  employmentStatusBefore,
  SEEKER_PROFILE_ROWS,
  SeekerProfileService,
  staffTownshipFilter,
} from '@jipin/seekers';
import { VACANCY_ROWS } from '@jipin/vacancies';
import { IntentOutcome, PlacementIntentEntity } from './entities/placement-intent.entity';
import { activeRecruiters, intentVacancy, recruiterEmployer } from './intent-facts';
import { IntentView } from './intent-view';
import { IntentService } from './intent.service';
import { classifyPlacement } from './placement-classes';

export interface OutcomeInput {
  outcome: IntentOutcome;
  /** YYYY-MM-DD, today by default; only for a hire. */
  hiredOn?: string;
  note?: string;
}

/**
 * Follow-up to hire: each intent is due for a follow-up some days after it was
 * recorded (INTENT_FOLLOW_UP_DAYS); staff or the employer confirm hired or fell
 * through, and a hire becomes a placement with what the statistics need.
 */
@Injectable()
export class FollowUpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly intents: IntentService,
    private readonly profiles: SeekerProfileService,
    private readonly notifications: NotificationService,
  ) {}

  /** Open intents whose follow-up is due (or all open ones): staff see their township's, recruiters their employer's. */
  async list(
    principal: Principal,
    query: { townshipCode?: string; includeNotDue?: boolean },
  ): Promise<IntentView[]> {
    const conditions = ['i.outcome is null'];
    const params: unknown[] = [];
    if (!query.includeNotDue) {
      params.push(chinaToday());
      conditions.push(`i.follow_up_due_on <= $${params.length}`);
    }
    if (principal.role === 'employer') {
      const employerId = await recruiterEmployer(this.dataSource.manager, principal.userId);
      if (!employerId) throw forbidden('not_employer_member', '请先登记招聘单位或加入所在单位');
      params.push(employerId);
      conditions.push(`i.employer_id = $${params.length}`);
    } else {
      const township = staffTownshipFilter(principal, query.townshipCode);
      if (township) {
        params.push(township);
        conditions.push(`i.township_code = $${params.length}`);
      }
    }
    return this.intents.views(conditions.join(' and '), params);
  }

  async confirm(principal: Principal, intentId: string, input: OutcomeInput): Promise<IntentView> {
    await this.dataSource.transaction(async (manager) => {
      const intent = await manager.findOne(PlacementIntentEntity, {
        where: { id: intentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!intent || !(await this.mayFollowUp(manager, principal, intent)))
        throw notFound('就业意向');
      await this.settle(manager, intent, input, principal);
    });
    return this.intents.view(intentId);
  }

  /**
   * Settles an intent in the caller's transaction (the applications lib calls it
   * when an application is marked hired, rejected or withdrawn). Settling again
   * with the same outcome changes nothing; another outcome is refused.
   */
  async settle(
    manager: EntityManager,
    intent: PlacementIntentEntity,
    input: OutcomeInput,
    actor: Pick<Principal, 'userId'>,
  ): Promise<void> {
    if (intent.outcome === input.outcome) return;
    if (intent.outcome)
      throw conflict('intent_settled', '该就业意向已确认过跟踪结果，不能再改', [
        {
          field: 'outcome',
          message: `已确认为“${intent.outcome === 'hired' ? '已入职' : '未入职'}”`,
        },
      ]);
    const today = chinaToday();
    const hiredOn = input.hiredOn ?? today;
    if (input.outcome === 'hired' && hiredOn > today)
      throw invalid('hired_on_future', '入职日期不能晚于今天', [
        { field: 'hiredOn', message: '入职日期不能晚于今天' },
      ]);
    intent.outcome = input.outcome;
    intent.outcomeNote = input.note ?? null;
    intent.outcomeBy = actor.userId;
    intent.outcomeAt = new Date();
    await manager.save(intent);
    if (input.outcome === 'hired') await this.place(manager, intent, hiredOn, actor.userId);
  }

  /** The scheduled reminder: recruiters hear about follow-ups that are due, once per intent. */
  async remindDue(limit = 1000): Promise<number> {
    const due: { id: string; employerId: string; title: string; name: string }[] =
      await this.dataSource.query(
        `select i.id, i.employer_id as "employerId", v.title, coalesce(p.name, u.name) as name
           from placement_intents i join ${VACANCY_ROWS} v on v.id = i.vacancy_id
           join ${USER_ROWS} u on u.id = i.seeker_user_id
           left join ${SEEKER_PROFILE_ROWS} p on p.id = i.seeker_profile_id
          where i.outcome is null and i.follow_up_due_on <= $1
          order by i.follow_up_due_on limit $2`,
        [chinaToday(), limit],
      );
    for (const intent of due)
      for (const userId of await activeRecruiters(this.dataSource.manager, intent.employerId))
        await this.notifications.notify({
          userId,
          kind: 'intent_follow_up',
          title: '请确认就业意向的入职情况',
          body: `${intent.name}与贵单位就“${intent.title}”达成的就业意向已到回访时间，请确认是否已入职`,
          link: `/employer/follow-ups`,
          dedupeKey: `intent-follow-up:${intent.id}:${userId}`,
        });
    return due.length;
  }

  private async mayFollowUp(
    manager: EntityManager,
    principal: Principal,
    intent: PlacementIntentEntity,
  ): Promise<boolean> {
    if (principal.role === 'employer')
      return (await recruiterEmployer(manager, principal.userId)) === intent.employerId;
    return staffCovers(principal, intent.townshipCode);
  }

  private async place(
    manager: EntityManager,
    intent: PlacementIntentEntity,
    hiredOn: string,
    confirmedBy: string,
  ): Promise<void> {
    const vacancy = await intentVacancy(manager, intent.vacancyId);
    const profile = intent.seekerProfileId
      ? await this.profiles.profileById(intent.seekerProfileId, manager)
      : null;
    const keyGroups = profile
      ? (await this.profiles.view(profile, hiredOn)).keyGroups.map((g) => g.code as string)
      : [];
    const classes = classifyPlacement({
      keyGroups,
      employmentStatusBefore: profile
        ? await employmentStatusBefore(manager, profile.id, hiredOn)
        : null,
      occupationCode: vacancy.occupationCode,
    });
    const placed: { id: string }[] = await manager.query(
      `insert into placements (intent_id, seeker_user_id, seeker_profile_id, vacancy_id, employer_id,
         township_code, workplace_township_code, hired_on, key_groups, rural_labour_transfer,
         urban_new_employment, difficulty_reemployment, confirmed_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       on conflict (intent_id) do nothing returning id`,
      [
        intent.id,
        intent.seekerUserId,
        intent.seekerProfileId,
        intent.vacancyId,
        intent.employerId,
        profile?.townshipCode ?? intent.townshipCode,
        vacancy.townshipCode,
        hiredOn,
        keyGroups,
        classes.ruralLabourTransfer,
        classes.urbanNewEmployment,
        classes.difficultyReemployment,
        confirmedBy,
      ],
    );
    if (profile && placed.length)
      await this.profiles.recordHire(manager, {
        profileId: profile.id,
        hiredOn,
        placementId: placed[0].id,
        confirmedBy,
      });
  }
}

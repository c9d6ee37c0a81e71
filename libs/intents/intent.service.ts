import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, staffCovers } from '@jipin/accounts';
import {
  APP_CONFIG,
  type AppConfig,
  notFound,
  OutboxEventType,
  OutboxService,
  PiiCipher,
} from '@jipin/core';
import { chinaToday, outsideTownship, SEEKER_PROFILE_ROWS } from '@jipin/seekers';
import { EMPLOYER_ROWS } from '@jipin/employers';
import { VACANCY_ROWS } from '@jipin/vacancies';
import { IntentSource, PlacementIntentEntity } from './entities/placement-intent.entity';
import { addDays } from './intent-facts';
import { IntentView, intentViews } from './intent-view';

export interface RecordIntentInput {
  seekerUserId: string;
  vacancyId: string;
  source: IntentSource;
  fairId?: string | null;
  applicationId?: string | null;
  actor: Pick<Principal, 'userId' | 'role'>;
}

export interface RecordedIntent {
  created: boolean;
  intent: { id: string };
}

export interface IntentParties {
  intentId: string;
  seekerUserId: string;
  employerId: string;
  vacancyId: string;
  vacancyTitle: string;
}

/**
 * Records 就业意向. One per seeker and vacancy: recording again (from another
 * source, or a retried or concurrent request) answers with the intent already
 * there. A new intent is announced through the outbox in the caller's transaction.
 */
@Injectable()
export class IntentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly cipher: PiiCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs in the caller's transaction, so the intent stands or falls with the change that caused
   * it. One statement reads the vacancy and the person's profile and inserts; the outbox row
   * (or, for a repeat, the application's link) is the only other round trip.
   */
  async record(manager: EntityManager, input: RecordIntentInput): Promise<RecordedIntent> {
    const [row]: { addedId: string | null; id: string }[] = await manager.query(
      `with v as (
         select v.id, v.employer_id, v.township_code
           from ${VACANCY_ROWS} v join ${EMPLOYER_ROWS} e on e.id = v.employer_id where v.id = $2::uuid),
       p as (
         select id, township_code from ${SEEKER_PROFILE_ROWS} seeker_profiles
          where user_id = $1::uuid and anonymised_at is null),
       added as (
         insert into placement_intents (seeker_user_id, seeker_profile_id, vacancy_id, employer_id,
           township_code, source, fair_id, application_id, recorded_by, recorded_by_role,
           follow_up_due_on)
         select $1::uuid, p.id, v.id, v.employer_id, coalesce(p.township_code, v.township_code),
                $3::varchar, $4::uuid, $5::uuid, $6::uuid, $7::varchar, $8::date
           from v left join p on true
         on conflict (seeker_user_id, vacancy_id) do nothing returning id)
       select a.id as "addedId", coalesce(a.id, i.id) as id
         from v left join added a on true
         left join placement_intents i on i.seeker_user_id = $1 and i.vacancy_id = v.id`,
      [
        input.seekerUserId,
        input.vacancyId,
        input.source,
        input.fairId ?? null,
        input.applicationId ?? null,
        input.actor.userId,
        input.actor.role,
        addDays(chinaToday(), this.config.matching.followUpDays),
      ],
    );
    if (!row) throw notFound('岗位');
    if (row.addedId) {
      await this.outbox.record(manager, {
        type: OutboxEventType.IntentRecorded,
        aggregateId: row.addedId,
        payload: { intentId: row.addedId },
      });
    } else if (input.applicationId) {
      // The same agreement reached first at a booth or by staff: remember the application too.
      await manager.query(
        `update placement_intents set application_id = $3
          where seeker_user_id = $1 and vacancy_id = $2 and application_id is null`,
        [input.seekerUserId, input.vacancyId, input.applicationId],
      );
    }
    return { created: Boolean(row.addedId), intent: { id: row.id } };
  }

  /** Staff record an intent reached outside the platform (a phone call, a visit to the window). */
  async recordByStaff(
    staff: Principal,
    input: { seekerProfileId: string; vacancyId: string },
  ): Promise<{ created: boolean; intent: IntentView }> {
    const [profile]: { userId: string; townshipCode: string }[] = await this.dataSource.query(
      `select user_id as "userId", township_code as "townshipCode" from ${SEEKER_PROFILE_ROWS} seeker_profiles
        where id = $1 and anonymised_at is null`,
      [input.seekerProfileId],
    );
    if (!profile) throw notFound('求职者');
    if (!staffCovers(staff, profile.townshipCode)) throw outsideTownship();
    const { created, intent } = await this.dataSource.transaction((manager) =>
      this.record(manager, {
        seekerUserId: profile.userId,
        vacancyId: input.vacancyId,
        source: 'staff',
        actor: staff,
      }),
    );
    return { created, intent: await this.view(intent.id) };
  }

  /** The intent of this person for this vacancy, locked for the caller's transaction. */
  async lockedIntentFor(
    manager: EntityManager,
    seekerUserId: string,
    vacancyId: string,
  ): Promise<PlacementIntentEntity | null> {
    return manager.findOne(PlacementIntentEntity, {
      where: { seekerUserId, vacancyId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async view(intentId: string): Promise<IntentView> {
    const [view] = await intentViews(this.dataSource.manager, this.cipher, 'i.id = $1', [intentId]);
    if (!view) throw notFound('就业意向');
    return view;
  }

  /** Who an intent is between, for a conversation about it. */
  async parties(intentId: string): Promise<IntentParties | undefined> {
    const [row] = await this.dataSource.query(
      `select i.id as "intentId", i.seeker_user_id as "seekerUserId", i.employer_id as "employerId",
              i.vacancy_id as "vacancyId", v.title as "vacancyTitle"
         from placement_intents i join ${VACANCY_ROWS} v on v.id = i.vacancy_id where i.id = $1`,
      [intentId],
    );
    return row;
  }

  /** Open intents of an employer whose follow-up is due (the recruiter inbox counts them). */
  async dueFollowUpCount(employerId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `select count(*)::int as n from placement_intents
        where employer_id = $1 and outcome is null and follow_up_due_on <= $2`,
      [employerId, chinaToday()],
    );
    return row.n;
  }

  views(where: string, params: unknown[], limit?: number): Promise<IntentView[]> {
    return intentViews(this.dataSource.manager, this.cipher, where, params, limit);
  }
}

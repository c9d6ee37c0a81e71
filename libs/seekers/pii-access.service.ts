import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AccountService, Principal } from '@jipin/accounts';
import { notFound } from '@jipin/core';
import { PiiAccessLogEntity, PiiField } from './entities/pii-access-log.entity';
import { SeekerProfileEntity } from './entities/seeker-profile.entity';
import { SeekerProfileService } from './seeker-profile.service';
import { staffTownshipFilter } from './staff-scope';

export interface RevealRequest {
  field: Exclude<PiiField, 'export' | 'resume'>;
  purpose: string;
  route: string;
}

/**
 * Full ID numbers and phones leave only through here, and each time a row in
 * pii_access_log says who saw whose what, why and when.
 */
@Injectable()
export class PiiAccessService {
  constructor(
    @InjectRepository(PiiAccessLogEntity) private readonly log: Repository<PiiAccessLogEntity>,
    private readonly profiles: SeekerProfileService,
    private readonly accounts: AccountService,
  ) {}

  /** Staff of the seeker's township (or county-wide) may reveal. */
  async revealForStaff(staff: Principal, profileId: string, request: RevealRequest) {
    const profile = await this.profiles.profileForStaff(staff, profileId);
    return this.reveal(staff, profile, request);
  }

  /** For callers that have already decided the actor may see it (e.g. an employer the person applied to). */
  async reveal(actor: Principal, profile: SeekerProfileEntity, request: RevealRequest) {
    const value =
      request.field === 'id_number'
        ? this.profiles.idNumberOf(profile)
        : await this.accounts.phoneOf(profile.userId);
    if (!value) throw notFound('该信息', 'pii_not_available');
    await this.record(actor, profile, request);
    return { profileId: profile.id, field: request.field, value };
  }

  async record(
    actor: Principal,
    profile: SeekerProfileEntity,
    request: { field: PiiField; purpose: string; route: string },
  ): Promise<void> {
    await this.log.insert({
      actorUserId: actor.userId,
      actorRole: actor.role,
      subjectProfileId: profile.id,
      subjectUserId: profile.userId,
      field: request.field,
      purpose: request.purpose,
      route: request.route,
    });
  }

  /**
   * Staff read the messages of people's threads (a reported thread, the held
   * list): one line per person, found by their account. A person without a
   * profile has no line (the log is keyed by profile). `manager`: the caller's
   * transaction, when the view is part of a change.
   */
  async recordForUsers(
    actor: Principal,
    userIds: string[],
    request: { field: 'messages'; purpose: string; route: string },
    manager: EntityManager = this.log.manager,
  ): Promise<void> {
    if (!userIds.length) return;
    await manager.query(
      `insert into pii_access_log (actor_user_id, actor_role, subject_profile_id, subject_user_id,
                                   field, purpose, route)
       select $1, $2, p.id, p.user_id, $3, $4, $5
         from seeker_profiles p where p.user_id = any($6::uuid[])`,
      [
        actor.userId,
        actor.role,
        request.field,
        request.purpose,
        request.route,
        [...new Set(userIds)],
      ],
    );
  }

  /** One line per person whose data left in an export, written in batches. */
  async recordExport(
    actor: Principal,
    subjects: Pick<SeekerProfileEntity, 'id' | 'userId'>[],
    request: { purpose: string; route: string },
  ): Promise<void> {
    for (let i = 0; i < subjects.length; i += 500)
      await this.log.insert(
        subjects.slice(i, i + 500).map((subject) => ({
          actorUserId: actor.userId,
          actorRole: actor.role,
          subjectProfileId: subject.id,
          subjectUserId: subject.userId,
          field: 'export' as const,
          purpose: request.purpose,
          route: request.route,
        })),
      );
  }

  /** Staff read the audit log; window staff only for people of their township. */
  async listForStaff(
    staff: Principal,
    query: { profileId?: string; townshipCode?: string; limit?: number; offset?: number },
  ) {
    const builder = this.log
      .createQueryBuilder('l')
      .innerJoin(SeekerProfileEntity, 'p', 'p.id = l.subject_profile_id')
      .orderBy('l.id', 'DESC')
      .take(Math.min(query.limit ?? 100, 500))
      .skip(query.offset ?? 0);
    const township = staffTownshipFilter(staff, query.townshipCode);
    if (township) builder.andWhere('p.township_code = :township', { township });
    if (query.profileId) builder.andWhere('l.subject_profile_id = :id', { id: query.profileId });
    const [items, total] = await builder.getManyAndCount();
    return { total, items };
  }

  /** What the person can see about who looked at their data. */
  async listForSubject(userId: string): Promise<PiiAccessLogEntity[]> {
    return this.log.find({ where: { subjectUserId: userId }, order: { id: 'DESC' } });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Principal } from '@jipin/accounts';
import {
  conflict,
  DomainError,
  notFound,
  PreparedStatement,
  queryPreparedIn,
  unprocessable,
} from '@jipin/core';
import {
  chinaToday,
  collegeGraduation,
  SEEKER_PROFILE_ROWS,
  SeekerProfileEntity,
  SeekerProfileService,
} from '@jipin/seekers';
import { checkEligibility, Eligibility, VACANCY_ROWS } from '@jipin/vacancies';
import { ApplicationHistoryEntity } from './entities/application-history.entity';
import { ApplicationEntity } from './entities/application.entity';
import { applicationView, ApplicationView } from './application-view';
import { ApplicationWorkflowService } from './application-workflow.service';
import { vacanciesFacts, VacancyFacts, vacancyFacts } from './vacancy-facts';

const CLOSED_REASONS: Record<string, string> = {
  paused: '该岗位已暂停招聘，暂时不能投递',
  closed: '该岗位已停止招聘',
  filled: '该岗位已招满',
  expired: '该岗位已过期',
};

export interface ApplicationParties {
  applicationId: string;
  seekerUserId: string;
  employerId: string;
  vacancyId: string;
  vacancyTitle: string;
  employerName: string;
}

export interface UnopenedApplication {
  applicationId: string;
  vacancyId: string;
  vacancyTitle: string;
  seekerName: string;
  appliedAt: Date;
}

/** A new application, or nothing when the seeker applied to the vacancy before. */
const INSERT_APPLICATION: PreparedStatement = {
  name: 'application_insert',
  text: `insert into applications
      (vacancy_id, employer_id, seeker_profile_id, seeker_user_id, cover_note, fair_id)
    values ($1, $2, $3, $4, $5, $6) on conflict (vacancy_id, seeker_profile_id) do nothing
    returning id, status, status_changed_at as "statusChangedAt", created_at as "createdAt"`,
};

/** The seeker's side: apply (idempotent), withdraw, and the history of their applications. */
@Injectable()
export class ApplicationService {
  constructor(
    @InjectRepository(ApplicationEntity)
    private readonly applications: Repository<ApplicationEntity>,
    @InjectRepository(ApplicationHistoryEntity)
    private readonly history: Repository<ApplicationHistoryEntity>,
    private readonly dataSource: DataSource,
    private readonly profiles: SeekerProfileService,
    private readonly workflow: ApplicationWorkflowService,
  ) {}

  /**
   * One application per seeker and vacancy: applying again returns the existing one (created false),
   * even once the vacancy has closed. fairId: the fair the seeker applied at (the caller checked
   * the vacancy is at that fair). A new application is one transaction of few round trips: the
   * vacancy's row locked, the rules, the row, its history line and its outbox event.
   */
  async apply(
    principal: Principal,
    vacancyId: string,
    coverNote?: string,
    fairId?: string,
  ): Promise<{ created: boolean; application: ApplicationView }> {
    const profileId = await this.profiles.ownProfileId(principal.userId).catch(() => {
      throw unprocessable('profile_required', '请先填写求职档案，再投递岗位');
    });
    const today = chinaToday();
    const outcome = await this.dataSource.transaction(async (manager) => {
      try {
        const vacancy = await vacancyFacts(manager, vacancyId, { lock: true });
        assertOpen(vacancy, today);
        // The whole profile is read only when the vacancy has rules to check it against.
        if (vacancy.eligibility)
          await this.assertEligible(
            vacancy.eligibility,
            await this.profiles.ownProfile(principal.userId),
            today,
          );
        const created = await this.insert(
          manager,
          principal,
          vacancy,
          profileId,
          coverNote,
          fairId,
        );
        return created ? { created } : undefined;
      } catch (error) {
        // The rules apply to new applications only: an existing one is answered whatever changed.
        const existing =
          error instanceof DomainError && (await this.existing(manager, vacancyId, profileId));
        if (existing) return { existing };
        throw error;
      }
    });
    if (outcome?.created) return { created: true, application: outcome.created };
    // Applied before, or a concurrent request won the insert.
    const existing = outcome?.existing ?? (await this.existing(undefined, vacancyId, profileId));
    if (!existing) throw notFound('岗位');
    return { created: false, application: await this.view(existing) };
  }

  private existing(manager: EntityManager | undefined, vacancyId: string, seekerProfileId: string) {
    return (manager ?? this.dataSource.manager).findOne(ApplicationEntity, {
      where: { vacancyId, seekerProfileId },
    });
  }

  private async assertEligible(
    eligibility: Eligibility,
    profile: SeekerProfileEntity,
    today: string,
  ): Promise<void> {
    const view = await this.profiles.view(profile, today);
    const result = checkEligibility(
      eligibility,
      {
        birthDate: profile.birthDate,
        keyGroups: view.keyGroups.map((g) => g.code),
        graduationDate: collegeGraduation(profile.education, today) ?? null,
      },
      new Date(`${today}T12:00:00Z`),
    );
    if (!result.eligible)
      throw unprocessable(
        'not_eligible',
        `您暂不符合该岗位的招用条件：${result.reasons.join('；')}`,
        result.reasons.map((message) => ({ field: 'vacancyId', message })),
      );
  }

  /** The new row, or undefined when it exists already (a concurrent request may have won). */
  private async insert(
    manager: EntityManager,
    principal: Principal,
    vacancy: VacancyFacts,
    seekerProfileId: string,
    coverNote?: string,
    fairId?: string,
  ): Promise<ApplicationView | undefined> {
    const [row] = await queryPreparedIn<
      Pick<ApplicationEntity, 'id' | 'status' | 'statusChangedAt' | 'createdAt'>
    >(manager, INSERT_APPLICATION, [
      vacancy.id,
      vacancy.employerId,
      seekerProfileId,
      principal.userId,
      coverNote ?? null,
      fairId ?? null,
    ]);
    if (!row) return undefined;
    const application = Object.assign(new ApplicationEntity(), row, {
      vacancyId: vacancy.id,
      employerId: vacancy.employerId,
      seekerProfileId,
      seekerUserId: principal.userId,
      coverNote: coverNote ?? null,
      fairId: fairId ?? null,
    });
    const history = await this.workflow.record(manager, application, null, principal);
    return applicationView(application, vacancy, [history]);
  }

  async withdraw(principal: Principal, applicationId: string, note?: string) {
    await this.ownApplication(principal, applicationId);
    const application = await this.dataSource.transaction((manager) =>
      this.workflow.move(manager, applicationId, 'withdrawn', principal, note),
    );
    return this.view(application);
  }

  async listOwn(principal: Principal): Promise<ApplicationView[]> {
    const rows = await this.applications.find({
      where: { seekerUserId: principal.userId },
      order: { createdAt: 'DESC' },
    });
    return this.views(rows);
  }

  async getOwn(principal: Principal, applicationId: string): Promise<ApplicationView> {
    return this.view(await this.ownApplication(principal, applicationId));
  }

  /** Who an application is between, for a conversation about it. */
  async parties(applicationId: string): Promise<ApplicationParties | undefined> {
    const application = await this.applications.findOne({ where: { id: applicationId } });
    if (!application) return undefined;
    const vacancy = await vacancyFacts(this.dataSource.manager, application.vacancyId);
    return {
      applicationId: application.id,
      seekerUserId: application.seekerUserId,
      employerId: application.employerId,
      vacancyId: application.vacancyId,
      vacancyTitle: vacancy.title,
      employerName: vacancy.employerName,
    };
  }

  async hasApplied(seekerUserId: string, vacancyId: string): Promise<boolean> {
    return this.applications.exists({ where: { seekerUserId, vacancyId } });
  }

  /** Applications the employer has not opened yet, newest first (the recruiter inbox). */
  async unopenedFor(employerId: string, limit = 50): Promise<UnopenedApplication[]> {
    return this.dataSource.query(
      `select a.id as "applicationId", a.vacancy_id as "vacancyId", v.title as "vacancyTitle",
              p.name as "seekerName", a.created_at as "appliedAt"
         from applications a join ${VACANCY_ROWS} v on v.id = a.vacancy_id
         join ${SEEKER_PROFILE_ROWS} p on p.id = a.seeker_profile_id
        where a.employer_id = $1 and a.status = 'applied'
        order by a.created_at desc limit $2`,
      [employerId, limit],
    );
  }

  /** How many applications per vacancy the employer has not opened yet. */
  async unopenedCounts(employerId: string): Promise<{ vacancyId: string; count: number }[]> {
    return this.dataSource.query(
      `select vacancy_id as "vacancyId", count(*)::int as count from applications
        where employer_id = $1 and status = 'applied' group by vacancy_id`,
      [employerId],
    );
  }

  /** On account deletion: the applications stay for statistics, without the person's words. */
  async anonymiseFor(userId: string): Promise<void> {
    await this.applications.update({ seekerUserId: userId }, { coverNote: null });
  }

  async view(application: ApplicationEntity): Promise<ApplicationView> {
    return (await this.views([application]))[0];
  }

  async views(rows: ApplicationEntity[]): Promise<ApplicationView[]> {
    if (!rows.length) return [];
    const history = await this.history.find({
      where: { applicationId: In(rows.map((r) => r.id)) },
      order: { id: 'ASC' },
    });
    const vacancies = await vacanciesFacts(
      this.dataSource.manager,
      rows.map((r) => r.vacancyId),
    );
    return rows.map((row) =>
      applicationView(
        row,
        vacancies.get(row.vacancyId)!,
        history.filter((h) => h.applicationId === row.id),
      ),
    );
  }

  private async ownApplication(principal: Principal, id: string): Promise<ApplicationEntity> {
    const application = await this.applications.findOne({
      where: { id, seekerUserId: principal.userId },
    });
    if (!application) throw notFound('申请');
    return application;
  }
}

/** Only a published vacancy that has not expired takes applications; the refusal says why. */
function assertOpen(vacancy: VacancyFacts, today: string): void {
  if (vacancy.status === 'draft' || vacancy.status === 'pending_review') throw notFound('岗位');
  const reason =
    vacancy.status !== 'published'
      ? (CLOSED_REASONS[vacancy.status] ?? '该岗位当前不接受投递')
      : vacancy.expiresAt < today
        ? CLOSED_REASONS.expired
        : undefined;
  if (reason) throw conflict('vacancy_not_open', reason, [{ field: 'vacancyId', message: reason }]);
}

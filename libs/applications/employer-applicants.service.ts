import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { Principal } from '@jipin/accounts';
import { forbidden, notFound } from '@jipin/core';
import { PiiAccessService, RevealRequest, SeekerProfileService, SeekerView } from '@jipin/seekers';
import { ApplicationHistoryEntity } from './entities/application-history.entity';
import { ApplicationEntity } from './entities/application.entity';
import { APPLICATION_STATUS_NAMES, ApplicationStatus, EmployerStatus } from './application-status';
import { historyView } from './application-view';
import { ApplicationWorkflowService } from './application-workflow.service';
import { FAIR_MEETINGS, FairMeetings } from './fair-meetings';
import { ResumeAccess, resumeAccess } from './resume-access';
import { employerOfMember, vacancyFacts } from './vacancy-facts';

/** What a recruiter sees of an applicant: the résumé, with ID number and phone masked. */
function applicantView(
  application: ApplicationEntity,
  seeker: SeekerView,
  history: ApplicationHistoryEntity[],
) {
  return {
    id: application.id,
    vacancyId: application.vacancyId,
    status: application.status,
    statusName: APPLICATION_STATUS_NAMES[application.status],
    coverNote: application.coverNote,
    appliedAt: application.createdAt,
    statusChangedAt: application.statusChangedAt,
    history: historyView(history),
    seeker: employerSeekerView(seeker),
  };
}

/**
 * Declared key groups (poverty, disability…) are sensitive: employers see only
 * the résumé. An employer has no use for the ID number before a hire (then it
 * asks through the audited reveal) nor for the birth date: the age says enough.
 */
export function employerSeekerView(seeker: SeekerView) {
  const {
    birthDate: _birthDate,
    idNumber: _idNumber,
    declaredKeyGroups: _declared,
    keyGroups: _groups,
    assistedRegistration: _assisted,
    claimed: _claimed,
    recommendationOptOut: _optOut,
    villageCode: _village,
    ...resume
  } = seeker;
  return resume;
}
export type EmployerSeekerView = ReturnType<typeof employerSeekerView>;

/** The employer's side: the applicant inbox per vacancy, status moves, and audited reveals. */
@Injectable()
export class EmployerApplicantsService {
  constructor(
    @InjectRepository(ApplicationEntity)
    private readonly applications: Repository<ApplicationEntity>,
    @InjectRepository(ApplicationHistoryEntity)
    private readonly history: Repository<ApplicationHistoryEntity>,
    private readonly dataSource: DataSource,
    private readonly seekers: SeekerProfileService,
    private readonly pii: PiiAccessService,
    private readonly workflow: ApplicationWorkflowService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async inbox(principal: Principal, vacancyId: string, status?: ApplicationStatus) {
    const employerId = await this.employerOf(principal);
    const vacancy = await vacancyFacts(this.dataSource.manager, vacancyId).catch(() => undefined);
    if (!vacancy || vacancy.employerId !== employerId) throw notFound('岗位');
    const rows = await this.applications.find({
      where: { vacancyId, ...(status ? { status } : {}) },
      order: { createdAt: 'DESC' },
    });
    return {
      vacancyId,
      vacancyTitle: vacancy.title,
      total: rows.length,
      items: await this.views(rows),
    };
  }

  /** Opening an application the first time marks it viewed, so the seeker knows. */
  async open(principal: Principal, applicationId: string) {
    let application = await this.employerApplication(principal, applicationId);
    if (application.status === 'applied')
      application = await this.dataSource.transaction((manager) =>
        this.workflow.move(manager, application.id, 'viewed', principal),
      );
    return (await this.views([application]))[0];
  }

  async move(
    principal: Principal,
    applicationId: string,
    to: EmployerStatus,
    details: { note?: string; hiredOn?: string } = {},
  ) {
    await this.employerApplication(principal, applicationId);
    const application = await this.dataSource.transaction((manager) =>
      this.workflow.move(manager, applicationId, to, principal, details.note, details.hiredOn),
    );
    return (await this.views([application]))[0];
  }

  /** Allowed because the person applied to this employer; written to the audit log. */
  async reveal(principal: Principal, applicationId: string, request: RevealRequest) {
    const application = await this.employerApplication(principal, applicationId);
    const profile = await this.seekers.profileById(application.seekerProfileId);
    if (!profile) throw notFound('该信息', 'pii_not_available');
    if (profile.anonymisedAt) throw notFound('该信息', 'pii_not_available');
    return this.pii.reveal(principal, profile, request);
  }

  /**
   * A recruiter reads a résumé only when the person applied to their employer,
   * was recommended to it, or met it at a fair; the answer says which.
   */
  async profileForEmployer(
    principal: Principal,
    profileId: string,
  ): Promise<EmployerSeekerView & { access: ResumeAccess }> {
    const manager = this.dataSource.manager;
    const member = await employerOfMember(manager, principal.userId);
    const profile = await this.seekers.profileById(profileId);
    if (!member || !profile || profile.anonymisedAt) throw notFound('求职者');
    const fairs = this.moduleRef.get<FairMeetings>(FAIR_MEETINGS, { strict: false });
    const access = await resumeAccess(manager, member, profile, fairs);
    if (!access) throw notFound('求职者');
    // The person sees in their access log which employer opened the résumé and why.
    await this.pii.record(principal, profile, {
      field: 'resume',
      purpose: access.reasonName,
      route: 'GET /api/seekers/:id',
    });
    return { ...employerSeekerView(await this.seekers.view(profile)), access };
  }

  private async views(rows: ApplicationEntity[]) {
    if (!rows.length) return [];
    const profiles = await this.seekers.profilesByIds(rows.map((r) => r.seekerProfileId));
    const history = await this.history.find({
      where: { applicationId: In(rows.map((r) => r.id)) },
      order: { id: 'ASC' },
    });
    const views = new Map<string, SeekerView>();
    for (const profile of profiles) views.set(profile.id, await this.seekers.view(profile));
    return rows.map((row) =>
      applicantView(
        row,
        views.get(row.seekerProfileId)!,
        history.filter((h) => h.applicationId === row.id),
      ),
    );
  }

  private async employerOf(principal: Principal): Promise<string> {
    const member = await employerOfMember(this.dataSource.manager, principal.userId);
    if (!member) throw forbidden('not_employer_member', '请先登记招聘单位或加入所在单位');
    return member.employerId;
  }

  private async employerApplication(principal: Principal, id: string) {
    const employerId = await this.employerOf(principal);
    const application = await this.applications.findOne({ where: { id, employerId } });
    if (!application) throw notFound('申请');
    return application;
  }
}

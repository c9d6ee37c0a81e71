import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { conflict, forbidden, notFound, PiiCipher } from '@jipin/core';
import { EmployerEntity, EmployerService } from '@jipin/employers';
import { VacancyEntity } from './entities/vacancy.entity';
import { VacancyHistoryEntity } from './entities/vacancy-history.entity';
import { VacancyInput } from './vacancy-input';
import { VACANCY_STATUS_NAMES, VacancyStatus } from './vacancy-options';
import { vacancyManageView, VacancyManageView } from './vacancy-view';
import { VacancyWorkflow } from './vacancy-workflow';

export type VacancyMove = 'pause' | 'resume' | 'close' | 'fill';

const MOVES: Record<VacancyMove, { from: VacancyStatus[]; to: VacancyStatus }> = {
  pause: { from: ['published'], to: 'paused' },
  resume: { from: ['paused'], to: 'published' },
  close: { from: ['draft', 'pending_review', 'published', 'paused'], to: 'closed' },
  fill: { from: ['published', 'paused'], to: 'filled' },
};

const EDITABLE: VacancyStatus[] = ['draft', 'pending_review', 'published', 'paused'];

const wrongStatus = (status: VacancyStatus) =>
  conflict(
    'vacancy_status_conflict',
    `岗位当前状态为"${VACANCY_STATUS_NAMES[status]}"，不能进行此操作`,
  );

export interface OwnVacancyFilter {
  status?: VacancyStatus;
  page: number;
  pageSize: number;
}

/**
 * What an employer's recruiters do with their vacancies. Every call finds the
 * caller's employer in the database, so a removed recruiter is refused at once,
 * and another employer's vacancy is "not found".
 */
@Injectable()
export class VacancyService {
  constructor(
    @InjectRepository(VacancyEntity) private readonly vacancies: Repository<VacancyEntity>,
    @InjectRepository(VacancyHistoryEntity)
    private readonly history: Repository<VacancyHistoryEntity>,
    private readonly dataSource: DataSource,
    private readonly employers: EmployerService,
    private readonly workflow: VacancyWorkflow,
    private readonly cipher: PiiCipher,
  ) {}

  async create(userId: string, input: VacancyInput, submit = false): Promise<VacancyManageView> {
    const { employer } = await this.employers.membership(userId);
    assertNotSuspended(employer);
    const holds = this.workflow.assertAcceptable(input);
    const saved = await this.dataSource.transaction((manager) =>
      this.insert(manager, employer, input, holds, userId, submit),
    );
    return vacancyManageView(saved, this.cipher, { fullPhone: true, employerName: employer.name });
  }

  /** Shared with bulk import: one vacancy, its history and its outbox event. */
  async insert(
    manager: EntityManager,
    employer: EmployerEntity,
    input: VacancyInput,
    holds: VacancyEntity['reviewFlags'],
    actor: string,
    submit: boolean,
    importKey: string | null = null,
  ): Promise<VacancyEntity> {
    const vacancy = manager.create(VacancyEntity, {
      employerId: employer.id,
      createdBy: actor,
      version: 1,
      reviewFlags: holds,
      importKey,
      status: submit ? this.workflow.publicationOf(employer.status, holds) : 'draft',
    });
    this.workflow.assign(vacancy, input);
    await this.workflow.save(manager, vacancy, {
      action: importKey ? 'imported' : 'created',
      from: null,
      actor,
    });
    return vacancy;
  }

  /** Edits bump the version; an edit made on an older version than the stored one is a 409. */
  async update(
    userId: string,
    id: string,
    version: number,
    changes: Partial<VacancyInput>,
  ): Promise<VacancyManageView> {
    const { employer } = await this.employers.membership(userId);
    assertNotSuspended(employer);
    const saved = await this.dataSource.transaction(async (manager) => {
      const vacancy = await this.lockOwn(manager, employer.id, id);
      if (vacancy.version !== version)
        throw conflict(
          'stale_version',
          `岗位已被他人修改（当前版本 ${vacancy.version}，您编辑的是版本 ${version}），请刷新后重新编辑`,
        );
      if (!EDITABLE.includes(vacancy.status)) throw wrongStatus(vacancy.status);
      const input = { ...this.workflow.inputOf(vacancy), ...changes };
      const holds = this.workflow.assertAcceptable(input);
      const from = vacancy.status;
      this.workflow.assign(vacancy, input);
      vacancy.version += 1;
      vacancy.reviewFlags = holds;
      if (from !== 'draft') {
        const decided = this.workflow.publicationOf(employer.status, holds);
        if (decided === 'pending_review') vacancy.status = 'pending_review';
        else if (from === 'pending_review') vacancy.status = 'published';
      }
      await this.workflow.save(manager, vacancy, { action: 'edited', from, actor: userId });
      return vacancy;
    });
    return vacancyManageView(saved, this.cipher, { fullPhone: true, employerName: employer.name });
  }

  /** A draft goes live, or to staff when the employer is unverified or a rule held it. */
  async submit(userId: string, id: string): Promise<VacancyManageView> {
    const { employer } = await this.employers.membership(userId);
    assertNotSuspended(employer);
    const saved = await this.dataSource.transaction(async (manager) => {
      const vacancy = await this.lockOwn(manager, employer.id, id);
      if (vacancy.status !== 'draft') throw wrongStatus(vacancy.status);
      const holds = this.workflow.assertAcceptable(this.workflow.inputOf(vacancy));
      vacancy.reviewFlags = holds;
      vacancy.reviewNote = null;
      vacancy.status = this.workflow.publicationOf(employer.status, holds);
      await this.workflow.save(manager, vacancy, {
        action: 'submitted',
        from: 'draft',
        actor: userId,
      });
      return vacancy;
    });
    return vacancyManageView(saved, this.cipher, { fullPhone: true, employerName: employer.name });
  }

  async move(
    userId: string,
    id: string,
    move: VacancyMove,
    reason?: string,
  ): Promise<VacancyManageView> {
    const { employer } = await this.employers.membership(userId);
    if (move === 'resume') assertNotSuspended(employer);
    const rule = MOVES[move];
    const saved = await this.dataSource.transaction(async (manager) => {
      const vacancy = await this.lockOwn(manager, employer.id, id);
      if (!rule.from.includes(vacancy.status)) throw wrongStatus(vacancy.status);
      const from = vacancy.status;
      vacancy.status = rule.to;
      await this.workflow.save(manager, vacancy, { action: move, from, actor: userId, reason });
      return vacancy;
    });
    return vacancyManageView(saved, this.cipher, { fullPhone: true, employerName: employer.name });
  }

  async listOwn(
    userId: string,
    filter: OwnVacancyFilter,
  ): Promise<{ items: VacancyManageView[]; total: number }> {
    const { employer } = await this.employers.membership(userId);
    const [rows, total] = await this.vacancies.findAndCount({
      where: { employerId: employer.id, ...(filter.status ? { status: filter.status } : {}) },
      order: { updatedAt: 'DESC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return {
      items: rows.map((v) =>
        vacancyManageView(v, this.cipher, { fullPhone: true, employerName: employer.name }),
      ),
      total,
    };
  }

  async getOwn(userId: string, id: string): Promise<VacancyManageView> {
    const { employer } = await this.employers.membership(userId);
    const vacancy = await this.vacancies.findOne({ where: { id, employerId: employer.id } });
    if (!vacancy) throw notFound('岗位');
    return vacancyManageView(vacancy, this.cipher, {
      fullPhone: true,
      employerName: employer.name,
    });
  }

  async historyOwn(userId: string, id: string): Promise<VacancyHistoryEntity[]> {
    await this.getOwn(userId, id);
    return this.history.find({ where: { vacancyId: id }, order: { id: 'ASC' } });
  }

  private async lockOwn(
    manager: EntityManager,
    employerId: string,
    id: string,
  ): Promise<VacancyEntity> {
    const vacancy = await manager.findOne(VacancyEntity, {
      where: { id, employerId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!vacancy) throw notFound('岗位');
    return vacancy;
  }
}

function assertNotSuspended(employer: EmployerEntity): void {
  if (employer.status === 'suspended')
    throw forbidden(
      'employer_suspended',
      '您的单位已被暂停招聘，暂不能发布或修改岗位，请联系人社局',
    );
}

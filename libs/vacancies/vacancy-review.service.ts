import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal, staffCovers } from '@jipin/accounts';
import { conflict, forbidden, notFound, PiiCipher } from '@jipin/core';
import { EMPLOYER_ROWS, EmployerEntity, EmployerService } from '@jipin/employers';
import { VacancyEntity } from './entities/vacancy.entity';
import { VacancyHistoryEntity } from './entities/vacancy-history.entity';
import { VACANCY_STATUS_NAMES } from './vacancy-options';
import { vacancyManageView, VacancyManageView } from './vacancy-view';
import { VacancyWorkflow } from './vacancy-workflow';

export interface ReviewQueueItem extends VacancyManageView {
  employerStatus: string;
}

/** Staff approve or send back the ads that wait for review; township staff only their township's employers. */
@Injectable()
export class VacancyReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employers: EmployerService,
    private readonly workflow: VacancyWorkflow,
    private readonly cipher: PiiCipher,
  ) {}

  async queue(
    staff: Principal,
    page: number,
    pageSize: number,
  ): Promise<{ items: ReviewQueueItem[]; total: number }> {
    const query = this.dataSource
      .getRepository(VacancyEntity)
      .createQueryBuilder('v')
      .where(`v.status = 'pending_review'`)
      .orderBy('v.updated_at', 'ASC');
    if (staff.role === 'staff' && staff.townshipCode)
      query.andWhere(
        `v.employer_id in (select e.id from ${EMPLOYER_ROWS} e where e.township_code = :township)`,
        { township: staff.townshipCode },
      );
    const [rows, total] = await query
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const employers = await this.employersOf(rows);
    return {
      items: rows.map((v) => ({
        ...vacancyManageView(v, this.cipher, { employerName: employers.get(v.employerId)?.name }),
        employerStatus: employers.get(v.employerId)?.status ?? '',
      })),
      total,
    };
  }

  async get(
    staff: Principal,
    id: string,
  ): Promise<VacancyManageView & { history: VacancyHistoryEntity[] }> {
    const vacancy = await this.dataSource.getRepository(VacancyEntity).findOne({ where: { id } });
    const employer = vacancy && (await this.employers.findById(vacancy.employerId));
    if (!vacancy || !employer || !staffCovers(staff, employer.townshipCode)) throw notFound('岗位');
    const history = await this.dataSource
      .getRepository(VacancyHistoryEntity)
      .find({ where: { vacancyId: id }, order: { id: 'ASC' } });
    return { ...vacancyManageView(vacancy, this.cipher, { employerName: employer.name }), history };
  }

  async approve(staff: Principal, id: string, reason?: string): Promise<VacancyManageView> {
    return this.decide(staff, id, 'approved', reason);
  }

  /** A rejected ad goes back to its employer as a draft, with the reason to read. */
  async reject(staff: Principal, id: string, reason: string): Promise<VacancyManageView> {
    return this.decide(staff, id, 'rejected', reason);
  }

  private async decide(
    staff: Principal,
    id: string,
    decision: 'approved' | 'rejected',
    reason?: string,
  ): Promise<VacancyManageView> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const vacancy = await manager.findOne(VacancyEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      const employer = vacancy && (await this.employers.findById(vacancy.employerId, manager));
      if (!vacancy || !employer || !staffCovers(staff, employer.townshipCode))
        throw notFound('岗位');
      if (vacancy.status !== 'pending_review')
        throw conflict(
          'vacancy_status_conflict',
          `岗位当前状态为"${VACANCY_STATUS_NAMES[vacancy.status]}"，无需审核`,
        );
      if (decision === 'approved' && employer.status === 'suspended')
        throw forbidden('employer_suspended', '该单位已被暂停招聘，其岗位不能发布');
      vacancy.status = decision === 'approved' ? 'published' : 'draft';
      vacancy.reviewNote = decision === 'rejected' ? (reason ?? null) : null;
      await this.workflow.save(manager, vacancy, {
        action: decision,
        from: 'pending_review',
        actor: staff.userId,
        reason,
      });
      return vacancy;
    });
    return vacancyManageView(saved, this.cipher);
  }

  private async employersOf(rows: VacancyEntity[]): Promise<Map<string, EmployerEntity>> {
    const employers = await this.employers.findByIds([...new Set(rows.map((v) => v.employerId))]);
    return new Map(employers.map((e) => [e.id, e]));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Principal, staffCovers } from '@jipin/accounts';
import { conflict, notFound, OutboxEventType, OutboxService, PiiCipher } from '@jipin/core';
import { EmployerEntity, EmployerStatus } from './entities/employer.entity';
import { EmployerHistoryEntity } from './entities/employer-history.entity';
import { employerView, EmployerView } from './employer-view';

export type EmployerDecision = 'verify' | 'reject' | 'suspend' | 'reinstate';

/** Which status each decision leads from and to. */
const TRANSITIONS: Record<EmployerDecision, { from: EmployerStatus[]; to: EmployerStatus }> = {
  verify: { from: ['pending', 'rejected'], to: 'verified' },
  reject: { from: ['pending'], to: 'rejected' },
  suspend: { from: ['verified'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'verified' },
};

const STATUS_NAMES: Record<EmployerStatus, string> = {
  pending: '待审核',
  verified: '已认证',
  rejected: '未通过',
  suspended: '已暂停',
};

export interface EmployerListFilter {
  status?: EmployerStatus;
  townshipCode?: string;
  page: number;
  pageSize: number;
}

/** Staff verify, reject, suspend and reinstate employers of the townships they serve. */
@Injectable()
export class EmployerReviewService {
  constructor(
    @InjectRepository(EmployerEntity) private readonly employers: Repository<EmployerEntity>,
    @InjectRepository(EmployerHistoryEntity)
    private readonly history: Repository<EmployerHistoryEntity>,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly cipher: PiiCipher,
  ) {}

  async list(
    staff: Principal,
    filter: EmployerListFilter,
  ): Promise<{ items: EmployerView[]; total: number }> {
    const query = this.employers.createQueryBuilder('e').orderBy('e.created_at', 'ASC');
    if (filter.status) query.andWhere('e.status = :status', { status: filter.status });
    const township =
      staff.role === 'staff' && staff.townshipCode ? staff.townshipCode : filter.townshipCode;
    if (township) query.andWhere('e.township_code = :township', { township });
    const [rows, total] = await query
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { items: rows.map((row) => employerView(row, this.cipher)), total };
  }

  async get(
    staff: Principal,
    id: string,
  ): Promise<EmployerView & { history: EmployerHistoryEntity[] }> {
    const employer = await this.covered(staff, id);
    const history = await this.history.find({ where: { employerId: id }, order: { id: 'ASC' } });
    return { ...employerView(employer, this.cipher), history };
  }

  async decide(
    staff: Principal,
    id: string,
    decision: EmployerDecision,
    reason?: string,
  ): Promise<EmployerView> {
    const rule = TRANSITIONS[decision];
    const updated = await this.dataSource.transaction(async (manager) => {
      const employer = await manager.findOne(EmployerEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!employer || !staffCovers(staff, employer.townshipCode)) throw notFound('用人单位');
      if (!rule.from.includes(employer.status))
        throw conflict(
          'employer_status_conflict',
          `该单位当前状态为"${STATUS_NAMES[employer.status]}"，不能进行此操作`,
        );
      const from = employer.status;
      Object.assign(employer, {
        status: rule.to,
        statusReason: reason ?? null,
        statusChangedBy: staff.userId,
        statusChangedAt: new Date(),
      });
      await manager.save(employer);
      await manager.insert(EmployerHistoryEntity, {
        employerId: id,
        action: decision,
        fromStatus: from,
        toStatus: rule.to,
        reason: reason ?? null,
        actorUserId: staff.userId,
      });
      // Search and matching drop or restore this employer's vacancies.
      await this.outbox.record(manager, {
        type: OutboxEventType.EmployerStatusChanged,
        aggregateId: id,
        payload: { employerId: id },
      });
      return employer;
    });
    return employerView(updated, this.cipher);
  }

  private async covered(staff: Principal, id: string): Promise<EmployerEntity> {
    const employer = await this.employers.findOne({ where: { id } });
    if (!employer || !staffCovers(staff, employer.townshipCode)) throw notFound('用人单位');
    return employer;
  }
}

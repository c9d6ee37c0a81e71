import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { VacancyEntity } from './entities/vacancy.entity';
import { chinaToday } from './vacancy-input';
import { VacancyWorkflow } from './vacancy-workflow';

/** Vacancies past their last day leave the listings; run on a schedule by the worker. */
@Injectable()
export class VacancyExpiryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: VacancyWorkflow,
  ) {}

  /** Expires in small transactions, each with its history and outbox event; returns how many. */
  async expireDue(batchSize = 200): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.dataSource.transaction(async (manager) => {
        const due = await manager
          .getRepository(VacancyEntity)
          .createQueryBuilder('v')
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .where(`v.status in ('published', 'paused', 'pending_review')`)
          .andWhere('v.expires_at < :today', { today: chinaToday() })
          .limit(batchSize)
          .getMany();
        for (const vacancy of due) {
          const from = vacancy.status;
          vacancy.status = 'expired';
          await this.workflow.save(manager, vacancy, {
            action: 'expired',
            from,
            actor: null,
            reason: `已过截止日期 ${vacancy.expiresAt}`,
          });
        }
        return due.length;
      });
      total += expired;
      if (expired < batchSize) return total;
    }
  }
}

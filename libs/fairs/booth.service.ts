import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@jipin/accounts';
import {
  conflict,
  forbidden,
  notFound,
  OutboxEventType,
  OutboxService,
  unprocessable,
} from '@jipin/core';
import { VACANCY_ROWS } from '@jipin/vacancies';
import { EMPLOYER_ROWS } from '@jipin/employers';
import { FairBoothEntity } from './entities/fair-booth.entity';
import { FairEntity } from './entities/fair.entity';
import { fairForStaff, publicFair, recruiterOf, staffRunsFair } from './fair-access';

export const BOOTH_STATUS_NAMES = {
  pending: '待审核',
  approved: '已通过',
  refused: '未通过',
  cancelled: '已取消',
} as const;

export interface BoothView {
  id: string;
  fairId: string;
  fairTitle: string;
  employerId: string;
  employerName: string;
  status: FairBoothEntity['status'];
  statusName: string;
  boothNumber: number | null;
  decisionNote: string | null;
  vacancies: { id: string; title: string; headcount: number }[];
  appliedAt: Date;
}

/**
 * Booths: employers apply with their own published vacancies; staff approve
 * (a number is given, unique in the fair; one booth per company unless staff
 * allow more) or refuse; a cancelled booth frees its number. Decisions on one
 * fair are serialised by locking the fair's row; a partial unique index on
 * (fair_id, booth_number) for approved booths is the last word.
 */
@Injectable()
export class BoothService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /** Applying again while an application is pending answers with that one. */
  async apply(
    principal: Principal,
    fairId: string,
    vacancyIds: string[],
  ): Promise<{ created: boolean; booth: BoothView }> {
    const recruiter = await recruiterOf(this.dataSource.manager, principal.userId);
    if (recruiter.status !== 'verified')
      throw forbidden('employer_not_verified', '单位通过审核后才能申请招聘会展位');
    const outcome = await this.dataSource.transaction(async (manager) => {
      const fair = await publicFair(manager, fairId);
      await manager.query(`select 1 from fairs where id = $1 for update`, [fairId]);
      if (!['registration_open', 'ongoing'].includes(fair.status))
        throw conflict('fair_not_open', '该招聘会当前不接受展位申请');
      const pending = await manager.findOneBy(FairBoothEntity, {
        fairId,
        employerId: recruiter.employerId,
        status: 'pending',
      });
      if (pending) return { created: false, boothId: pending.id };
      await this.assertOwnPublished(manager, recruiter.employerId, vacancyIds);
      const booth = await manager.save(
        manager.create(FairBoothEntity, {
          fairId,
          employerId: recruiter.employerId,
          appliedBy: principal.userId,
        }),
      );
      await this.setVacancies(manager, booth, vacancyIds);
      return { created: true, boothId: booth.id };
    });
    return { created: outcome.created, booth: await this.view(outcome.boothId) };
  }

  async listOwn(principal: Principal): Promise<BoothView[]> {
    const { employerId } = await recruiterOf(this.dataSource.manager, principal.userId);
    return this.views('b.employer_id = $1', [employerId]);
  }

  async listForStaff(staff: Principal, fairId: string): Promise<BoothView[]> {
    await fairForStaff(this.dataSource.manager, staff, fairId);
    return this.views('b.fair_id = $1', [fairId]);
  }

  async approve(
    staff: Principal,
    boothId: string,
    options: { boothNumber?: number; allowAdditionalBooth?: boolean; note?: string },
  ): Promise<BoothView> {
    await this.decide(staff, boothId, async (manager, booth, fair) => {
      if (booth.status === 'approved') return; // approving twice changes nothing
      if (booth.status !== 'pending')
        throw conflict(
          'booth_not_pending',
          `该展位申请${BOOTH_STATUS_NAMES[booth.status]}，不能再审核`,
        );
      if (!['draft', 'registration_open', 'ongoing'].includes(fair.status))
        throw conflict('fair_not_open', '招聘会已结束或取消');
      const others: { count: number }[] = await manager.query(
        `select count(*)::int as count from fair_booths
          where fair_id = $1 and employer_id = $2 and status = 'approved'`,
        [fair.id, booth.employerId],
      );
      if (others[0].count > 0 && !options.allowAdditionalBooth)
        throw conflict(
          'one_booth_per_employer',
          '该单位在本场招聘会已有展位；如需多个展位，请勾选“允许多个展位”',
          [{ field: 'allowAdditionalBooth', message: '每家单位默认只有一个展位' }],
        );
      booth.boothNumber =
        fair.mode === 'online' ? null : await this.boothNumber(manager, fair, options.boothNumber);
      booth.status = 'approved';
      booth.decisionNote = options.note ?? null;
    });
    return this.view(boothId);
  }

  async refuse(staff: Principal, boothId: string, reason: string): Promise<BoothView> {
    await this.decide(staff, boothId, async (_, booth) => {
      if (booth.status === 'refused') return;
      if (booth.status !== 'pending')
        throw conflict(
          'booth_not_pending',
          `该展位申请${BOOTH_STATUS_NAMES[booth.status]}，不能再审核`,
        );
      booth.status = 'refused';
      booth.decisionNote = reason;
    });
    return this.view(boothId);
  }

  /** The employer (own booth) or staff cancel; the number is free for another employer at once. */
  async cancel(principal: Principal, boothId: string, reason?: string): Promise<BoothView> {
    await this.dataSource.transaction(async (manager) => {
      const booth = await manager.findOneBy(FairBoothEntity, { id: boothId });
      if (!booth) throw notFound('展位');
      const fair = await manager.findOneOrFail(FairEntity, {
        where: { id: booth.fairId },
        lock: { mode: 'pessimistic_write' },
      });
      if (principal.role === 'employer') {
        const { employerId } = await recruiterOf(manager, principal.userId);
        if (employerId !== booth.employerId) throw notFound('展位');
      } else if (!staffRunsFair(principal, fair)) throw notFound('展位');
      const locked = await manager.findOneOrFail(FairBoothEntity, {
        where: { id: boothId },
        lock: { mode: 'pessimistic_write' },
      });
      if (locked.status === 'cancelled') return;
      if (locked.status === 'refused')
        throw conflict('booth_refused', '该展位申请未通过，无需取消');
      if (['ended', 'cancelled'].includes(fair.status))
        throw conflict('fair_over', '招聘会已结束或取消');
      locked.status = 'cancelled';
      locked.decisionNote = reason ?? locked.decisionNote;
      await manager.save(locked);
      await this.announceVacancies(manager, locked.id);
    });
    return this.view(boothId);
  }

  async view(boothId: string): Promise<BoothView> {
    const [view] = await this.views('b.id = $1', [boothId]);
    if (!view) throw notFound('展位');
    return view;
  }

  private async decide(
    staff: Principal,
    boothId: string,
    change: (manager: EntityManager, booth: FairBoothEntity, fair: FairEntity) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(FairBoothEntity, { id: boothId });
      if (!found) throw notFound('展位');
      const fair = await fairForStaff(manager, staff, found.fairId, true);
      const booth = await manager.findOneByOrFail(FairBoothEntity, { id: boothId });
      const before = booth.status;
      await change(manager, booth, fair);
      if (booth.status === before) return;
      booth.decidedBy = staff.userId;
      booth.decidedAt = new Date();
      await manager.save(booth);
      await this.announceVacancies(manager, booth.id);
    });
  }

  /** A booth's vacancies are found under its fair in search: a decision on the booth changes them. */
  private async announceVacancies(manager: EntityManager, boothId: string): Promise<void> {
    const rows: { vacancy_id: string }[] = await manager.query(
      `select vacancy_id from fair_booth_vacancies where booth_id = $1`,
      [boothId],
    );
    for (const { vacancy_id: vacancyId } of rows)
      await this.outbox.record(manager, {
        type: OutboxEventType.VacancyChanged,
        aggregateId: vacancyId,
        payload: { vacancyId },
      });
  }

  /** The number asked for if free, else the lowest free one; the fair's row is locked by the caller. */
  private async boothNumber(
    manager: EntityManager,
    fair: FairEntity,
    asked?: number,
  ): Promise<number> {
    const taken = new Set<number>(
      (
        (await manager.query(
          `select booth_number as n from fair_booths where fair_id = $1 and status = 'approved'`,
          [fair.id],
        )) as { n: number }[]
      ).map((r) => r.n),
    );
    if (asked !== undefined) {
      if (asked > fair.boothCount)
        throw unprocessable('no_such_booth', `本场招聘会只有${fair.boothCount}个展位`, [
          { field: 'boothNumber', message: `须在1到${fair.boothCount}之间` },
        ]);
      if (taken.has(asked))
        throw conflict('booth_number_taken', `${asked}号展位已分配给其他单位`, [
          { field: 'boothNumber', message: '已被占用' },
        ]);
      return asked;
    }
    for (let n = 1; n <= fair.boothCount; n += 1) if (!taken.has(n)) return n;
    throw conflict('booths_full', '展位已全部分配，请先增加展位数或取消其他展位');
  }

  private async assertOwnPublished(
    manager: EntityManager,
    employerId: string,
    vacancyIds: string[],
  ): Promise<void> {
    const rows: { id: string }[] = await manager.query(
      `select id from ${VACANCY_ROWS} vacancies where id = any($1::uuid[]) and employer_id = $2
          and status = 'published' and expires_at >= current_date`,
      [vacancyIds, employerId],
    );
    const ok = new Set(rows.map((r) => r.id));
    const bad = vacancyIds.filter((id) => !ok.has(id));
    if (bad.length)
      throw unprocessable(
        'vacancy_not_bringable',
        '只能带本单位已发布且未过期的岗位参加招聘会',
        bad.map((id) => ({
          field: 'vacancyIds',
          message: '不是本单位已发布的岗位',
          vacancyId: id,
        })),
      );
  }

  private async setVacancies(
    manager: EntityManager,
    booth: FairBoothEntity,
    vacancyIds: string[],
  ): Promise<void> {
    await manager.query(
      `insert into fair_booth_vacancies (booth_id, vacancy_id, fair_id)
       select $1, unnest($2::uuid[]), $3 on conflict do nothing`,
      [booth.id, [...new Set(vacancyIds)], booth.fairId],
    );
  }

  private async views(where: string, params: unknown[]): Promise<BoothView[]> {
    const rows: (Omit<BoothView, 'statusName' | 'vacancies'> & {
      vacancies: BoothView['vacancies'] | null;
    })[] = await this.dataSource.query(
      `select b.id, b.fair_id as "fairId", f.title as "fairTitle", b.employer_id as "employerId",
              e.name as "employerName", b.status, b.booth_number as "boothNumber",
              b.decision_note as "decisionNote", b.created_at as "appliedAt",
              (select json_agg(json_build_object('id', v.id, 'title', v.title, 'headcount', v.headcount)
                        order by v.title)
                 from fair_booth_vacancies bv join ${VACANCY_ROWS} v on v.id = bv.vacancy_id
                where bv.booth_id = b.id) as vacancies
         from fair_booths b join fairs f on f.id = b.fair_id join ${EMPLOYER_ROWS} e on e.id = b.employer_id
        where ${where} order by b.booth_number nulls last, b.created_at`,
      params,
    );
    return rows.map((row) => ({
      ...row,
      statusName: BOOTH_STATUS_NAMES[row.status],
      vacancies: row.vacancies ?? [],
    }));
  }
}

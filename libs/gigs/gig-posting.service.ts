import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AccountService, Principal, staffCovers } from '@jipin/accounts';
import {
  APP_CONFIG,
  type AppConfig,
  conflict,
  forbidden,
  invalid,
  notFound,
  OutboxEventType,
  OutboxService,
  PiiCipher,
} from '@jipin/core';
import { EmployerService } from '@jipin/employers';
import { RegionsService } from '@jipin/regions';
import { outsideTownship, SeekerProfileService } from '@jipin/seekers';
import { RuleFinding } from '@jipin/vacancies';
import { GigEntity, GigPosterKind, GigStatus } from './entities/gig.entity';
import { checkGigFacts, GigInput, OnBehalfOf } from './gig-input';
import { reviewGig } from './gig-rules';
import { gigView, GigView } from './gig-view';

/** Gigs not yet over that count against an individual's limit. */
const LIVE: GigStatus[] = ['pending_review', 'open', 'filled'];

/** Posting, reviewing and cancelling gigs. */
@Injectable()
export class GigPostingService {
  constructor(
    @InjectRepository(GigEntity) private readonly gigs: Repository<GigEntity>,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly employers: EmployerService,
    private readonly seekers: SeekerProfileService,
    private readonly accounts: AccountService,
    private readonly regions: RegionsService,
    private readonly cipher: PiiCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A verified employer, a verified individual (phone and ID, a limit on open
   * gigs) or staff on someone's behalf posts a gig. Clean gigs open at once and
   * are dispatched; gigs the rules hold wait for staff.
   */
  async post(principal: Principal, input: GigInput, onBehalfOf?: OnBehalfOf): Promise<GigView> {
    const poster = await this.posterOf(principal, input, onBehalfOf);
    const facts = checkGigFacts(input, this.regions);
    const findings = reviewGig(
      input,
      { amount: input.payAmount, unit: input.payUnit },
      this.config.gigs.payFloor,
    );
    assertNoRefusal(findings);
    const status: GigStatus = findings.length ? 'pending_review' : 'open';
    const gig = this.gigs.create({
      posterKind: poster.kind,
      posterUserId: principal.userId,
      employerId: poster.employerId,
      onBehalfName: onBehalfOf?.name.trim() ?? null,
      onBehalfPhoneCipher: onBehalfOf?.phone ? this.cipher.encrypt(onBehalfOf.phone) : null,
      title: input.title.trim(),
      description: input.description?.trim() ?? '',
      payUnit: input.payUnit,
      payAmount: input.payAmount,
      paidSameDay: input.paidSameDay ?? true,
      startDate: input.startDate,
      endDate: facts.endDate,
      startTime: input.startTime,
      hoursPerDay: input.hoursPerDay,
      startsAt: facts.startsAt,
      townshipCode: input.townshipCode,
      villageCode: input.villageCode ?? null,
      address: input.address?.trim() || null,
      lat: facts.place.lat,
      lng: facts.place.lng,
      headcount: input.headcount,
      skills: normaliseSkills(input.skills),
      physicalDemand: input.physicalDemand ?? 'light',
      meals: input.meals ?? false,
      transport: input.transport ?? false,
      status,
      reviewFindings: findings,
    });
    await this.dataSource.transaction(async (manager) => {
      if (poster.kind === 'individual') await this.assertBelowLimit(manager, principal.userId);
      await manager.save(gig);
      if (status === 'open')
        await this.outbox.record(manager, {
          type: OutboxEventType.GigOpened,
          aggregateId: gig.id,
          payload: { gigId: gig.id, wave: 1 },
        });
    });
    return this.view(gig, true);
  }

  /** Staff approve a held gig: it opens and is dispatched. */
  async approve(staff: Principal, gigId: string): Promise<GigView> {
    return this.decide(staff, gigId, 'open');
  }

  async reject(staff: Principal, gigId: string, reason: string): Promise<GigView> {
    return this.decide(staff, gigId, 'rejected', reason);
  }

  /**
   * The poster (or staff of the township) cancels. Workers who accepted or
   * wait for a place are told through the outbox.
   */
  async cancel(principal: Principal, gigId: string, reason: string): Promise<GigView> {
    const gig = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(GigEntity, {
        where: { id: gigId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!found || !this.mayManage(principal, found)) throw notFound('零工');
      if (found.status === 'cancelled' || found.status === 'rejected')
        throw conflict('gig_closed', '该零工已取消或未通过审核');
      if (found.startsAt.getTime() <= Date.now() && found.acceptedCount > 0)
        throw conflict('gig_started', '零工已开工，不能取消；请如实记录签到和工资');
      found.status = 'cancelled';
      found.cancelReason = reason.trim();
      found.cancelledAt = new Date();
      await manager.save(found);
      await manager.query(
        `update gig_assignments set status = 'gig_cancelled', cancelled_at = now()
         where gig_id = $1 and status in ('accepted', 'waitlisted', 'confirmed')`,
        [gigId],
      );
      await this.outbox.record(manager, {
        type: OutboxEventType.GigCancelled,
        aggregateId: gigId,
        payload: { gigId },
      });
      return found;
    });
    return this.view(gig, true);
  }

  /** The gigs the caller posted, newest first. */
  async mine(principal: Principal): Promise<GigView[]> {
    const gigs = await this.gigs.find({
      where: { posterUserId: principal.userId },
      order: { startDate: 'DESC', createdAt: 'DESC' },
      take: 100,
    });
    return this.views(gigs, true);
  }

  /** A gig the caller may manage: its poster, or staff of its township. */
  async managed(principal: Principal, gigId: string): Promise<GigEntity> {
    const gig = await this.gigs.findOne({ where: { id: gigId } });
    if (!gig || !this.mayManage(principal, gig)) throw notFound('零工');
    return gig;
  }

  mayManage(principal: Principal, gig: GigEntity): boolean {
    return gig.posterUserId === principal.userId || staffCovers(principal, gig.townshipCode);
  }

  /** Staff's queue of gigs the rules held. */
  async reviewQueue(staff: Principal): Promise<GigView[]> {
    const gigs = await this.gigs.find({
      where: { status: 'pending_review' },
      order: { createdAt: 'ASC' },
      take: 200,
    });
    return this.views(
      gigs.filter((gig) => staffCovers(staff, gig.townshipCode)),
      true,
    );
  }

  async view(gig: GigEntity, forPoster = false, distanceKm?: number): Promise<GigView> {
    return (
      await this.views([gig], forPoster, distanceKm === undefined ? undefined : [distanceKm])
    )[0];
  }

  /** Views with each poster's public label (company name, masked person's name). */
  async views(gigs: GigEntity[], forPoster = false, distances?: number[]): Promise<GigView[]> {
    const employerNames = new Map<string, string>();
    for (const id of new Set(gigs.map((g) => g.employerId).filter(Boolean) as string[]))
      employerNames.set(id, (await this.employers.findById(id))?.name ?? '用人单位');
    const personNames = new Map<string, string>();
    for (const userId of new Set(
      gigs.filter((g) => g.posterKind === 'individual').map((g) => g.posterUserId),
    ))
      personNames.set(userId, await this.personName(userId));
    return gigs.map((gig, i) =>
      gigView(gig, this.regions, {
        employerName: gig.employerId ? employerNames.get(gig.employerId) : undefined,
        posterName: personNames.get(gig.posterUserId),
        distanceKm: distances?.[i],
        forPoster,
      }),
    );
  }

  /** An individual poster's name as on their verified profile. */
  private async personName(userId: string): Promise<string> {
    const profile = await this.seekers.ownProfile(userId).catch(() => undefined);
    return profile?.name ?? (await this.accounts.me(userId).catch(() => undefined))?.name ?? '';
  }

  private async decide(
    staff: Principal,
    gigId: string,
    status: 'open' | 'rejected',
    reason?: string,
  ): Promise<GigView> {
    const gig = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(GigEntity, {
        where: { id: gigId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!found || !staffCovers(staff, found.townshipCode)) throw notFound('零工');
      if (found.status !== 'pending_review')
        throw conflict('gig_not_pending', '该零工不在待审核状态');
      if (status === 'open' && found.startsAt.getTime() <= Date.now())
        throw conflict('gig_in_past', '开工时间已过，不能再发布');
      found.status = status;
      found.cancelReason = reason?.trim() ?? null;
      await manager.save(found);
      if (status === 'open')
        await this.outbox.record(manager, {
          type: OutboxEventType.GigOpened,
          aggregateId: gigId,
          payload: { gigId, wave: 1 },
        });
      return found;
    });
    return this.view(gig, true);
  }

  private async posterOf(
    principal: Principal,
    input: GigInput,
    onBehalfOf?: OnBehalfOf,
  ): Promise<{ kind: GigPosterKind; employerId: string | null }> {
    if (principal.role === 'staff' || principal.role === 'admin') {
      if (!onBehalfOf?.name?.trim())
        throw invalid('on_behalf_required', '代发零工须填写雇主姓名', [
          { field: 'onBehalfOf.name', message: '请填写雇主姓名' },
        ]);
      if (!staffCovers(principal, input.townshipCode)) throw outsideTownship();
      return { kind: 'staff', employerId: null };
    }
    if (onBehalfOf) throw forbidden('on_behalf_staff_only', '只有乡镇窗口工作人员可以代发零工');
    if (principal.role === 'employer') {
      const { employer } = await this.employers.membership(principal.userId);
      if (employer.status !== 'verified')
        throw forbidden('employer_not_verified', '单位通过认证后才能发布零工');
      return { kind: 'employer', employerId: employer.id };
    }
    const profile = await this.seekers.ownProfile(principal.userId).catch(() => undefined);
    if (!profile?.idNumberCipher)
      throw forbidden(
        'individual_not_verified',
        '个人发布零工须先实名登记：手机号已验证，并在求职档案中填写身份证号',
      );
    return { kind: 'individual', employerId: null };
  }

  /** Serialised per poster, so two quick posts cannot both slip under the limit. */
  private async assertBelowLimit(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`select pg_advisory_xact_lock(hashtext('gig-poster:' || $1))`, [userId]);
    const max = this.config.gigs.maxOpenPerIndividual;
    const [{ open }] = await manager.query(
      `select count(*)::int as open from gigs where poster_user_id = $1 and status = any($2)
         and end_date >= (now() at time zone 'Asia/Shanghai')::date`,
      [userId, LIVE],
    );
    if (open >= max)
      throw conflict(
        'too_many_open_gigs',
        `个人最多同时发布 ${max} 个未结束的零工，请先完成或取消已发布的零工`,
      );
  }
}

function assertNoRefusal(findings: RuleFinding[]): void {
  const refusals = findings.filter((f) => f.action === 'refuse');
  if (!refusals.length) return;
  throw invalid(
    refusals.some((f) => f.code === 'pay_below_floor') ? 'gig_pay_below_floor' : 'gig_refused',
    `零工信息不符合发布规定：${[...new Set(refusals.map((f) => f.message))].join('；')}`,
    refusals.map((f) => ({ field: f.field, message: f.message, code: f.code })),
  );
}

function normaliseSkills(skills: string[] | undefined): string[] {
  return [...new Set((skills ?? []).map((s) => s.trim()).filter(Boolean))].slice(0, 10);
}

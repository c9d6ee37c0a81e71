import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Not, Repository } from 'typeorm';
import { Principal } from '@jipin/accounts';
import { conflict, ErrorDetail, invalid, OutboxEventType, OutboxService } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { KEY_GROUPS, KeyGroup } from '@jipin/seekers';
import { FairEntity, FairMode, FairStatus } from './entities/fair.entity';
import { fairForStaff, outsideFairTownship, publicFair, staffRunsFair } from './fair-access';
import { assertFairMove } from './fair-status';
import { fairView, FairView } from './fair-view';

export interface FairInput {
  title: string;
  campaign?: string | null;
  mode: FairMode;
  venue?: string | null;
  townshipCode?: string | null;
  startsAt: string;
  endsAt: string;
  boothCount?: number;
  targetKeyGroups?: string[];
  liveStreamUrl?: string | null;
  description?: string | null;
}

/** Staff organise fairs; everyone but drafts is public. */
@Injectable()
export class FairService {
  constructor(
    @InjectRepository(FairEntity) private readonly fairs: Repository<FairEntity>,
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly outbox: OutboxService,
  ) {}

  async create(staff: Principal, input: FairInput): Promise<FairView> {
    const fair = this.fairs.create({ ...this.columns(input), createdBy: staff.userId });
    if (!staffRunsFair(staff, fair)) throw outsideFairTownship();
    await this.fairs.save(fair);
    return this.view(fair);
  }

  /** Drafts and fairs open for registration can be corrected; booth numbers already given stay valid. */
  async update(staff: Principal, fairId: string, patch: Partial<FairInput>): Promise<FairView> {
    if (!patch || !Object.values(patch).some((v) => v !== undefined))
      throw invalid('empty_update', '没有要修改的内容', [
        { message: '请至少填写一项要修改的内容' },
      ]);
    const fair = await this.dataSource.transaction(async (manager) => {
      const current = await fairForStaff(manager, staff, fairId, true);
      if (!['draft', 'registration_open'].includes(current.status))
        throw conflict('fair_locked', '招聘会已开始、结束或取消，不能再修改');
      const merged = this.columns({
        ...current,
        startsAt: current.startsAt.toISOString(),
        endsAt: current.endsAt.toISOString(),
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      } as FairInput);
      if (!staffRunsFair(staff, merged)) throw outsideFairTownship();
      const [{ highest }] = await manager.query(
        `select coalesce(max(booth_number), 0)::int as highest from fair_booths
          where fair_id = $1 and status = 'approved'`,
        [fairId],
      );
      if (merged.boothCount < highest)
        throw conflict(
          'booth_count_too_small',
          `已分配到${highest}号展位，展位数不能少于${highest}`,
          [{ field: 'boothCount', message: `不能少于${highest}` }],
        );
      Object.assign(current, merged);
      return manager.save(current);
    });
    return this.view(fair);
  }

  /** Guarded status moves; opening registration invites the target groups (through the outbox). */
  async move(staff: Principal, fairId: string, to: FairStatus, reason?: string): Promise<FairView> {
    const fair = await this.dataSource.transaction(async (manager) => {
      const current = await fairForStaff(manager, staff, fairId, true);
      if (current.status === to) return current;
      assertFairMove(current, to);
      current.status = to;
      current.statusReason = reason ?? null;
      await manager.save(current);
      if (to === 'registration_open')
        await this.outbox.record(manager, {
          type: OutboxEventType.FairRegistrationOpened,
          aggregateId: current.id,
          payload: { fairId: current.id },
        });
      return current;
    });
    return this.view(fair);
  }

  async getForStaff(staff: Principal, fairId: string): Promise<FairView> {
    return this.view(await fairForStaff(this.dataSource.manager, staff, fairId));
  }

  async getPublic(fairId: string): Promise<FairView> {
    return this.view(await publicFair(this.dataSource.manager, fairId));
  }

  /** Fairs people can see, soonest first; staff also see their drafts. */
  async list(query: { status?: FairStatus; townshipCode?: string }, staff?: Principal) {
    if (!staff && query.status === 'draft') return [];
    const status = query.status ?? (staff ? undefined : Not(In(['draft'])));
    const rows = await this.fairs.find({
      where: {
        ...(status ? { status } : {}),
        ...(query.townshipCode ? { townshipCode: query.townshipCode } : {}),
      },
      order: { startsAt: 'DESC' },
      take: 200,
    });
    return rows.filter((fair) => !staff || staffRunsFair(staff, fair)).map((f) => this.view(f));
  }

  view(fair: FairEntity): FairView {
    return fairView(fair, this.regions.townshipName(fair.townshipCode));
  }

  private columns(input: FairInput) {
    const details: ErrorDetail[] = [];
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (!(endsAt > startsAt)) details.push({ field: 'endsAt', message: '结束时间须晚于开始时间' });
    const offline = input.mode !== 'online';
    if (offline && !input.venue?.trim())
      details.push({ field: 'venue', message: '线下招聘会须填写举办地点' });
    if (offline && !input.townshipCode)
      details.push({ field: 'townshipCode', message: '线下招聘会须选择所在乡镇（街道）' });
    if (offline && !(input.boothCount && input.boothCount > 0))
      details.push({ field: 'boothCount', message: '线下招聘会须填写展位数' });
    for (const group of input.targetKeyGroups ?? [])
      if (!KEY_GROUPS.includes(group as KeyGroup))
        details.push({ field: 'targetKeyGroups', message: `“${group}”不是重点群体代码` });
    if (details.length) throw invalid('invalid_fair', details[0].message, details);
    if (input.townshipCode) this.regions.assertTownship(input.townshipCode);
    return {
      title: input.title.trim(),
      campaign: input.campaign?.trim() || null,
      mode: input.mode,
      venue: input.venue?.trim() || null,
      townshipCode: input.townshipCode ?? null,
      startsAt,
      endsAt,
      boothCount: input.boothCount ?? 0,
      targetKeyGroups: [...new Set(input.targetKeyGroups ?? [])],
      liveStreamUrl: input.liveStreamUrl?.trim() || null,
      description: input.description?.trim() || null,
    };
  }
}

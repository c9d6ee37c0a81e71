import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccountService, Principal } from '@jipin/accounts';
import { invalid, notFound } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { chinaToday, SeekerProfileService } from '@jipin/seekers';
import { GigWorkerEntity } from './entities/gig-worker.entity';

export interface AvailabilityInput {
  townshipCode: string;
  villageCode?: string;
  radiusKm: number;
  skills?: string[];
  /** Single dates, e.g. today and tomorrow. */
  availableDates?: string[];
  /** 1 = Monday … 7 = Sunday. */
  weekdays?: number[];
  active?: boolean;
}

export interface GigWorkerView {
  townshipCode: string;
  villageCode: string | null;
  radiusKm: number;
  skills: string[];
  availableDates: string[];
  weekdays: number[];
  active: boolean;
  noSmartphone: boolean;
}

/** Workers say when they are free, how far they go and what they can do. */
@Injectable()
export class GigWorkerService {
  constructor(
    @InjectRepository(GigWorkerEntity) private readonly workers: Repository<GigWorkerEntity>,
    private readonly accounts: AccountService,
    private readonly seekers: SeekerProfileService,
    private readonly regions: RegionsService,
  ) {}

  async mine(userId: string): Promise<GigWorkerView> {
    const worker = await this.workers.findOne({ where: { userId } });
    if (!worker) throw notFound('零工求职登记', 'gig_worker_not_found');
    return workerView(worker);
  }

  /** A seeker marks their own availability. */
  async setOwn(principal: Principal, input: AvailabilityInput): Promise<GigWorkerView> {
    const profile = await this.seekers.ownProfile(principal.userId).catch(() => undefined);
    const account = await this.accounts.me(principal.userId);
    return this.save(principal.userId, input, {
      seekerProfileId: profile?.id ?? null,
      name: profile?.name ?? account.name,
      noSmartphone: false,
      registeredBy: null,
    });
  }

  /**
   * Window sign-up for an older worker or one without a smartphone: the person
   * is first registered (代录) as a seeker; they are reached by SMS or the clerk's call.
   */
  async signUpAtWindow(
    staff: Principal,
    profileId: string,
    input: AvailabilityInput,
  ): Promise<GigWorkerView & { userId: string; name: string }> {
    const profile = await this.seekers.profileForStaff(staff, profileId);
    const view = await this.save(profile.userId, input, {
      seekerProfileId: profile.id,
      name: profile.name,
      noSmartphone: true,
      registeredBy: staff.userId,
    });
    return { ...view, userId: profile.userId, name: profile.name };
  }

  async find(userId: string): Promise<GigWorkerEntity | null> {
    return this.workers.findOne({ where: { userId } });
  }

  private async save(
    userId: string,
    input: AvailabilityInput,
    who: Pick<GigWorkerEntity, 'seekerProfileId' | 'name' | 'noSmartphone' | 'registeredBy'>,
  ): Promise<GigWorkerView> {
    const township = this.regions.assertTownship(input.townshipCode);
    const place = input.villageCode
      ? this.regions.assertVillage(input.villageCode, input.townshipCode)
      : township;
    const today = chinaToday();
    const dates = [...new Set(input.availableDates ?? [])].sort();
    if (dates.some((d) => d < today))
      throw invalid('availability_in_past', '空闲日期不能早于今天', [
        { field: 'availableDates', message: '请选择今天或以后的日期' },
      ]);
    const weekdays = [...new Set(input.weekdays ?? [])].sort();
    if (!dates.length && !weekdays.length && input.active !== false)
      throw invalid('availability_empty', '请至少选择一个空闲日期或每周的空闲日', [
        { field: 'availableDates', message: '今天、明天或每周几' },
      ]);
    const existing = await this.workers.findOne({ where: { userId } });
    const worker = this.workers.create({
      ...existing,
      userId,
      ...who,
      noSmartphone: existing?.noSmartphone || who.noSmartphone,
      registeredBy: existing?.registeredBy ?? who.registeredBy,
      townshipCode: township.code,
      villageCode: input.villageCode ?? null,
      lat: place.lat,
      lng: place.lng,
      radiusKm: input.radiusKm,
      skills: [...new Set((input.skills ?? []).map((s) => s.trim()).filter(Boolean))].slice(0, 20),
      availableDates: dates,
      weekdays,
      active: input.active ?? true,
    });
    await this.workers.save(worker);
    return workerView(worker);
  }
}

function workerView(worker: GigWorkerEntity): GigWorkerView {
  return {
    townshipCode: worker.townshipCode,
    villageCode: worker.villageCode,
    radiusKm: worker.radiusKm,
    skills: worker.skills,
    availableDates: worker.availableDates,
    weekdays: worker.weekdays,
    active: worker.active,
    noSmartphone: worker.noSmartphone,
  };
}

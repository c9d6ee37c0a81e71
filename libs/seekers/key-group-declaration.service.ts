import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '@jipin/accounts';
import { notFound, OutboxService } from '@jipin/core';
import { SeekerKeyGroupEntity } from './entities/seeker-key-group.entity';
import { DeclaredKeyGroup } from './key-groups';
import { seekerProfileChanged, SeekerProfileService } from './seeker-profile.service';
import { SeekerView } from './seeker-view';

/** Declared key groups: stated by the person or staff, counted once staff verified them. */
@Injectable()
export class KeyGroupDeclarationService {
  constructor(
    @InjectRepository(SeekerKeyGroupEntity)
    private readonly declarations: Repository<SeekerKeyGroupEntity>,
    private readonly profiles: SeekerProfileService,
    private readonly outbox: OutboxService,
  ) {}

  async declareOwn(principal: Principal, code: DeclaredKeyGroup, note?: string) {
    const profile = await this.profiles.ownProfile(principal.userId);
    await this.declare(profile.id, code, principal.userId, note);
    return this.profiles.ownView(profile);
  }

  async declareByStaff(
    staff: Principal,
    profileId: string,
    code: DeclaredKeyGroup,
    note?: string,
  ): Promise<SeekerView> {
    const profile = await this.profiles.profileForStaff(staff, profileId);
    await this.declare(profile.id, code, staff.userId, note);
    return this.profiles.view(profile);
  }

  /** Staff of the person's township confirm or reject a declaration; who and when are kept. */
  async verify(
    staff: Principal,
    profileId: string,
    code: DeclaredKeyGroup,
    decision: 'verified' | 'rejected',
    note?: string,
  ): Promise<SeekerView> {
    const profile = await this.profiles.profileForStaff(staff, profileId);
    // A verified group can open public-welfare posts to the person: matching recomputes.
    await this.declarations.manager.transaction(async (manager) => {
      const result = await manager.update(
        SeekerKeyGroupEntity,
        { profileId: profile.id, code },
        {
          status: decision,
          verifiedBy: staff.userId,
          verifiedAt: new Date(),
          ...(note !== undefined ? { note } : {}),
        },
      );
      if (!result.affected) throw notFound('该重点群体申报', 'declaration_not_found');
      await this.outbox.record(manager, seekerProfileChanged(profile.id));
    });
    return this.profiles.view(profile);
  }

  /** Declaring again what is already declared changes nothing (a verified group stays verified). */
  private async declare(
    profileId: string,
    code: DeclaredKeyGroup,
    declaredBy: string,
    note?: string,
  ): Promise<void> {
    await this.declarations
      .createQueryBuilder()
      .insert()
      .values({ profileId, code, declaredBy, note: note ?? null })
      .orIgnore()
      .execute();
  }
}

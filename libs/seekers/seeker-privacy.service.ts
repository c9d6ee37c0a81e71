import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AccountService, Principal } from '@jipin/accounts';
import { OutboxService } from '@jipin/core';
import { SeekerKeyGroupEntity } from './entities/seeker-key-group.entity';
import { SeekerProfileEntity } from './entities/seeker-profile.entity';
import { PiiAccessService } from './pii-access.service';
import { seekerProfileChanged, SeekerProfileService } from './seeker-profile.service';

/** The person's rights under the PIPL: a copy of their data, and deletion. */
@Injectable()
export class SeekerPrivacyService {
  constructor(
    @InjectRepository(SeekerKeyGroupEntity)
    private readonly declarations: Repository<SeekerKeyGroupEntity>,
    private readonly dataSource: DataSource,
    private readonly profiles: SeekerProfileService,
    private readonly pii: PiiAccessService,
    private readonly accounts: AccountService,
    private readonly outbox: OutboxService,
  ) {}

  /** Everything held about the person, in full: it is their own data. */
  async export(principal: Principal): Promise<Record<string, unknown>> {
    const profile = await this.profiles.ownProfile(principal.userId);
    await this.pii.record(principal, profile, {
      field: 'export',
      purpose: '本人导出个人数据',
      route: 'GET /api/seekers/me/export',
    });
    const account = await this.accounts.me(principal.userId);
    return {
      exportedAt: new Date(),
      account: { ...account, phone: await this.accounts.phoneOf(principal.userId) },
      profile: {
        ...(await this.profiles.ownView(profile)),
        idNumber: this.profiles.idNumberOf(profile),
      },
      declaredKeyGroups: await this.declarations.find({ where: { profileId: profile.id } }),
      piiAccessLog: await this.pii.listForSubject(principal.userId),
    };
  }

  /**
   * Deletes the login and strips the profile of everything that identifies
   * the person. The row stays with coarse facts (township, gender, birth year,
   * household, key groups) so that past statistics keep their counts.
   */
  async deleteAccount(principal: Principal): Promise<void> {
    const profile = await this.profiles.ownProfile(principal.userId).catch(() => undefined);
    if (profile) {
      await this.dataSource.transaction(async (manager) => {
        await manager.update(SeekerProfileEntity, profile.id, {
          name: '已注销用户',
          birthDate: `${profile.birthDate.slice(0, 4)}-01-01`,
          idNumberCipher: null,
          idNumberIndex: null,
          villageCode: null,
          education: profile.education.map(({ level, graduationDate }) => ({
            level,
            school: '',
            graduationDate,
          })),
          workHistory: [],
          skills: [],
          certificates: [],
          desiredOccupations: [],
          desiredPayMin: null,
          desiredPayMax: null,
          availableFrom: null,
          visibility: 'hidden',
          recommendationOptOut: true,
          consentWitness: null,
          consentReference: null,
          contactPhoneCipher: null,
          contactRelation: null,
          anonymisedAt: new Date(),
        });
        await manager.update(SeekerKeyGroupEntity, { profileId: profile.id }, { note: null });
        await this.outbox.record(manager, seekerProfileChanged(profile.id));
      });
    }
    await this.accounts.deleteLogin(principal.userId);
  }
}

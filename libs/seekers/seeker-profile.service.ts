import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AccountService, Principal, staffCovers } from '@jipin/accounts';
import {
  conflict,
  invalid,
  notFound,
  outboxInsertSql,
  OutboxEventType,
  OutboxService,
  PiiCipher,
  PreparedStatement,
  queryPrepared,
} from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import {
  employmentStatusOn,
  latestEmploymentStatus,
  latestEmploymentStatusSql,
  recordEmploymentStatus,
} from './employment-history';
import { SeekerKeyGroupEntity } from './entities/seeker-key-group.entity';
import { SeekerProfileEntity } from './entities/seeker-profile.entity';
import { keyGroupCondition } from './key-group-sql';
import { chinaToday, KEY_GROUPS, KeyGroup } from './key-groups';
import { checkProfileFacts, profileColumns } from './profile-facts';
import { ConsentInput, EmploymentStatus, ProfileInput } from './seeker-types';
import { SeekerReader, seekerView, SeekerView } from './seeker-view';
import { outsideTownship, staffTownshipFilter } from './staff-scope';

export interface SeekerListQuery {
  townshipCode?: string;
  keyGroup?: KeyGroup;
  asOf?: string;
  /** Employment status on asOf (from the status history). */
  status?: EmploymentStatus;
  /** Registered on or after / on or before (YYYY-MM-DD, China time). */
  registeredFrom?: string;
  registeredTo?: string;
  /** Part of the name. */
  name?: string;
  limit?: number;
  offset?: number;
}

/** The outbox event every change of a profile records (matching recomputes the seeker). */
export function seekerProfileChanged(seekerId: string) {
  return {
    type: OutboxEventType.SeekerProfileChanged,
    aggregateId: seekerId,
    payload: { seekerId },
  } as const;
}

const OWN_PROFILE_ID: PreparedStatement = {
  name: 'seeker_own_profile_id',
  text: `select id from seeker_profiles where user_id = $1 and anonymised_at is null`,
};

const duplicateId = () =>
  conflict('duplicate_id_number', '该身份证号已登记过求职信息，每人只能有一份求职档案', [
    { field: 'idNumber', message: '该身份证号已登记' },
  ]);

/** A family member's phone the window may call for a person who has none of their own. */
export interface FamilyContact {
  phone?: string;
  relation?: string;
}

function checkFamilyContact(phone: string | null, contact?: FamilyContact): void {
  if (contact?.phone && !contact.relation?.trim())
    throw invalid('contact_relation_required', '请填写联系人与本人的关系（如：儿子、女儿、配偶）', [
      { field: 'contactRelation', message: '请填写联系人与本人的关系' },
    ]);
  if (contact?.phone && contact.phone === phone)
    throw invalid('contact_is_own_phone', '家属联系电话不能与本人手机号相同', [
      { field: 'contactPhone', message: '家属联系电话不能与本人手机号相同' },
    ]);
}

/** A PATCH that changes nothing (an empty or null body) is a mistake worth telling. */
function assertSomething(patch: Partial<ProfileInput> | null): void {
  if (!patch || !Object.values(patch).some((value) => value !== undefined))
    throw invalid('empty_update', '没有要修改的内容', [{ message: '请至少填写一项要修改的内容' }]);
}

@Injectable()
export class SeekerProfileService {
  constructor(
    @InjectRepository(SeekerProfileEntity)
    private readonly profiles: Repository<SeekerProfileEntity>,
    @InjectRepository(SeekerKeyGroupEntity)
    private readonly declarations: Repository<SeekerKeyGroupEntity>,
    private readonly accounts: AccountService,
    private readonly cipher: PiiCipher,
    private readonly regions: RegionsService,
    private readonly outbox: OutboxService,
  ) {}

  /** A seeker fills in their own résumé; one per account. */
  async createOwn(principal: Principal, input: ProfileInput): Promise<SeekerView> {
    if (await this.profiles.exists({ where: { userId: principal.userId } }))
      throw conflict('profile_exists', '您已填写过求职档案，请修改现有档案');
    const checked = checkProfileFacts(input, this.regions);
    await this.assertIdNumberFree(checked.idNumber);
    const profile = this.profiles.create({
      ...profileColumns(input, checked),
      userId: principal.userId,
      ...this.idNumberColumns(checked.idNumber),
    });
    await this.save(profile);
    return this.ownView(profile);
  }

  async updateOwn(principal: Principal, patch: Partial<ProfileInput>): Promise<SeekerView> {
    assertSomething(patch);
    return this.update(await this.ownProfile(principal.userId), patch, principal.userId, 'self');
  }

  async getOwn(userId: string, asOf?: string): Promise<SeekerView> {
    return this.ownView(await this.ownProfile(userId), asOf);
  }

  /**
   * 代录: window staff register a person without a smartphone, with the
   * person's consent recorded; the person claims the login later by SMS.
   */
  async registerAssisted(
    staff: Principal,
    phone: string | null,
    input: ProfileInput,
    consent: ConsentInput,
    contact?: FamilyContact,
  ): Promise<SeekerView> {
    if (!staffCovers(staff, input.townshipCode)) throw outsideTownship();
    checkFamilyContact(phone, contact);
    if (consent.method === 'verbal_witnessed' && !consent.witness?.trim())
      throw invalid('consent_witness_required', '口头同意须填写见证人姓名', [
        { field: 'consent.witness', message: '口头同意须填写见证人姓名' },
      ]);
    const checked = checkProfileFacts(input, this.regions);
    await this.assertIdNumberFree(checked.idNumber);
    const user = await this.accounts.createUnclaimedSeeker(phone, input.name.trim());
    const profile = this.profiles.create({
      ...profileColumns(input, checked),
      userId: user.id,
      ...this.idNumberColumns(checked.idNumber),
      registeredBy: staff.userId,
      updatedBy: staff.userId,
      consentMethod: consent.method,
      consentWitness: consent.witness?.trim() || null,
      consentReference: consent.reference?.trim() || null,
      consentRecordedBy: staff.userId,
      consentRecordedAt: new Date(),
      contactPhoneCipher: contact?.phone ? this.cipher.encrypt(contact.phone) : null,
      contactRelation: contact?.relation?.trim() || null,
    });
    try {
      await this.save(profile);
    } catch (error) {
      // Lost a race on the ID number: the login made a moment ago must not stay behind.
      await this.accounts.deleteLogin(user.id);
      throw error;
    }
    return this.view(profile);
  }

  async updateByStaff(
    staff: Principal,
    profileId: string,
    patch: Partial<ProfileInput>,
  ): Promise<SeekerView> {
    assertSomething(patch);
    const profile = await this.profileForStaff(staff, profileId);
    if (patch.townshipCode && !staffCovers(staff, patch.townshipCode)) throw outsideTownship();
    return this.update(profile, patch, staff.userId, 'other');
  }

  /** A seeker sees only their own profile; staff only those of their township. */
  async getForViewer(principal: Principal, profileId: string, asOf?: string): Promise<SeekerView> {
    if (principal.role === 'seeker') {
      const own = await this.profiles.findOne({
        where: { id: profileId, userId: principal.userId },
      });
      if (!own || own.anonymisedAt) throw notFound('求职者');
      return this.ownView(own, asOf);
    }
    return this.view(await this.profileForStaff(principal, profileId), asOf);
  }

  /** Throws 404 (not 403) for a profile outside the staff member's township: no hint it exists. */
  async profileForStaff(staff: Principal, profileId: string): Promise<SeekerProfileEntity> {
    const profile = await this.profiles.findOne({ where: { id: profileId } });
    if (!profile || profile.anonymisedAt || !staffCovers(staff, profile.townshipCode))
      throw notFound('求职者');
    return profile;
  }

  /** A profile by id for other modules, read in their transaction when they pass its manager. */
  async profileById(
    id: string,
    manager: EntityManager = this.profiles.manager,
  ): Promise<SeekerProfileEntity | null> {
    return manager.findOneBy(SeekerProfileEntity, { id });
  }

  /** The profiles of these ids, in one query. */
  async profilesByIds(ids: string[]): Promise<SeekerProfileEntity[]> {
    return ids.length ? this.profiles.findBy({ id: In(ids) }) : [];
  }

  /** Only the id of the person's own profile: what an application needs (one prepared statement). */
  async ownProfileId(userId: string): Promise<string> {
    const [row] = await queryPrepared<{ id: string }>(
      this.profiles.manager.connection,
      OWN_PROFILE_ID,
      [userId],
    );
    if (!row) throw notFound('求职档案', 'profile_not_found');
    return row.id;
  }

  async ownProfile(userId: string): Promise<SeekerProfileEntity> {
    const profile = await this.profiles.findOne({ where: { userId } });
    if (!profile || profile.anonymisedAt) throw notFound('求职档案', 'profile_not_found');
    return profile;
  }

  async list(
    staff: Principal,
    query: SeekerListQuery,
  ): Promise<{ total: number; asOf: string; items: SeekerView[] }> {
    const asOf = query.asOf ?? chinaToday();
    const builder = this.profiles
      .createQueryBuilder('p')
      .where('p.anonymised_at is null')
      .setParameter('asOf', asOf)
      .orderBy('p.created_at', 'DESC')
      .take(Math.min(query.limit ?? 50, 200))
      .skip(query.offset ?? 0);
    const township = staffTownshipFilter(staff, query.townshipCode);
    if (township) builder.andWhere('p.township_code = :township', { township });
    if (query.keyGroup) builder.andWhere(keyGroupCondition(query.keyGroup));
    if (query.status)
      builder.andWhere(
        `coalesce(${employmentStatusOn('p', ':asOf::date')}, p.employment_status) = :status`,
        { status: query.status },
      );
    if (query.registeredFrom)
      builder.andWhere(
        `p.created_at >= (:registeredFrom::date::timestamp at time zone 'Asia/Shanghai')`,
        { registeredFrom: query.registeredFrom },
      );
    if (query.registeredTo)
      builder.andWhere(
        `p.created_at < ((:registeredTo::date + 1)::timestamp at time zone 'Asia/Shanghai')`,
        { registeredTo: query.registeredTo },
      );
    if (query.name?.trim())
      builder.andWhere(`p.name like :name escape '\\'`, {
        name: `%${query.name.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    const [profiles, total] = await builder.getManyAndCount();
    return { total, asOf, items: await this.views(profiles, asOf, 'other') };
  }

  /**
   * Counts for the bureau's reports. `registered` keeps people who deleted
   * their account (anonymised rows), so past figures do not shrink.
   */
  async summary(staff: Principal, query: { townshipCode?: string; asOf?: string }) {
    const asOf = query.asOf ?? chinaToday();
    const township = staffTownshipFilter(staff, query.townshipCode);
    const groups = KEY_GROUPS.map(
      (group) =>
        `count(*) filter (where p.anonymised_at is null and ${keyGroupCondition(group)})::int as "${group}"`,
    );
    const builder = this.profiles
      .createQueryBuilder('p')
      .select('count(*)::int', 'registered')
      .addSelect('count(*) filter (where p.anonymised_at is null)::int', 'active')
      .addSelect('count(*) filter (where p.anonymised_at is not null)::int', 'deleted')
      .setParameter('asOf', asOf);
    for (const group of groups) builder.addSelect(group);
    if (township) builder.where('p.township_code = :township', { township });
    const row = (await builder.getRawOne()) as Record<string, number>;
    const { registered, active, deleted, ...byKeyGroup } = row;
    return { asOf, townshipCode: township ?? null, registered, active, deleted, byKeyGroup };
  }

  /** The profile as anyone but the person sees it (staff, employers): no birth date. */
  async view(profile: SeekerProfileEntity, asOf?: string): Promise<SeekerView> {
    return (await this.views([profile], asOf ?? chinaToday(), 'other'))[0];
  }

  /** The person's own profile, birth date included. */
  async ownView(profile: SeekerProfileEntity, asOf?: string): Promise<SeekerView> {
    return (await this.views([profile], asOf ?? chinaToday(), 'self'))[0];
  }

  /**
   * A confirmed hire (in the caller's transaction): the person is employed from
   * the hire date by that placement, and the résumé's status follows today's.
   */
  async recordHire(
    manager: EntityManager,
    hire: { profileId: string; hiredOn: string; placementId: string; confirmedBy: string },
  ): Promise<void> {
    await recordEmploymentStatus(manager, {
      profileId: hire.profileId,
      status: 'employed',
      since: hire.hiredOn,
      placementId: hire.placementId,
      recordedBy: hire.confirmedBy,
    });
    const today = employmentStatusOn('p', '$2::date');
    const [{ changed }] = await manager.query(
      `with changed as (update seeker_profiles p set employment_status = ${today}
         where p.id = $1 and p.employment_status <> ${today} returning p.id)
       select count(*)::int as changed from changed`,
      [hire.profileId, chinaToday()],
    );
    // Matching stops recommending jobs to a person who is now employed.
    if (changed) await this.outbox.record(manager, seekerProfileChanged(hire.profileId));
  }

  /** Decrypted ID number of a profile; callers that show it must log the reveal. */
  idNumberOf(profile: SeekerProfileEntity): string | null {
    return profile.idNumberCipher ? this.cipher.decrypt(profile.idNumberCipher) : null;
  }

  private async views(
    profiles: SeekerProfileEntity[],
    asOf: string,
    reader: SeekerReader,
  ): Promise<SeekerView[]> {
    if (!profiles.length) return [];
    const ids = profiles.map((p) => p.id);
    const [users, declarations] = await Promise.all([
      this.accounts.usersByIds(profiles.map((p) => p.userId)),
      this.declarations.find({ where: { profileId: In(ids) }, order: { declaredAt: 'ASC' } }),
    ]);
    return profiles.map((profile) => {
      const user = users.find((u) => u.id === profile.userId);
      return seekerView({
        profile,
        declarations: declarations.filter((d) => d.profileId === profile.id),
        idNumber: this.idNumberOf(profile),
        phone: user?.phoneCipher ? this.cipher.decrypt(user.phoneCipher) : null,
        contactPhone: profile.contactPhoneCipher
          ? this.cipher.decrypt(profile.contactPhoneCipher)
          : null,
        claimed: Boolean(user?.passwordHash),
        asOf,
        reader,
      });
    });
  }

  private async update(
    profile: SeekerProfileEntity,
    patch: Partial<ProfileInput>,
    actorId: string,
    reader: SeekerReader,
  ): Promise<SeekerView> {
    const defined = Object.fromEntries(
      Object.entries(patch).filter(([, value]) => value !== undefined),
    ) as Partial<ProfileInput>;
    const storedIdNumber = this.idNumberOf(profile) ?? '';
    // Birth date and gender follow the ID number unless the patch states them.
    const merged: ProfileInput = {
      ...profile,
      idNumber: storedIdNumber,
      birthDate: undefined,
      gender: undefined,
      ...defined,
    };
    const checked = checkProfileFacts(merged, this.regions);
    // Only what differs is written: an unchanged ID number is not encrypted again, and a save
    // that changes nothing writes nothing (matching is not asked to run again for it).
    const changes: Partial<SeekerProfileEntity> = changedColumns(
      profile,
      profileColumns(merged, checked),
    );
    if (checked.idNumber !== storedIdNumber) {
      await this.assertIdNumberFree(checked.idNumber);
      Object.assign(changes, this.idNumberColumns(checked.idNumber));
    }
    if (Object.keys(changes).length) {
      Object.assign(profile, changes, { updatedBy: actorId });
      await this.saveChanges(profile, { ...changes, updatedBy: actorId });
    }
    return reader === 'self' ? this.ownView(profile) : this.view(profile);
  }

  private idNumberColumns(idNumber: string) {
    return {
      idNumberCipher: this.cipher.encrypt(idNumber),
      idNumberIndex: this.cipher.blindIndex(idNumber),
    };
  }

  private async assertIdNumberFree(idNumber: string): Promise<void> {
    const idNumberIndex = this.cipher.blindIndex(idNumber);
    if (await this.profiles.exists({ where: { idNumberIndex } })) throw duplicateId();
  }

  /**
   * Writes changed columns of a profile, a new employment status into its history and the
   * outbox event, in one statement (so one transaction, one round trip). TypeORM's save() read
   * the row back first to diff it, and the transaction around three statements cost four more.
   */
  private async saveChanges(
    profile: SeekerProfileEntity,
    changes: Partial<SeekerProfileEntity>,
  ): Promise<void> {
    const metadata = this.profiles.metadata;
    const driver = this.profiles.manager.connection.driver;
    const columns = Object.entries(changes).map(([property, value]) => {
      const column = metadata.findColumnWithPropertyName(property)!;
      return { name: column.databaseName, value: driver.preparePersistentValue(value, column) };
    });
    const fixed = columns.length + 2;
    const set = columns.map((c, i) => `"${c.name}" = $${i + 2}`).join(', ');
    try {
      const [row]: { updatedAt: Date }[] = await this.profiles.manager.query(
        `with updated as (
           update seeker_profiles set ${set}, updated_at = now() where id = $1
           returning id, employment_status, updated_at, ${latestEmploymentStatusSql('$1')} as latest),
         history as (
           insert into seeker_employment_history (profile_id, status, since, recorded_by)
           select id, employment_status, $${fixed}::date, $${fixed + 1}::uuid
             from updated where latest is distinct from employment_status),
         announced as (
           ${outboxInsertSql(
             `$${fixed + 2}::varchar`,
             `select id as aggregate_id, jsonb_build_object('seekerId', id) as payload from updated`,
           )})
         select updated_at as "updatedAt" from updated`,
        [
          profile.id,
          ...columns.map((c) => c.value),
          chinaToday(),
          profile.updatedBy ?? profile.userId,
          OutboxEventType.SeekerProfileChanged,
        ],
      );
      if (!row) throw notFound('求职档案', 'profile_not_found');
      profile.updatedAt = row.updatedAt;
    } catch (error) {
      throw profileConflict(error);
    }
    this.outbox.wakeRelay();
  }

  /** Saves the profile and announces the change (matching listens) in one transaction. */
  private async save(profile: SeekerProfileEntity): Promise<void> {
    try {
      await this.profiles.manager.transaction(async (manager) => {
        await manager.save(profile);
        await this.announceChange(
          manager,
          profile,
          await latestEmploymentStatus(manager, profile.id),
        );
      });
    } catch (error) {
      throw profileConflict(error);
    }
  }

  /** A new employment status enters the history; matching hears of the change (outbox). */
  private async announceChange(
    manager: EntityManager,
    profile: SeekerProfileEntity,
    latestStatus: EmploymentStatus | null,
  ): Promise<void> {
    if (latestStatus !== profile.employmentStatus)
      await recordEmploymentStatus(manager, {
        profileId: profile.id,
        status: profile.employmentStatus,
        since: chinaToday(),
        recordedBy: profile.updatedBy ?? profile.userId,
      });
    await this.outbox.record(manager, seekerProfileChanged(profile.id));
  }
}

/** A unique index refused the write: the same ID number, or a second profile of one login. */
function profileConflict(error: unknown): unknown {
  const { code, constraint } = error as { code?: string; constraint?: string };
  if (code === '23505' && constraint?.includes('id_number')) return duplicateId();
  if (code === '23505') return conflict('profile_exists', '该账号已有求职档案');
  return error;
}

/** The columns whose new value differs from the profile's (arrays and dates by value). */
function changedColumns<T extends object>(
  profile: SeekerProfileEntity,
  columns: T,
): Partial<SeekerProfileEntity> {
  const comparable = (value: unknown) =>
    value instanceof Date ? value.getTime() : JSON.stringify(value ?? null);
  return Object.fromEntries(
    Object.entries(columns).filter(
      ([property, value]) =>
        comparable(value) !== comparable(profile[property as keyof SeekerProfileEntity]),
    ),
  ) as Partial<SeekerProfileEntity>;
}

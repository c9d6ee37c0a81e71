import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { USER_ROWS } from '@jipin/accounts';
import { checkCreditCode, conflict, forbidden, invalid, PiiCipher } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { EmployerEntity, EmployerLicence, EmployerSize } from './entities/employer.entity';
import { EmployerHistoryEntity } from './entities/employer-history.entity';
import { EmployerMemberEntity, EmployerMemberRole } from './entities/employer-member.entity';
import { employerView, EmployerView } from './employer-view';

export interface RegisterEmployerInput {
  name: string;
  creditCode: string;
  industry: string;
  size: EmployerSize;
  address: string;
  townshipCode: string;
  lat?: number;
  lng?: number;
  contactName: string;
  contactPhone: string;
  licence: EmployerLicence;
}

/** The employer a user works for, read from the database on every request (never from the token). */
export interface Membership {
  employer: EmployerEntity;
  role: EmployerMemberRole;
}

const duplicateCompany = () =>
  conflict('duplicate_company', '该统一社会信用代码已被其他账号登记，请联系单位负责人邀请您加入', [
    { field: 'creditCode', message: '该单位已登记' },
  ]);

@Injectable()
export class EmployerService {
  constructor(
    @InjectRepository(EmployerEntity) private readonly employers: Repository<EmployerEntity>,
    @InjectRepository(EmployerMemberEntity)
    private readonly members: Repository<EmployerMemberEntity>,
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly cipher: PiiCipher,
  ) {}

  /** A recruiter registers their company and becomes its owner; it waits for staff to verify it. */
  async register(userId: string, input: RegisterEmployerInput): Promise<EmployerView> {
    const creditCode = input.creditCode.trim().toUpperCase();
    const problem = checkCreditCode(creditCode);
    if (problem)
      throw invalid('invalid_credit_code', problem, [{ field: 'creditCode', message: problem }]);
    this.regions.assertTownship(input.townshipCode);
    if (await this.members.findOne({ where: { userId } }))
      throw conflict('already_member', '您的账号已属于一家用人单位，不能再注册新单位');
    if (await this.employers.findOne({ where: { creditCode } })) throw duplicateCompany();
    const saved = await this.dataSource.transaction(async (manager) => {
      const employer = manager.create(EmployerEntity, {
        name: input.name.trim(),
        creditCode,
        industry: input.industry,
        size: input.size,
        address: input.address,
        townshipCode: input.townshipCode,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        contactName: input.contactName,
        contactPhoneCipher: this.cipher.encrypt(input.contactPhone),
        licence: input.licence,
        status: 'pending',
        ownerUserId: userId,
      });
      try {
        await manager.save(employer);
        await manager.insert(EmployerMemberEntity, {
          userId,
          employerId: employer.id,
          role: 'owner',
        });
      } catch (error) {
        if ((error as { code?: string }).code === '23505') {
          if ((error as { constraint?: string }).constraint === 'employer_members_pkey')
            throw conflict('already_member', '您的账号已属于一家用人单位，不能再注册新单位');
          throw duplicateCompany();
        }
        throw error;
      }
      await manager.insert(EmployerHistoryEntity, {
        employerId: employer.id,
        action: 'registered',
        toStatus: 'pending',
        actorUserId: userId,
      });
      return employer;
    });
    return employerView(saved, this.cipher);
  }

  /** The caller's employer and seat, or 403 when they have none (e.g. removed a moment ago). */
  async membership(userId: string): Promise<Membership> {
    const member = await this.members.findOne({ where: { userId } });
    const employer = member && (await this.employers.findOne({ where: { id: member.employerId } }));
    if (!member || !employer)
      throw forbidden(
        'not_employer_member',
        '您的账号不属于任何用人单位，请先登记单位或由单位负责人邀请',
      );
    return { employer, role: member.role };
  }

  async mine(userId: string): Promise<EmployerView & { myRole: EmployerMemberRole }> {
    const { employer, role } = await this.membership(userId);
    return { ...employerView(employer, this.cipher), myRole: role };
  }

  /**
   * The owner corrects the company's details while it is pending or after a
   * rejection; a rejected employer is thereby resubmitted for verification.
   * Verified details change only through staff.
   */
  async updateMine(
    userId: string,
    changes: Partial<RegisterEmployerInput>,
  ): Promise<EmployerView & { myRole: EmployerMemberRole }> {
    const { employer, role } = await this.membership(userId);
    if (role !== 'owner') throw forbidden('owner_only', '只有单位负责人可以修改单位信息');
    if (employer.status !== 'pending' && employer.status !== 'rejected')
      throw conflict('employer_locked', '单位已认证，如需修改登记信息请联系人社局工作人员');
    const creditCode = changes.creditCode?.trim().toUpperCase();
    if (creditCode) {
      const problem = checkCreditCode(creditCode);
      if (problem)
        throw invalid('invalid_credit_code', problem, [{ field: 'creditCode', message: problem }]);
      const other = await this.employers.findOne({ where: { creditCode } });
      if (other && other.id !== employer.id) throw duplicateCompany();
    }
    if (changes.townshipCode) this.regions.assertTownship(changes.townshipCode);
    const from = employer.status;
    await this.dataSource.transaction(async (manager) => {
      const { contactPhone, ...rest } = changes;
      Object.assign(employer, rest, creditCode ? { creditCode } : {});
      if (contactPhone) employer.contactPhoneCipher = this.cipher.encrypt(contactPhone);
      employer.status = 'pending';
      await manager.save(employer);
      await manager.insert(EmployerHistoryEntity, {
        employerId: employer.id,
        action: from === 'rejected' ? 'resubmitted' : 'edited',
        fromStatus: from,
        toStatus: 'pending',
        actorUserId: userId,
      });
    });
    return { ...employerView(employer, this.cipher), myRole: role };
  }

  /** An employer by id; read in the caller's transaction when it passes its manager. */
  async findById(
    id: string,
    manager: EntityManager = this.employers.manager,
  ): Promise<EmployerEntity | null> {
    return manager.findOne(EmployerEntity, { where: { id } });
  }

  /** The employers of these ids, in one query. */
  async findByIds(ids: string[]): Promise<EmployerEntity[]> {
    return ids.length ? this.employers.findBy({ id: In(ids) }) : [];
  }

  /** The active logins that work for an employer (who a message to the employer reaches). */
  /** The active recruiters' accounts of each employer. */
  async memberUserIds(employerIds: string[]): Promise<Map<string, string[]>> {
    if (!employerIds.length) return new Map();
    const rows: { employerId: string; userIds: string[] }[] = await this.dataSource.query(
      `select m.employer_id as "employerId", array_agg(m.user_id order by m.user_id) as "userIds"
         from employer_members m join ${USER_ROWS} u on u.id = m.user_id
        where m.employer_id = any($1::uuid[]) and u.status = 'active'
        group by m.employer_id`,
      [employerIds],
    );
    return new Map(rows.map((row) => [row.employerId, row.userIds]));
  }

  /** Company names by employer id. */
  async namesOf(employerIds: string[]): Promise<Map<string, string>> {
    if (!employerIds.length) return new Map();
    const rows = await this.employers.find({
      where: { id: In(employerIds) },
      select: { id: true, name: true },
    });
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}

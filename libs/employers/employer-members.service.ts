import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AccountService } from '@jipin/accounts';
import { conflict, forbidden, invalid, maskPhone, notFound, PiiCipher } from '@jipin/core';
import { EmployerHistoryEntity } from './entities/employer-history.entity';
import { EmployerMemberEntity, EmployerMemberRole } from './entities/employer-member.entity';
import { EmployerService } from './employer.service';

export interface EmployerMemberView {
  userId: string;
  name: string;
  phone: string;
  role: EmployerMemberRole;
  since: Date;
}

const alreadyMember = () => conflict('already_member', '该账号已属于一家用人单位');

/** The owner invites recruiters and removes them; removal takes effect on the next request. */
@Injectable()
export class EmployerMembersService {
  constructor(
    @InjectRepository(EmployerMemberEntity)
    private readonly members: Repository<EmployerMemberEntity>,
    private readonly dataSource: DataSource,
    private readonly employers: EmployerService,
    private readonly accounts: AccountService,
    private readonly cipher: PiiCipher,
  ) {}

  async list(userId: string): Promise<EmployerMemberView[]> {
    const { employer } = await this.employers.membership(userId);
    const members = await this.members.find({
      where: { employerId: employer.id },
      order: { createdAt: 'ASC' },
    });
    const users = await this.accounts.usersByIds(members.map((m) => m.userId));
    const byId = new Map(users.map((u) => [u.id, u]));
    return members.map((member) => {
      const user = byId.get(member.userId);
      const phone = user?.phoneCipher ? this.cipher.decrypt(user.phoneCipher) : '';
      return {
        userId: member.userId,
        name: user?.name ?? '',
        phone: phone ? maskPhone(phone) : '',
        role: member.role,
        since: member.createdAt,
      };
    });
  }

  /** Adds an existing recruiter account, found by its phone, to the owner's employer. */
  async invite(ownerId: string, phone: string): Promise<EmployerMemberView[]> {
    const { employer } = await this.requireOwner(ownerId);
    const user = await this.accounts.findByPhone(phone);
    if (!user || user.status !== 'active')
      throw notFound('该手机号对应的招聘账号', 'account_not_found');
    if (user.role !== 'employer')
      throw invalid('not_employer_account', '只能邀请以"招聘单位"身份注册的账号', [
        { field: 'phone', message: '该账号不是招聘单位账号' },
      ]);
    if (await this.members.findOne({ where: { userId: user.id } })) throw alreadyMember();
    await this.dataSource.transaction(async (manager) => {
      try {
        await manager.insert(EmployerMemberEntity, {
          userId: user.id,
          employerId: employer.id,
          role: 'recruiter',
          invitedBy: ownerId,
        });
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw alreadyMember();
        throw error;
      }
      await manager.insert(EmployerHistoryEntity, {
        employerId: employer.id,
        action: 'recruiter_added',
        reason: user.id,
        actorUserId: ownerId,
      });
    });
    return this.list(ownerId);
  }

  async remove(ownerId: string, memberUserId: string): Promise<void> {
    const { employer } = await this.requireOwner(ownerId);
    if (memberUserId === ownerId) throw invalid('owner_cannot_leave', '单位负责人不能移除自己');
    await this.dropSeat(employer.id, memberUserId, ownerId, 'recruiter_removed');
  }

  /** A recruiter leaves on their own; the owner cannot (the company would have nobody in charge). */
  async leave(userId: string): Promise<void> {
    const { employer, role } = await this.employers.membership(userId);
    if (role === 'owner') throw invalid('owner_cannot_leave', '单位负责人不能退出本单位');
    await this.dropSeat(employer.id, userId, userId, 'recruiter_left');
  }

  private async dropSeat(employerId: string, userId: string, actor: string, action: string) {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(EmployerMemberEntity, {
        userId,
        employerId,
        role: 'recruiter',
      });
      if (!result.affected) throw notFound('该招聘专员');
      await manager.insert(EmployerHistoryEntity, {
        employerId,
        action,
        reason: userId,
        actorUserId: actor,
      });
    });
  }

  private async requireOwner(userId: string) {
    const membership = await this.employers.membership(userId);
    if (membership.role !== 'owner')
      throw forbidden('owner_only', '只有单位负责人可以管理招聘专员');
    return membership;
  }
}

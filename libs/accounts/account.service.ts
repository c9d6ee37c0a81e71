import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import {
  conflict,
  DomainError,
  invalid,
  maskPhone,
  notFound,
  OutboxEventType,
  OutboxService,
  PiiCipher,
} from '@jipin/core';
import { SmsCodePurpose } from './entities/sms-code.entity';
import { Role, UserEntity } from './entities/user.entity';
import { LoginLimits } from './login-limits';
import { hashPassword, passwordHashOutdated, verifyPassword } from './password-hash';
import { passwordProblem } from './password-policy';
import { SessionService, TokenPair } from './session.service';
import { SmsCodeService } from './sms-code.service';

export interface AccountView {
  id: string;
  role: Role;
  name: string;
  phone: string;
  townshipCode: string | null;
  smsOptIn: boolean;
  createdAt: Date;
}

const wrongLogin = () => new DomainError('unauthenticated', 'login_failed', '手机号或密码不正确');

@Injectable()
export class AccountService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly smsCodes: SmsCodeService,
    private readonly cipher: PiiCipher,
    private readonly outbox: OutboxService,
    private readonly loginLimits: LoginLimits,
  ) {}

  /**
   * Sends the SMS code a form asks for. A sign-up code for a phone that has an
   * account would be of no use: its owner is told so by SMS instead, and the
   * caller gets the same answer either way (no account enumeration).
   */
  async sendCode(phone: string, purpose: SmsCodePurpose, clientIp: string): Promise<void> {
    if (purpose === 'register' && (await this.findByPhone(phone)))
      return this.smsCodes.sendNotice(
        phone,
        '【即聘】有人正在用您的手机号注册即聘。您已有账号，可直接登录；忘记密码请在登录页用短信找回。如非本人操作请忽略。',
        clientIp,
      );
    return this.smsCodes.send(phone, purpose, clientIp);
  }

  /**
   * Self sign-up of a seeker or an employer's recruiter, proven by an SMS code.
   * The code is checked first: until then a registered phone and a new one get
   * the same answers.
   */
  async register(
    input: {
      phone: string;
      code: string;
      password: string;
      name: string;
      role: 'seeker' | 'employer';
    },
    clientIp: string,
  ): Promise<TokenPair> {
    this.assertPassword(input.password);
    await this.smsCodes.consume(input.phone, 'register', input.code, clientIp);
    if (await this.findByPhone(input.phone))
      throw conflict('phone_taken', '该手机号已注册，请直接登录或找回密码', [
        { field: 'phone', message: '该手机号已注册' },
      ]);
    const passwordHash = await hashPassword(input.password);
    const user = await this.createUser({
      phone: input.phone,
      name: input.name,
      role: input.role,
      passwordHash,
      townshipCode: null,
    });
    return this.sessions.open(user.id);
  }

  async login(phone: string, password: string, clientIp: string): Promise<TokenPair> {
    const phoneIndex = this.cipher.blindIndex(phone);
    const user = await this.users.findOne({ where: { phoneIndex } });
    await this.loginLimits.admit(phoneIndex, user?.id, clientIp);
    if (!user || !user.passwordHash || user.status !== 'active') {
      await hashPassword(password); // same time either way: no hint whether the phone exists
      await this.loginLimits.failed(phoneIndex);
      throw wrongLogin();
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.loginLimits.failed(phoneIndex);
      throw wrongLogin();
    }
    await this.loginLimits.succeeded(user.id, clientIp);
    const rehashed = passwordHashOutdated(user.passwordHash)
      ? { passwordHash: await hashPassword(password) }
      : {};
    await this.users.update({ id: user.id }, { lastLoginAt: new Date(), ...rehashed });
    return this.sessions.open(user.id);
  }

  /**
   * Signs in with an SMS code instead of a password (most older users forget
   * theirs). The same per-phone and per-address limits as a password login
   * apply; whether the phone has an account is told only to whoever proved the code.
   */
  async loginWithCode(phone: string, code: string, clientIp: string): Promise<TokenPair> {
    const phoneIndex = this.cipher.blindIndex(phone);
    const user = await this.users.findOne({ where: { phoneIndex } });
    await this.loginLimits.admit(phoneIndex, user?.id, clientIp);
    await this.smsCodes.consume(phone, 'login', code, clientIp);
    if (!user || user.status !== 'active')
      throw new DomainError('not_found', 'account_not_found', '该手机号尚未注册即聘账号，请先注册');
    await this.loginLimits.succeeded(user.id, clientIp);
    await this.users.update({ id: user.id }, { lastLoginAt: new Date() });
    return this.sessions.open(user.id);
  }

  /**
   * Sets a new password with an SMS code; also how a person claims a profile
   * staff registered for them. Whether the phone has an account (or one
   * already claimed) is told only to whoever proved the code.
   */
  async resetPassword(
    input: { phone: string; code: string; password: string },
    purpose: 'reset_password' | 'claim',
    clientIp: string,
  ): Promise<TokenPair> {
    this.assertPassword(input.password);
    await this.smsCodes.consume(input.phone, purpose, input.code, clientIp);
    const user = await this.findByPhone(input.phone);
    if (!user || user.status !== 'active')
      throw notFound('该手机号对应的账号', 'account_not_found');
    if (purpose === 'claim' && user.passwordHash)
      throw conflict('already_claimed', '该账号已由本人启用，请直接登录');
    await this.users.update({ id: user.id }, { passwordHash: await hashPassword(input.password) });
    await this.sessions.revokeAllOf(user.id, 'password_changed');
    return this.sessions.open(user.id);
  }

  async createStaff(input: {
    phone: string;
    password: string;
    name: string;
    townshipCode: string | null;
    role: 'staff' | 'admin';
  }): Promise<AccountView> {
    this.assertPassword(input.password);
    if (await this.users.findOne({ where: { phoneIndex: this.cipher.blindIndex(input.phone) } })) {
      throw conflict('phone_taken', '该手机号已注册', [
        { field: 'phone', message: '该手机号已注册' },
      ]);
    }
    const user = await this.createUser({
      ...input,
      passwordHash: await hashPassword(input.password),
    });
    return this.view(user);
  }

  /**
   * Creates the login of a person registered by window staff; it has no
   * password until the person claims it with their phone.
   */
  /** A login for a person registered at the window; null phone for someone who has none. */
  async createUnclaimedSeeker(phone: string | null, name: string): Promise<UserEntity> {
    if (
      phone &&
      (await this.users.findOne({ where: { phoneIndex: this.cipher.blindIndex(phone) } }))
    ) {
      throw conflict('phone_taken', '该手机号已注册', [
        { field: 'phone', message: '该手机号已注册' },
      ]);
    }
    return this.createUser({ phone, name, role: 'seeker', passwordHash: null, townshipCode: null });
  }

  async me(userId: string): Promise<AccountView> {
    const user = await this.users.findOne({ where: { id: userId } });
    if (!user) throw notFound('账号');
    return this.view(user);
  }

  /** Display names by user id (a deleted account reads 已注销用户). */
  async namesOf(userIds: string[]): Promise<Map<string, string>> {
    if (!userIds.length) return new Map();
    const users = await this.users.find({
      where: { id: In(userIds) },
      select: { id: true, name: true },
    });
    return new Map(users.map((user) => [user.id, user.name]));
  }

  async phoneOf(userId: string): Promise<string | undefined> {
    const user = await this.users.findOne({ where: { id: userId } });
    return user?.phoneCipher ? this.cipher.decrypt(user.phoneCipher) : undefined;
  }

  /** The accounts of these ids (one query), for modules that show people beside their own rows. */
  async usersByIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.users.find({ where: { id: In(ids) } }) : [];
  }

  async findByPhone(phone: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { phoneIndex: this.cipher.blindIndex(phone) } });
  }

  async setSmsOptIn(userId: string, smsOptIn: boolean): Promise<AccountView> {
    await this.users.update({ id: userId }, { smsOptIn });
    return this.me(userId);
  }

  /** Removes the login and its personal data; records that must stay for statistics are kept anonymously by their owners. */
  async deleteLogin(userId: string): Promise<void> {
    await this.users.update(
      { id: userId },
      {
        status: 'deleted',
        phoneIndex: null,
        phoneCipher: null,
        passwordHash: null,
        name: '已注销用户',
      },
    );
    await this.sessions.revokeAllOf(userId, 'account_deleted');
  }

  private async createUser(input: {
    phone: string | null;
    name: string;
    role: Role;
    passwordHash: string | null;
    townshipCode: string | null;
  }): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = manager.create(UserEntity, {
        phoneIndex: input.phone ? this.cipher.blindIndex(input.phone) : null,
        phoneCipher: input.phone ? this.cipher.encrypt(input.phone) : null,
        passwordHash: input.passwordHash,
        role: input.role,
        name: input.name,
        townshipCode: input.townshipCode,
      });
      try {
        await manager.save(user);
      } catch (error) {
        if ((error as { code?: string }).code === '23505')
          throw conflict('phone_taken', '该手机号已注册');
        throw error;
      }
      await this.outbox.record(manager, {
        type: OutboxEventType.AccountRegistered,
        aggregateId: user.id,
        payload: { userId: user.id },
      });
      return user;
    });
  }

  private assertPassword(password: string): void {
    const problem = passwordProblem(password);
    if (problem) throw invalid('weak_password', problem, [{ field: 'password', message: problem }]);
  }

  private view(user: UserEntity): AccountView {
    const phone = user.phoneCipher ? this.cipher.decrypt(user.phoneCipher) : '';
    return {
      id: user.id,
      role: user.role,
      name: user.name,
      phone: phone ? maskPhone(phone) : '',
      townshipCode: user.townshipCode,
      smsOptIn: user.smsOptIn,
      createdAt: user.createdAt,
    };
  }
}

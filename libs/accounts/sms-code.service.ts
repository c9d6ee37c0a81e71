import { createHash, randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { APP_CONFIG, AppConfig, DomainError, PiiCipher, RateLimiter } from '@jipin/core';
import { SmsCodeEntity, SmsCodePurpose } from './entities/sms-code.entity';
import { SMS_SENDER, SmsSender } from './sms/sms-sender';

const CODE_TTL_MS = 5 * 60 * 1000;
const MAX_ATTEMPTS = 5;

const PURPOSE_TEXT: Record<SmsCodePurpose, string> = {
  register: '注册',
  login: '登录',
  reset_password: '重置密码',
  claim: '认领账号',
};

/** One-time SMS codes: sent through the SMS port, rate-limited, stored hashed. */
@Injectable()
export class SmsCodeService {
  constructor(
    @InjectRepository(SmsCodeEntity) private readonly codes: Repository<SmsCodeEntity>,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: PiiCipher,
    private readonly rateLimiter: RateLimiter,
  ) {}

  async send(phone: string, purpose: SmsCodePurpose, clientIp: string): Promise<void> {
    const phoneIndex = this.cipher.blindIndex(phone);
    const limit = this.config.rateLimits.smsPerWindow;
    await this.rateLimiter.hit(
      `sms:phone:${phoneIndex}`,
      limit,
      3600,
      '验证码发送过于频繁，请一小时后再试',
    );
    await this.rateLimiter.hit(
      `sms:ip:${clientIp}`,
      limit * 4,
      3600,
      '验证码发送过于频繁，请稍后再试',
    );
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.codes.insert({
      phoneIndex,
      purpose,
      codeHash: hashCode(phoneIndex, code),
      expiresAt: new Date(Date.now() + CODE_TTL_MS),
    });
    await this.sms.send(
      phone,
      `【即聘】您的${PURPOSE_TEXT[purpose]}验证码是${code}，5分钟内有效。如非本人操作请忽略。`,
    );
  }

  /** Consumes a valid code or throws; a code works once. */
  async consume(phone: string, purpose: SmsCodePurpose, code: string): Promise<void> {
    const phoneIndex = this.cipher.blindIndex(phone);
    const latest = await this.codes.findOne({
      where: { phoneIndex, purpose },
      order: { createdAt: 'DESC' },
    });
    const wrong = new DomainError(
      'invalid',
      'sms_code_invalid',
      '验证码不正确或已过期，请重新获取',
      [{ field: 'code', message: '验证码不正确或已过期' }],
    );
    if (
      !latest ||
      latest.consumedAt ||
      latest.expiresAt < new Date() ||
      latest.attempts >= MAX_ATTEMPTS
    )
      throw wrong;
    if (latest.codeHash !== hashCode(phoneIndex, code)) {
      await this.codes.increment({ id: latest.id }, 'attempts', 1);
      throw wrong;
    }
    const result = await this.codes
      .createQueryBuilder()
      .update()
      .set({ consumedAt: () => 'now()' })
      .where('id = :id and consumed_at is null', { id: latest.id })
      .execute();
    if (result.affected !== 1) throw wrong;
  }

  async purgeExpired(): Promise<number> {
    const result = await this.codes
      .createQueryBuilder()
      .delete()
      .where(`expires_at < now() - interval '1 day'`)
      .execute();
    return result.affected ?? 0;
  }
}

function hashCode(phoneIndex: string, code: string): string {
  return createHash('sha256').update(`${phoneIndex}:${code}`).digest('hex');
}

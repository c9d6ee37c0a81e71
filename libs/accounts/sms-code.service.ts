import { createHash, randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig, DomainError, PiiCipher, RateLimiter } from '@jipin/core';
import { SmsCodeEntity, SmsCodePurpose } from './entities/sms-code.entity';
import { SMS_SENDER, type SmsSender } from './sms/sms-sender';

const CODE_TTL_MS = 5 * 60 * 1000;
const MAX_ATTEMPTS = 5;
const HOUR = 3600;

const PURPOSE_TEXT: Record<SmsCodePurpose, string> = {
  register: '注册',
  login: '登录',
  reset_password: '重置密码',
  claim: '认领账号',
};

/** One-time SMS codes: sent through the SMS port, rate-limited, stored hashed, tried a bounded number of times. */
@Injectable()
export class SmsCodeService {
  constructor(
    @InjectRepository(SmsCodeEntity) private readonly codes: Repository<SmsCodeEntity>,
    private readonly dataSource: DataSource,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: PiiCipher,
    private readonly rateLimiter: RateLimiter,
  ) {}

  async send(phone: string, purpose: SmsCodePurpose, clientIp: string): Promise<void> {
    const phoneIndex = await this.countSend(phone, clientIp);
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

  /**
   * Sends a notice where a code was asked for and none can help (a sign-up for
   * a phone that has an account). It counts like a code, and the caller
   * answers the same, so the answer does not tell whether the phone is known.
   */
  async sendNotice(phone: string, text: string, clientIp: string): Promise<void> {
    await this.countSend(phone, clientIp);
    await this.sms.send(phone, text);
  }

  /**
   * Consumes a valid code or throws; a code works once. Rate-limited per phone
   * and per address before any lookup, so every phone gets the same answers.
   * The attempt is counted and the code checked in one statement: concurrent
   * guesses cannot all read the count before any of them raises it.
   */
  async consume(
    phone: string,
    purpose: SmsCodePurpose,
    code: string,
    clientIp: string,
  ): Promise<void> {
    const phoneIndex = this.cipher.blindIndex(phone);
    const limit = this.config.rateLimits.smsPerWindow;
    await this.rateLimiter.hit(`verify:ip:${clientIp}`, limit * 4, HOUR, '验证尝试过于频繁');
    await this.rateLimiter.hit(
      `verify:phone:${phoneIndex}`,
      limit * MAX_ATTEMPTS,
      HOUR,
      '验证尝试过于频繁',
    );
    const [rows]: [{ accepted: boolean }[], number] = await this.dataSource.query(
      `update sms_codes set attempts = attempts + 1,
              consumed_at = case when code_hash = $3 then now() end
        where id = (select id from sms_codes where phone_index = $1 and purpose = $2
                     order by created_at desc limit 1)
          and consumed_at is null and expires_at > now() and attempts < $4
       returning consumed_at is not null as accepted`,
      [phoneIndex, purpose, hashCode(phoneIndex, code), MAX_ATTEMPTS],
    );
    if (!rows[0]?.accepted)
      throw new DomainError('invalid', 'sms_code_invalid', '验证码不正确或已过期，请重新获取', [
        { field: 'code', message: '验证码不正确或已过期' },
      ]);
  }

  /** Counts a message to this phone against the per-phone and per-address limits. */
  private async countSend(phone: string, clientIp: string): Promise<string> {
    const phoneIndex = this.cipher.blindIndex(phone);
    const limit = this.config.rateLimits.smsPerWindow;
    await this.rateLimiter.hit(`sms:phone:${phoneIndex}`, limit, HOUR, '验证码发送过于频繁');
    await this.rateLimiter.hit(`sms:ip:${clientIp}`, limit * 4, HOUR, '验证码发送过于频繁');
    return phoneIndex;
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

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, PiiCipher, RateLimiter } from '@jipin/core';

const WINDOW_SECONDS = 15 * 60;
const KNOWN_ADDRESS_DAYS = 30;
const TOO_MANY = '登录尝试过于频繁';

/**
 * How often a password may be tried (docs/security.md, "Login limits"):
 * - per address, whatever the phone: 5 × RATE_LIMIT_LOGIN attempts in 15 minutes;
 * - per phone from one address: RATE_LIMIT_LOGIN attempts in 15 minutes, so a
 *   stranger guessing from their address locks out only that address;
 * - per phone from all addresses: 3 × RATE_LIMIT_LOGIN failures in 15 minutes
 *   hold back addresses the account has not signed in from, never the ones it
 *   has (last 30 days), so spreading guesses over many addresses stays slow
 *   and still does not keep the owner out.
 * The window slides: a held-back address waits until old failures leave it.
 */
@Injectable()
export class LoginLimits {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rateLimiter: RateLimiter,
    private readonly cipher: PiiCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts an attempt; throws rate_limited when this address may not try this phone now. */
  async admit(phoneIndex: string, userId: string | undefined, clientIp: string): Promise<void> {
    const limit = this.config.rateLimits.loginPerWindow;
    await this.rateLimiter.hit(`login:ip:${clientIp}`, limit * 5, WINDOW_SECONDS, TOO_MANY);
    await this.rateLimiter.hit(
      `login:phone-ip:${phoneIndex}:${clientIp}`,
      limit,
      WINDOW_SECONDS,
      TOO_MANY,
    );
    if (userId && (await this.isKnownAddress(userId, clientIp))) return;
    await this.rateLimiter.check(`login:phone:${phoneIndex}`, limit * 3, WINDOW_SECONDS, TOO_MANY);
  }

  async failed(phoneIndex: string): Promise<void> {
    await this.rateLimiter.record(`login:phone:${phoneIndex}`, WINDOW_SECONDS);
  }

  async succeeded(userId: string, clientIp: string): Promise<void> {
    await this.dataSource.query(
      `insert into login_addresses (user_id, address_index) values ($1, $2)
       on conflict (user_id, address_index) do update set last_seen_at = now()`,
      [userId, this.addressIndex(clientIp)],
    );
  }

  async purgeExpired(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `delete from login_addresses where last_seen_at < now() - make_interval(days => $1)`,
      [KNOWN_ADDRESS_DAYS],
    );
    return result[1];
  }

  private async isKnownAddress(userId: string, clientIp: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `select 1 from login_addresses where user_id = $1 and address_index = $2
          and last_seen_at > now() - make_interval(days => $3)`,
      [userId, this.addressIndex(clientIp), KNOWN_ADDRESS_DAYS],
    );
    return rows.length > 0;
  }

  /** Keyed hash: the table says whether an address is known, not where people sign in from. */
  private addressIndex(clientIp: string): string {
    return this.cipher.blindIndex(`address:${clientIp}`);
  }
}

import { createHash, createSecretKey, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  DomainError,
  type PreparedStatement,
  queryPrepared,
} from '@jipin/core';
import { Role } from './entities/user.entity';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Who is calling, as the API sees it after checking the token and the session. */
export interface Principal {
  userId: string;
  role: Role;
  sessionId: string;
  /** Staff only: the township they serve; null when county-wide. */
  townshipCode: string | null;
}

interface AccessClaims {
  sub: string;
  sid: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** `<session id>.<secret>` as open() makes it: a UUID and 32 random bytes in base64url. */
const REFRESH_TOKEN =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

/**
 * The session and its user's role in one prepared statement, on every signed-in request: not
 * cached, so that a revoked session or a suspended user is refused at once on every instance.
 */
const SESSION_PRINCIPAL: PreparedStatement = {
  name: 'session_principal',
  text: `select u.role, u.township_code from refresh_sessions s join users u on u.id = s.user_id
    where s.id = $1 and s.user_id = $2 and s.revoked_at is null and s.expires_at > now()
      and u.status = 'active'`,
};

const unauthenticated = (message = '登录已失效，请重新登录') =>
  new DomainError('unauthenticated', 'unauthenticated', message);

/**
 * JWT access tokens tied to a server-side session, and rotating refresh
 * tokens with reuse detection. Revoking the session (logout, reuse, account
 * deletion) stops its access tokens at once.
 */
@Injectable()
export class SessionService {
  /**
   * The HMAC key as a KeyObject, made once: given a string, jsonwebtoken first
   * tries (and fails) to parse it as a public key on every verify, which cost
   * a fifth of the API's CPU under load (measured with bench:checkin).
   */
  private readonly verifyKey: Buffer;

  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // @nestjs/jwt types the secret as string | Buffer; jsonwebtoken takes a KeyObject as well.
    this.verifyKey = createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as Buffer;
  }

  async open(userId: string): Promise<TokenPair> {
    const secret = randomBytes(32).toString('base64url');
    const rows: { id: string }[] = await this.dataSource.query(
      `insert into refresh_sessions (user_id, token_hash, expires_at)
       values ($1, $2, now() + make_interval(secs => $3)) returning id`,
      [userId, sha256(secret), this.config.auth.refreshTtlSeconds],
    );
    return this.tokens(userId, rows[0].id, secret);
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const match = REFRESH_TOKEN.exec(refreshToken);
    if (!match) throw unauthenticated('登录凭证格式不正确，请重新登录');
    const [, sessionId, secret] = match;
    const newSecret = randomBytes(32).toString('base64url');
    return this.dataSource
      .transaction(async (manager) => {
        const rows: {
          user_id: string;
          token_hash: string;
          revoked_at: Date | null;
          expired: boolean;
        }[] = await manager.query(
          `select user_id, token_hash, revoked_at, expires_at < now() as expired
           from refresh_sessions where id = $1 for update`,
          [sessionId],
        );
        const session = rows[0];
        if (!session || session.revoked_at || session.expired) throw unauthenticated();
        if (session.token_hash !== sha256(secret)) {
          // An old token came back: someone kept a copy. End the whole session.
          await manager.query(
            `update refresh_sessions set revoked_at = now(), revoke_reason = 'reuse' where id = $1`,
            [sessionId],
          );
          return { reused: true as const };
        }
        await manager.query(
          `update refresh_sessions set token_hash = $2, rotated_at = now() where id = $1`,
          [sessionId, sha256(newSecret)],
        );
        return this.tokens(session.user_id, sessionId, newSecret);
      })
      .then((result) => {
        if ('reused' in result)
          throw unauthenticated('检测到登录凭证被重复使用，为保护账号安全已退出登录');
        return result;
      });
  }

  /** When the person last opened the app: a session opened or refreshed (every few minutes of use). */
  /** When each person last opened the app (opened or refreshed a session); absent if never. */
  async lastActiveAt(userIds: string[]): Promise<Map<string, Date>> {
    if (!userIds.length) return new Map();
    const rows: { userId: string; at: Date }[] = await this.dataSource.query(
      `select user_id as "userId", max(coalesce(rotated_at, created_at)) as at
         from refresh_sessions where user_id = any($1::uuid[]) group by user_id`,
      [userIds],
    );
    return new Map(rows.map((row) => [row.userId, row.at]));
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `update refresh_sessions set revoked_at = now(), revoke_reason = $2 where id = $1 and revoked_at is null`,
      [sessionId, reason],
    );
  }

  async revokeAllOf(userId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `update refresh_sessions set revoked_at = now(), revoke_reason = $2 where user_id = $1 and revoked_at is null`,
      [userId, reason],
    );
  }

  /** Checks an access token and that its session and user are still valid. */
  async authenticate(accessToken: string): Promise<Principal> {
    let claims: AccessClaims & { exp?: unknown };
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(accessToken, {
        secret: this.verifyKey,
        algorithms: ['HS256'],
      });
    } catch {
      throw unauthenticated();
    }
    // jsonwebtoken accepts a token without exp as valid forever; every token this API signs has one.
    if (typeof claims.exp !== 'number' || !UUID.test(claims.sid) || !UUID.test(claims.sub))
      throw unauthenticated();
    const rows = await queryPrepared<{ role: Role; township_code: string | null }>(
      this.dataSource,
      SESSION_PRINCIPAL,
      [claims.sid, claims.sub],
    );
    if (!rows[0]) throw unauthenticated();
    return {
      userId: claims.sub,
      role: rows[0].role,
      sessionId: claims.sid,
      townshipCode: rows[0].township_code,
    };
  }

  async purgeExpired(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `delete from refresh_sessions where expires_at < now() - interval '7 days'`,
    );
    return result[1];
  }

  private async tokens(userId: string, sessionId: string, secret: string): Promise<TokenPair> {
    const claims: AccessClaims = { sub: userId, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.config.auth.jwtSecret,
      expiresIn: this.config.auth.accessTtlSeconds,
    });
    return {
      accessToken,
      refreshToken: `${sessionId}.${secret}`,
      expiresIn: this.config.auth.accessTtlSeconds,
    };
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import type { LoadOptions } from './api-load';

/** HS256, as the API signs its access tokens (SessionService). */
function accessToken(secret: string, userId: string, sessionId: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: userId, sid: sessionId, iat: now, exp: now + 3600 };
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/**
 * Sessions opened straight in the database for many people, so that a load
 * of one-time writes (an application or a registration per person) needs no
 * login per person (logins are measured on their own). Tokens by user id.
 */
export async function openSessions(
  options: LoadOptions,
  userIds: string[],
): Promise<Map<string, string>> {
  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string; user_id: string }>(
      `insert into refresh_sessions (user_id, token_hash, expires_at)
       select unnest($1::uuid[]), md5(random()::text), now() + interval '1 day'
       returning id, user_id`,
      [userIds],
    );
    return new Map(rows.map((r) => [r.user_id, accessToken(options.jwtSecret, r.user_id, r.id)]));
  } finally {
    await db.end();
  }
}

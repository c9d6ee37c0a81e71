import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Controller, Get } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { LogSmsSender, SessionService, SMS_SENDER } from '@jipin/accounts';
import { createLogger } from '@jipin/core';
import {
  createStaffUser,
  lastSmsCode,
  registerUser,
  TEST_PASSWORD,
  TestApi,
  uniquePhone,
} from '@jipin/testing';
import { ApiModule } from '../api.module';
import { createValidationPipe } from '../http/validation.pipe';

let api: TestApi;

beforeAll(async () => {
  api = await TestApi.start('auth', { RATE_LIMIT_LOGIN: '3' });
});
afterAll(async () => api.close());

describe('sign-up and login', () => {
  test('a seeker signs up with an SMS code and sees their masked phone', async () => {
    const user = await registerUser(api, 'seeker', '李四');
    const me = await api.get('/api/auth/me', { token: user.token });
    assert.equal(me.status, 200);
    assert.equal(me.body.role, 'seeker');
    assert.equal(me.body.phone, `${user.phone.slice(0, 3)}****${user.phone.slice(7)}`);
  });

  test('the phone is stored encrypted, never in clear', async () => {
    const user = await registerUser(api, 'seeker');
    const rows = await api.dataSource.query(
      `select phone_index, phone_cipher from users where id = $1`,
      [user.userId],
    );
    assert.ok(!JSON.stringify(rows).includes(user.phone));
  });

  test('a wrong SMS code is a clear 400', async () => {
    const phone = uniquePhone();
    await api.post('/api/auth/sms-codes', { phone, purpose: 'register' });
    const code = lastSmsCode(api, phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const response = await api.post('/api/auth/register', {
      phone,
      code: wrong,
      password: TEST_PASSWORD,
      name: '王五',
      role: 'seeker',
    });
    assert.equal(response.status, 400);
    assert.equal(response.body.code, 'sms_code_invalid');
  });

  test('a weak password is refused with the rule it breaks', async () => {
    const phone = uniquePhone();
    await api.post('/api/auth/sms-codes', { phone, purpose: 'register' });
    const response = await api.post('/api/auth/register', {
      phone,
      code: lastSmsCode(api, phone),
      password: 'abcdefgh',
      name: '王五',
      role: 'seeker',
    });
    assert.equal(response.status, 400);
    assert.equal(response.body.code, 'weak_password');
    assert.equal(response.body.message, '密码须同时包含字母和数字');
  });

  test('passwords are hashed at the set cost, and an older hash is replaced at the next login', async () => {
    const user = await registerUser(api, 'seeker');
    const stored = async () =>
      (
        await api.dataSource.query(`select password_hash as hash from users where id = $1`, [
          user.userId,
        ])
      )[0].hash as string;
    assert.match(await stored(), /^\$argon2id\$v=19\$m=7168,p=1,t=5\$/);
    // As hashed before issue 23: argon2's defaults, 64 MiB and three passes.
    await api.dataSource.query(`update users set password_hash = $2 where id = $1`, [
      user.userId,
      await argon2.hash(TEST_PASSWORD),
    ]);
    assert.match(await stored(), /m=65536,p=4,t=3/);
    const login = await api.post('/api/auth/login', { phone: user.phone, password: TEST_PASSWORD });
    assert.equal(login.status, 200);
    assert.match(await stored(), /^\$argon2id\$v=19\$m=7168,p=1,t=5\$/);
    const again = await api.post('/api/auth/login', { phone: user.phone, password: TEST_PASSWORD });
    assert.equal(again.status, 200);
  });

  test('nobody can sign themselves up as staff or admin', async () => {
    const phone = uniquePhone();
    await api.post('/api/auth/sms-codes', { phone, purpose: 'register' });
    const response = await api.post('/api/auth/register', {
      phone,
      code: lastSmsCode(api, phone),
      password: TEST_PASSWORD,
      name: '某人',
      role: 'admin',
    });
    assert.equal(response.status, 400);
    assert.equal(response.body.details[0].field, 'role');
  });

  test('a registered phone and a new one get the same answers until the SMS code is proven', async () => {
    const known = await registerUser(api, 'employer');
    const unknown = uniquePhone();
    const answers = async (phone: string) => {
      const sent = await api.post('/api/auth/sms-codes', { phone, purpose: 'register' });
      const body = { phone, code: '000000', password: TEST_PASSWORD };
      const register = await api.post('/api/auth/register', {
        ...body,
        name: '某人',
        role: 'seeker',
      });
      const reset = await api.post('/api/auth/reset-password', body);
      const claim = await api.post('/api/auth/claim', body);
      return [sent, register, reset, claim].map((r) => [r.status, r.body]);
    };
    const forKnown = await answers(known.phone);
    assert.deepEqual(forKnown, await answers(unknown));
    assert.deepEqual(
      forKnown.map(([status]) => status),
      [202, 400, 400, 400],
    );
  });

  test('the owner of a registered phone is told by SMS when someone tries to sign up with it', async () => {
    const owner = await registerUser(api, 'seeker');
    await api.post('/api/auth/sms-codes', { phone: owner.phone, purpose: 'register' });
    const sms = api.app.get<LogSmsSender>(SMS_SENDER).lastTo(owner.phone);
    assert.match(sms?.text ?? '', /有人正在用您的手机号注册即聘。您已有账号/);
    assert.doesNotMatch(sms?.text ?? '', /\d{6}/, 'no sign-up code is sent for a registered phone');
  });

  test('only after the code is proven does a reset tell that the phone has no account', async () => {
    const phone = uniquePhone();
    await api.post('/api/auth/sms-codes', { phone, purpose: 'reset_password' });
    const response = await api.post('/api/auth/reset-password', {
      phone,
      code: lastSmsCode(api, phone),
      password: TEST_PASSWORD,
    });
    assert.equal(response.status, 404);
    assert.equal(response.body.code, 'account_not_found');
  });
});

describe('tokens', () => {
  test('a refresh token rotates, and reusing an old one ends the session', async () => {
    const user = await registerUser(api, 'seeker');
    const first = await api.post('/api/auth/refresh', { refreshToken: user.refreshToken });
    assert.equal(first.status, 200);
    assert.notEqual(first.body.refreshToken, user.refreshToken);

    const replay = await api.post('/api/auth/refresh', { refreshToken: user.refreshToken });
    assert.equal(replay.status, 401);
    const afterReuse = await api.post('/api/auth/refresh', {
      refreshToken: first.body.refreshToken,
    });
    assert.equal(afterReuse.status, 401, 'the whole session is revoked after reuse');
    assert.equal((await api.get('/api/auth/me', { token: first.body.accessToken })).status, 401);
  });

  test('logout revokes the access token at once', async () => {
    const user = await registerUser(api, 'seeker');
    assert.equal(
      (await api.post('/api/auth/logout', undefined, { token: user.token })).status,
      204,
    );
    assert.equal((await api.get('/api/auth/me', { token: user.token })).status, 401);
  });

  test('a public page does not check the token the web app sends along; a signed-in route does', async () => {
    const user = await registerUser(api, 'seeker');
    const sessions = api.app.get(SessionService);
    const authenticate = sessions.authenticate.bind(sessions);
    let checks = 0;
    sessions.authenticate = (token: string) => {
      checks += 1;
      return authenticate(token);
    };
    try {
      for (const token of [user.token, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad'])
        assert.equal((await api.get('/api/vacancy-options', { token })).status, 200);
      assert.equal(checks, 0);
      assert.equal((await api.get('/api/auth/me', { token: user.token })).status, 200);
      assert.equal(checks, 1);
    } finally {
      sessions.authenticate = authenticate;
    }
  });

  test('a token signed with the real secret but without an expiry is refused', async () => {
    const user = await registerUser(api, 'seeker');
    const { sub, sid } = JSON.parse(
      Buffer.from(user.token.split('.')[1], 'base64url').toString(),
    ) as { sub: string; sid: string };
    const noExpiry = new JwtService().sign({ sub, sid }, { secret: api.config.auth.jwtSecret });
    const response = await api.get('/api/auth/me', { token: noExpiry });
    assert.equal(response.status, 401);
    assert.equal(response.body.code, 'unauthenticated');
  });

  test('a forged token is refused', async () => {
    const response = await api.get('/api/auth/me', {
      token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad',
    });
    assert.equal(response.status, 401);
    assert.equal(response.body.code, 'unauthenticated');
  });
});

describe('guards', () => {
  test('login is rate-limited per phone', async () => {
    const user = await registerUser(api, 'seeker');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push(
        (await api.post('/api/auth/login', { phone: user.phone, password: 'Wrong1234' })).status,
      );
    }
    assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
    const limited = await api.post('/api/auth/login', {
      phone: user.phone,
      password: TEST_PASSWORD,
    });
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(
      retryAfter > 0 && retryAfter <= 990,
      `Retry-After ${retryAfter}: the window and one slot at most`,
    );
    assert.match(limited.body.message, new RegExp(`请在${retryAfter}秒后重试`));
  });

  test('only admins create staff accounts', async () => {
    const seeker = await registerUser(api, 'seeker');
    const admin = await createStaffUser(api, { role: 'admin' });
    const body = {
      phone: uniquePhone(),
      password: TEST_PASSWORD,
      name: '窗口',
      role: 'staff',
      townshipCode: '360822101000',
    };
    assert.equal((await api.post('/api/admin/staff', body)).status, 401);
    assert.equal((await api.post('/api/admin/staff', body, { token: seeker.token })).status, 403);
    const created = await api.post('/api/admin/staff', body, { token: admin.token });
    assert.equal(created.status, 201);
    assert.equal(created.body.townshipCode, '360822101000');
    const unknownTownship = await api.post(
      '/api/admin/staff',
      { ...body, phone: uniquePhone(), townshipCode: '110101001000' },
      { token: admin.token },
    );
    assert.equal(unknownTownship.status, 400);
    assert.equal(unknownTownship.body.code, 'unknown_township');
  });

  test('unknown body fields are refused, mass assignment of role included', async () => {
    const response = await api.post('/api/auth/login', {
      phone: '13812345678',
      password: 'x',
      role: 'admin',
    });
    assert.equal(response.status, 400);
    assert.equal(response.body.code, 'validation_failed');
    assert.deepEqual(
      response.body.details.map((d: { field: string }) => d.field),
      ['role'],
    );
  });

  test('an oversized body is a 413 with a JSON reason', async () => {
    const response = await api.request('POST', '/api/auth/login', {
      rawBody: JSON.stringify({ phone: '13812345678', password: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(response.status, 413);
    assert.equal(response.body.code, 'payload_too_large');
  });

  test('malformed JSON is a 400 with a JSON body', async () => {
    const response = await api.request('POST', '/api/auth/login', {
      rawBody: '{bad',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(response.status, 400);
    assert.equal(typeof response.body.message, 'string');
  });

  test('every response carries a request id, and a given one is echoed', async () => {
    const response = await api.get('/health/live', { headers: { 'x-request-id': 'abc-123' } });
    assert.equal(response.headers.get('x-request-id'), 'abc-123');
    assert.ok((await api.get('/health/live')).headers.get('x-request-id'));
  });

  test('readiness reports the database and the queue backend', async () => {
    const response = await api.get('/health/ready');
    assert.equal(response.status, 200);
    assert.deepEqual(
      response.body.checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok]).slice(0, 2),
      [
        ['database', true],
        ['queue:postgres', true],
      ],
    );
  });

  test('a route that does not declare who may call it is refused (deny by default)', async () => {
    @Controller('undeclared')
    class UndeclaredController {
      @Get()
      secret() {
        return { leaked: true };
      }
    }
    const moduleRef = await Test.createTestingModule({
      imports: [
        ApiModule.forRoot({
          config: api.config,
          databaseUrl: api.database.url,
          logger: createLogger('warn', 't'),
        }),
      ],
      controllers: [UndeclaredController],
    }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.useGlobalPipes(createValidationPipe());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const seeker = await registerUser(api, 'seeker');
      for (const headers of [{}, { authorization: `Bearer ${seeker.token}` }]) {
        const response = await app
          .getHttpAdapter()
          .getInstance()
          .inject({ method: 'GET', url: '/undeclared', headers });
        assert.equal(response.statusCode, 403);
        assert.equal(JSON.parse(response.body).code, 'route_not_declared');
      }
    } finally {
      await app.close();
    }
  });
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import fc from 'fast-check';
import { JwtService } from '@nestjs/jwt';
import {
  createStaffUser,
  DiscoveredRoute,
  discoverRoutes,
  registerEmployer,
  registerUser,
  TestApi,
  TestUser,
} from '@jipin/testing';
import { ACCESS_KEY, Audience } from '../auth/access.decorator';
import { PATH_PARAMETER_VALUES } from './authorization-matrix';

/**
 * Property-based bad input for every write route that takes a body: hostile
 * values, wrong types, and always at least one field a client must not set
 * (mass assignment). The answer is a clear 400, never a 5xx, and nothing is
 * written.
 */
let api: TestApi;
const callers: Record<string, TestUser | undefined> = {};
const NOT_DATA = new Set(['rate_limit_buckets', 'idempotency_keys']);

beforeAll(async () => {
  api = await TestApi.start('fuzz');
  callers.seeker = await registerUser(api, 'seeker');
  callers.employer = (await registerEmployer(api)).owner;
  callers.staff = await createStaffUser(api);
  callers.admin = await createStaffUser(api, { role: 'admin' });
});
afterAll(async () => api.close());

function audiencesOf(route: DiscoveredRoute): Audience[] {
  return (Reflect.getMetadata(ACCESS_KEY, route.handler) ??
    Reflect.getMetadata(ACCESS_KEY, route.controller)) as Audience[];
}

/** The route's path with its parameters filled in (each with `value` when given). */
function pathOf(route: DiscoveredRoute, value?: string): string {
  return route.path.replace(
    /:(\w+)/g,
    (_, name: string) => value ?? PATH_PARAMETER_VALUES[name] ?? randomUUID(),
  );
}

function callerFor(audiences: Audience[]): TestUser | undefined {
  if (audiences.includes('public')) return undefined;
  if (audiences.includes('authenticated')) return callers.seeker;
  return callers[audiences.find((a) => callers[a]) ?? 'admin'];
}

async function rowCounts(): Promise<Record<string, number>> {
  const rows: { relname: string; n: string }[] = await api.dataSource.query(
    `select c.relname, (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from public.%I', c.relname), false, true, '')))[1]::text as n
       from pg_class c join pg_namespace s on s.oid = c.relnamespace where s.nspname = 'public' and c.relkind = 'r'`,
  );
  return Object.fromEntries(
    rows.filter((r) => !NOT_DATA.has(r.relname)).map((r) => [r.relname, Number(r.n)]),
  );
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "' or 1=1; drop table users; --",
    '<script>alert(1)</script>',
    '\u0000\u0001',
    '\ud800\udfff\ud800',
    '𠮷'.repeat(500),
    'x'.repeat(100_000),
    '１３８１２３４５６７８',
  ),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);
const fieldNames = fc.constantFrom(
  'name',
  'title',
  'phone',
  'password',
  'code',
  'description',
  'headcount',
  'payMin',
  'payMax',
  'townshipCode',
  'smsOptIn',
);
const massAssignment = fc.constantFrom(
  'status',
  'verified',
  'employerId',
  'role',
  'id',
  'userId',
  'createdAt',
  'isAdmin',
);
const objectBody = fc
  .tuple(massAssignment, hostileValue, fc.dictionary(fieldNames, hostileValue, { maxKeys: 5 }))
  .map(([key, value, rest]) => ({ ...rest, [key]: value }));
const nonObjectBody = fc.oneof(
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.constant(null),
);

test('every write route refuses hostile bodies with a clear 400 and writes nothing', async () => {
  const routes = discoverRoutes(api.app).filter(
    (route) => route.method !== 'GET' && route.takesBody,
  );
  assert.ok(routes.length >= 8, `found ${routes.length} write routes with a body`);
  let tried = 0;
  for (const route of routes) {
    const caller = callerFor(audiencesOf(route));
    const path = pathOf(route);
    const before = await rowCounts();
    const result = await fc.check(
      fc.asyncProperty(
        fc.oneof({ weight: 4, arbitrary: objectBody }, { weight: 1, arbitrary: nonObjectBody }),
        async (body) => {
          tried += 1;
          const response = await api.request(route.method, path, { token: caller?.token, body });
          assert.equal(
            response.status,
            400,
            `${route.key} answered ${response.status} to ${JSON.stringify(body).slice(0, 200)}`,
          );
          assert.equal(typeof response.body.message, 'string');
          assert.ok(Array.isArray(response.body.details));
        },
      ),
      { numRuns: 25, seed: 20261126 },
    );
    if (result.failed) {
      const cause =
        result.errorInstance instanceof Error
          ? result.errorInstance.message
          : String(result.errorInstance);
      assert.fail(`${route.key}: ${cause}`);
    }
    assert.deepEqual(await rowCounts(), before, `${route.key} wrote something while refusing`);
  }
  assert.ok(tried >= routes.length * 25);
}, 600000);

/** Shapes that each gave a 500 once (issue 16); every route now answers them with a 4xx that says why. */
const NUL = 'a\u0000b';
const DEEP_JSON = `{"name":${'['.repeat(5000)}${']'.repeat(5000)}}`;
const HUGE_NUMBER = '99999999999999999999';
const PAGING = ['page', 'pageSize', 'offset', 'limit'];

async function expectRefusal(
  label: string,
  response: { status: number; body: { code?: string; message?: unknown } },
  status: number,
  code?: string,
): Promise<void> {
  assert.equal(
    response.status,
    status,
    `${label} answered ${response.status}: ${JSON.stringify(response.body)}`,
  );
  if (code) assert.equal(response.body.code, code, label);
  assert.match(
    String(response.body.message),
    /[\u4e00-\u9fff]/,
    `${label}: the message is in Chinese`,
  );
}

test('every write route refuses JSON nested 5,000 deep and a NUL in each of its fields', async () => {
  const routes = discoverRoutes(api.app).filter((r) => r.method !== 'GET' && r.takesBody);
  let fields = 0;
  for (const route of routes) {
    const caller = callerFor(audiencesOf(route));
    const path = pathOf(route);
    const deep = await api.request(route.method, path, {
      token: caller?.token,
      rawBody: DEEP_JSON,
      headers: { 'content-type': 'application/json' },
    });
    await expectRefusal(`${route.key} deep JSON`, deep, 400, 'body_too_deep');
    for (const field of route.bodyFields) {
      fields += 1;
      const response = await api.request(route.method, path, {
        token: caller?.token,
        body: { [field]: NUL },
      });
      await expectRefusal(`${route.key} NUL in ${field}`, response, 400, 'nul_character');
      assert.equal(response.body.details[0].field, field);
    }
  }
  assert.ok(fields >= 50, `checked ${fields} body fields`);
});

test('every GET route refuses a NUL in each query parameter and path parameter, and huge page numbers', async () => {
  const routes = discoverRoutes(api.app).filter((r) => r.method === 'GET');
  let parameters = 0;
  for (const route of routes) {
    const caller = callerFor(audiencesOf(route));
    const path = pathOf(route);
    for (const field of route.queryFields) {
      parameters += 1;
      const response = await api.get(`${path}?${field}=${encodeURIComponent(NUL)}`, {
        token: caller?.token,
      });
      await expectRefusal(`${route.key}?${field}=NUL`, response, 400, 'nul_character');
      if (PAGING.includes(field)) {
        const huge = await api.get(`${path}?${field}=${HUGE_NUMBER}`, { token: caller?.token });
        await expectRefusal(`${route.key}?${field}=${HUGE_NUMBER}`, huge, 400, 'validation_failed');
        assert.equal(huge.body.details[0].field, field);
      }
    }
    if (route.path.includes(':')) {
      const response = await api.get(pathOf(route, encodeURIComponent(NUL)), {
        token: caller?.token,
      });
      await expectRefusal(`${route.key} with NUL in the path`, response, 400);
    }
  }
  assert.ok(parameters >= 40, `checked ${parameters} query parameters`);
});

test('every signed-in route refuses malformed tokens and one without an expiry with a 401', async () => {
  const seeker = callers.seeker!;
  const claims = JSON.parse(Buffer.from(seeker.token.split('.')[1], 'base64url').toString()) as {
    sub: string;
    sid: string;
  };
  const noExpiry = new JwtService().sign(
    { sub: claims.sub, sid: claims.sid },
    { secret: api.config.auth.jwtSecret },
  );
  const tokens = ['-'.repeat(36), 'x'.repeat(36), 'a.b.c', `${seeker.token}x`, noExpiry];
  const routes = discoverRoutes(api.app).filter((r) => !audiencesOf(r).includes('public'));
  for (const route of routes)
    for (const token of tokens) {
      const response = await api.request(route.method, pathOf(route), { token });
      await expectRefusal(`${route.key} with token ${token.slice(0, 12)}`, response, 401);
    }
  for (const refreshToken of [
    '-'.repeat(36),
    `${'-'.repeat(36)}.${'a'.repeat(43)}`,
    NUL,
    'x'.repeat(200),
  ]) {
    const response = await api.post('/api/auth/refresh', { refreshToken });
    assert.ok(
      [400, 401].includes(response.status),
      `refresh ${JSON.stringify(refreshToken.slice(0, 40))} answered ${response.status}`,
    );
    assert.match(String(response.body.message), /[\u4e00-\u9fff]/);
  }
});

test('every write route refuses a multipart body without boundary or cut short with a 4xx', async () => {
  const routes = discoverRoutes(api.app).filter(
    (r) => r.takesBody || r.path.endsWith('vacancy-imports'),
  );
  const broken: [string, string][] = [
    ['multipart/form-data', 'no boundary'],
    [
      'multipart/form-data; boundary=XX',
      '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
    ],
  ];
  let uploads = 0;
  for (const route of routes) {
    const caller = callerFor(audiencesOf(route));
    for (const [contentType, rawBody] of broken) {
      const response = await api.request(route.method, `${pathOf(route)}?mode=row_by_row`, {
        token: caller?.token,
        rawBody,
        headers: { 'content-type': contentType },
      });
      const label = `${route.key} with ${contentType}`;
      assert.ok(
        response.status >= 400 && response.status < 500,
        `${label} answered ${response.status}: ${JSON.stringify(response.body)}`,
      );
      if (route.path.endsWith('vacancy-imports')) {
        uploads += 1;
        await expectRefusal(label, response, 400, 'multipart_invalid');
      }
    }
  }
  assert.ok(uploads >= 2, 'the upload routes were among them');
});

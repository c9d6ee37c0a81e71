import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import {
  createStaffUser,
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

before(async () => {
  api = await TestApi.start('fuzz');
  callers.seeker = await registerUser(api, 'seeker');
  callers.employer = (await registerEmployer(api)).owner;
  callers.staff = await createStaffUser(api);
  callers.admin = await createStaffUser(api, { role: 'admin' });
});
after(async () => api.close());

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

test(
  'every write route refuses hostile bodies with a clear 400 and writes nothing',
  { timeout: 600000 },
  async () => {
    const routes = discoverRoutes(api.app).filter(
      (route) => route.method !== 'GET' && route.takesBody,
    );
    assert.ok(routes.length >= 8, `found ${routes.length} write routes with a body`);
    let tried = 0;
    for (const route of routes) {
      const audiences = (Reflect.getMetadata(ACCESS_KEY, route.handler) ??
        Reflect.getMetadata(ACCESS_KEY, route.controller)) as Audience[];
      const caller = callerFor(audiences);
      const path = route.path.replace(
        /:(\w+)/g,
        (_, name: string) => PATH_PARAMETER_VALUES[name] ?? randomUUID(),
      );
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
  },
);

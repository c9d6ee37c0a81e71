import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import { SessionService } from '@jipin/accounts';
import {
  createStaffUser,
  discoverRoutes,
  registerEmployer,
  registerUser,
  TestApi,
  TestUser,
} from '@jipin/testing';
import { ACCESS_KEY, Audience } from '../auth/access.decorator';
import {
  AUTHORIZATION_MATRIX,
  COUNTY_STAFF_ONLY,
  PATH_PARAMETER_VALUES,
} from './authorization-matrix';

type Caller = 'anonymous' | 'seeker' | 'employer' | 'township_staff' | 'county_staff' | 'admin';
const ROLE_OF: Record<Exclude<Caller, 'anonymous'>, string> = {
  seeker: 'seeker',
  employer: 'employer',
  township_staff: 'staff',
  county_staff: 'staff',
  admin: 'admin',
};

let api: TestApi;
const users: Partial<Record<Caller, TestUser>> = {};

beforeAll(async () => {
  api = await TestApi.start('authz_matrix');
  users.seeker = await registerUser(api, 'seeker');
  // A recruiter account only acts once it belongs to a company: the owner of a verified one.
  users.employer = (await registerEmployer(api)).owner;
  users.township_staff = await createStaffUser(api, { townshipCode: '360822101000' });
  users.county_staff = await createStaffUser(api);
  users.admin = await createStaffUser(api, { role: 'admin' });
});
afterAll(async () => api.close());

interface Route {
  key: string;
  method: string;
  path: string;
  declared: Audience[];
}

function routesWithAudience(): Route[] {
  return discoverRoutes(api.app).map((route) => ({
    ...route,
    declared: (Reflect.getMetadata(ACCESS_KEY, route.handler) ??
      Reflect.getMetadata(ACCESS_KEY, route.controller) ??
      []) as Audience[],
  }));
}

function allowed(audiences: Audience[], caller: Caller): boolean {
  if (audiences.includes('public')) return true;
  if (caller === 'anonymous') return false;
  if (audiences.includes('authenticated')) return true;
  return audiences.includes(ROLE_OF[caller] as Audience);
}

test('every route the API serves is in the reviewed matrix, with the same audience it declares', () => {
  const routes = routesWithAudience();
  assert.ok(routes.length >= Object.keys(AUTHORIZATION_MATRIX).length);
  const missing = routes
    .filter((route) => !AUTHORIZATION_MATRIX[route.key])
    .map((route) => route.key);
  assert.deepEqual(missing, [], 'add these routes to apps/api/test/authorization-matrix.ts');
  for (const route of routes) {
    assert.deepEqual(
      [...route.declared].sort(),
      [...AUTHORIZATION_MATRIX[route.key]].sort(),
      `${route.key} declares another audience`,
    );
  }
  const stale = Object.keys(AUTHORIZATION_MATRIX).filter(
    (key) => !routes.some((route) => route.key === key),
  );
  assert.deepEqual(stale, [], 'these matrix entries name routes that no longer exist');
});

test('every route answers every kind of caller as the matrix says', async () => {
  const sessions = api.app.get(SessionService);
  const failures: string[] = [];
  let checked = 0;
  for (const route of routesWithAudience()) {
    const path = route.path.replace(
      /:(\w+)/g,
      (_, name: string) => PATH_PARAMETER_VALUES[name] ?? randomUUID(),
    );
    for (const caller of [
      'anonymous',
      'seeker',
      'employer',
      'township_staff',
      'county_staff',
      'admin',
    ] as Caller[]) {
      const user = users[caller as Exclude<Caller, 'anonymous'>];
      // A fresh session per call: some allowed calls (logout) end the session they use.
      const token = user ? (await sessions.open(user.userId)).accessToken : undefined;
      const response = await api.request(route.method, path, {
        token,
        body: route.method === 'GET' ? undefined : {},
      });
      checked += 1;
      const denied = response.status === 401 || response.status === 403;
      const expectAllowed =
        allowed(AUTHORIZATION_MATRIX[route.key] ?? [], caller) &&
        !(caller === 'township_staff' && COUNTY_STAFF_ONLY.has(route.key));
      if (expectAllowed && denied) {
        failures.push(
          `${route.key} as ${caller}: expected to pass the guard, got ${response.status} ${response.body?.code}`,
        );
      }
      if (!expectAllowed && !denied)
        failures.push(`${route.key} as ${caller}: expected 401/403, got ${response.status}`);
      if (!expectAllowed && caller === 'anonymous' && response.status !== 401)
        failures.push(`${route.key} as anonymous: expected 401, got ${response.status}`);
      if (response.status >= 500)
        failures.push(`${route.key} as ${caller}: server error ${response.status}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(checked >= 6 * 18, `checked ${checked} route × caller pairs`);
});

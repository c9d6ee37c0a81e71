import { Audience } from '../auth/access.decorator';

/**
 * Who may call each route, reviewed by a person. The matrix test calls every
 * route as every kind of caller and checks the answer against this table; a
 * route that is not listed here fails the test.
 */
export const AUTHORIZATION_MATRIX: Record<string, Audience[]> = {
  'GET /health/live': ['public'],
  'GET /health/ready': ['public'],
  'POST /api/auth/sms-codes': ['public'],
  'POST /api/auth/register': ['public'],
  'POST /api/auth/login': ['public'],
  'POST /api/auth/refresh': ['public'],
  'POST /api/auth/reset-password': ['public'],
  'POST /api/auth/claim': ['public'],
  'POST /api/auth/logout': ['authenticated'],
  'GET /api/auth/me': ['authenticated'],
  'PATCH /api/auth/me/settings': ['authenticated'],
  'POST /api/admin/staff': ['admin'],
  'GET /api/regions': ['public'],
  'GET /api/notifications': ['authenticated'],
  'POST /api/notifications/:id/read': ['authenticated'],
  'GET /api/operations/queues': ['admin'],
  'GET /api/operations/queues/:queue/failed': ['staff', 'admin'],
  'POST /api/operations/queues/:queue/failed/:jobId/retry': ['staff', 'admin'],
  'GET /api/seekers/me': ['seeker'],
  'POST /api/seekers/me': ['seeker'],
  'PATCH /api/seekers/me': ['seeker'],
  'POST /api/seekers/me/key-groups': ['seeker'],
  'GET /api/seekers/me/pii-access-log': ['seeker'],
  'GET /api/seekers/me/export': ['seeker'],
  'POST /api/seekers/me/account-deletion': ['seeker'],
  'GET /api/seekers/:id': ['seeker', 'staff', 'admin'],
  'POST /api/seekers/:id/reveal': ['staff', 'admin'],
  'POST /api/staff/seekers': ['staff', 'admin'],
  'GET /api/staff/seekers': ['staff', 'admin'],
  'GET /api/staff/seekers/summary': ['staff', 'admin'],
  'PATCH /api/staff/seekers/:id': ['staff', 'admin'],
  'POST /api/staff/seekers/:id/key-groups': ['staff', 'admin'],
  'POST /api/staff/seekers/:id/key-groups/verify': ['staff', 'admin'],
  'GET /api/staff/pii-access-log': ['staff', 'admin'],
};

/** Values for path parameters: well-formed but naming nothing, so allowed callers get past the guard to a 404 or 400. */
export const PATH_PARAMETER_VALUES: Record<string, string> = {
  queue: 'notifications',
  jobId: 'no-such-job',
};

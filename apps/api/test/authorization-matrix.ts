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
  // employers and vacancies
  'POST /api/employers': ['employer'],
  'GET /api/employers/mine': ['employer'],
  'PATCH /api/employers/mine': ['employer'],
  'GET /api/employers/mine/recruiters': ['employer'],
  'POST /api/employers/mine/recruiters': ['employer'],
  'DELETE /api/employers/mine/recruiters/:userId': ['employer'],
  'POST /api/employers/mine/leave': ['employer'],
  'GET /api/staff/employers': ['staff', 'admin'],
  'GET /api/staff/employers/:id': ['staff', 'admin'],
  'POST /api/staff/employers/:id/verify': ['staff', 'admin'],
  'POST /api/staff/employers/:id/reject': ['staff', 'admin'],
  'POST /api/staff/employers/:id/suspend': ['staff', 'admin'],
  'POST /api/staff/employers/:id/reinstate': ['staff', 'admin'],
  'POST /api/employer/vacancies': ['employer'],
  'GET /api/employer/vacancies': ['employer'],
  'GET /api/employer/vacancies/:id': ['employer'],
  'GET /api/employer/vacancies/:id/history': ['employer'],
  'PATCH /api/employer/vacancies/:id': ['employer'],
  'POST /api/employer/vacancies/:id/submit': ['employer'],
  'POST /api/employer/vacancies/:id/pause': ['employer'],
  'POST /api/employer/vacancies/:id/resume': ['employer'],
  'POST /api/employer/vacancies/:id/close': ['employer'],
  'POST /api/employer/vacancies/:id/fill': ['employer'],
  'GET /api/staff/vacancies/review-queue': ['staff', 'admin'],
  'GET /api/staff/vacancies/:id': ['staff', 'admin'],
  'POST /api/staff/vacancies/:id/approve': ['staff', 'admin'],
  'POST /api/staff/vacancies/:id/reject': ['staff', 'admin'],
  'GET /api/vacancy-options': ['public'],
  'GET /api/vacancies': ['public'],
  'GET /api/vacancies/:id': ['public'],
  'GET /api/vacancy-imports/template': ['employer', 'staff', 'admin'],
  'POST /api/employer/vacancy-imports': ['employer'],
  'POST /api/staff/employers/:id/vacancy-imports': ['staff', 'admin'],
};

/** Values for path parameters: well-formed but naming nothing, so allowed callers get past the guard to a 404 or 400. */
export const PATH_PARAMETER_VALUES: Record<string, string> = {
  queue: 'notifications',
  jobId: 'no-such-job',
};

/**
 * npm run screenshots: boots the real API with the built web app on a fresh
 * test database, fills it with a little demo data through HTTP, and saves a
 * PNG of every screen at phone (390×844) and desktop (1366×900) width into
 * screenshots/. Needs PostgreSQL at TEST_DATABASE_URL and Chromium.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import {
  approvedBooth,
  createFair,
  createStaffUser,
  eventually,
  employerBody,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  registerUser,
  TestApi,
  TestUser,
  vacancyBody,
} from '@jipin/testing';
import {
  chromiumPath,
  DESKTOP,
  launchChromium,
  openPage,
  PHONE,
  startWebApi,
} from '../apps/web/e2e/browser';
import { REPO_ROOT } from '@jipin/core';

const OUT = join(REPO_ROOT, 'screenshots');

interface Screen {
  name: string;
  path: string | ((ids: DemoIds) => string);
  as?: 'seeker' | 'employer' | 'staff';
}

interface DemoIds {
  vacancyId: string;
  applicationId: string;
  fairId: string;
  boothId: string;
}

const SCREENS: Screen[] = [
  { name: 'login', path: '/login' },
  { name: 'register', path: '/register' },
  { name: 'seeker-vacancies', path: '/' },
  { name: 'seeker-search', path: '/?q=装配' },
  { name: 'seeker-nearby', path: '/?tab=nearby', as: 'seeker' },
  { name: 'seeker-vacancy', path: (ids) => `/vacancies/${ids.vacancyId}`, as: 'seeker' },
  { name: 'seeker-me', path: '/me', as: 'seeker' },
  { name: 'seeker-resume', path: '/me/resume', as: 'seeker' },
  { name: 'seeker-applications', path: '/me/applications', as: 'seeker' },
  {
    name: 'seeker-application',
    path: (ids) => `/me/applications/${ids.applicationId}`,
    as: 'seeker',
  },
  { name: 'seeker-favourites', path: '/me/favourites', as: 'seeker' },
  { name: 'seeker-privacy', path: '/me/privacy', as: 'seeker' },
  { name: 'seeker-fairs', path: '/fairs', as: 'seeker' },
  { name: 'seeker-fair', path: (ids) => `/fairs/${ids.fairId}`, as: 'seeker' },
  { name: 'seeker-ticket', path: (ids) => `/fairs/${ids.fairId}/ticket`, as: 'seeker' },
  { name: 'employer-company', path: '/employer', as: 'employer' },
  { name: 'employer-vacancies', path: '/employer/vacancies', as: 'employer' },
  { name: 'employer-vacancy-new', path: '/employer/vacancies/new', as: 'employer' },
  {
    name: 'employer-vacancy-edit',
    path: (ids) => `/employer/vacancies/${ids.vacancyId}`,
    as: 'employer',
  },
  {
    name: 'employer-applicants',
    path: (ids) => `/employer/vacancies/${ids.vacancyId}/applicants`,
    as: 'employer',
  },
  {
    name: 'employer-applicant',
    path: (ids) => `/employer/applications/${ids.applicationId}`,
    as: 'employer',
  },
  { name: 'employer-import', path: '/employer/import', as: 'employer' },
  { name: 'employer-fairs', path: '/employer/fairs', as: 'employer' },
  { name: 'employer-booth', path: (ids) => `/employer/booths/${ids.boothId}`, as: 'employer' },
  { name: 'staff-dashboard', path: '/staff', as: 'staff' },
  { name: 'staff-employers', path: '/staff/employers', as: 'staff' },
  { name: 'staff-reviews', path: '/staff/reviews', as: 'staff' },
  { name: 'staff-assisted-registration', path: '/staff/seekers/new', as: 'staff' },
  { name: 'staff-failed-jobs', path: '/staff/jobs', as: 'staff' },
  { name: 'staff-fairs', path: '/staff/fairs', as: 'staff' },
  { name: 'staff-fair', path: (ids) => `/staff/fairs/${ids.fairId}`, as: 'staff' },
  { name: 'staff-fair-live', path: (ids) => `/staff/fairs/${ids.fairId}/live`, as: 'staff' },
  { name: 'staff-fair-door', path: (ids) => `/staff/fairs/${ids.fairId}/door`, as: 'staff' },
  { name: 'staff-statistics', path: '/staff/statistics', as: 'staff' },
  { name: 'staff-search-vocabulary', path: '/staff/search-vocabulary', as: 'staff' },
  { name: 'not-found', path: '/no-such-page' },
];

async function seed(api: TestApi): Promise<{ users: Record<string, TestUser>; ids: DemoIds }> {
  const staff = await createStaffUser(api, { name: '县就业局王科长' });
  const employer = await registerEmployer(api, {
    staff,
    overrides: { name: '吉水县恒达电子有限公司' },
  });
  const vacancyId = await publishVacancy(api, employer);
  await publishVacancy(api, employer, {
    title: '仓库叉车司机',
    occupationCode: '4-02-06-04',
    pay: { min: 5000, max: 7000, unit: 'month' },
    headcount: 3,
  });
  await publishVacancy(api, employer, {
    title: '道路保洁（日结）',
    kind: 'gig',
    occupationCode: '4-09-08-02',
    pay: { min: 150, max: 180, unit: 'day' },
    welfareTags: ['日结工资'],
  });
  // Held for review: the requirements mention marital status.
  await api.post(
    '/api/employer/vacancies',
    vacancyBody({ submit: true, requirements: '身体健康，婚否不限' }),
    {
      token: employer.owner.token,
    },
  );
  // A company waiting for verification.
  const pending = await registerUser(api, 'employer', '刘经理');
  await api.post('/api/employers', employerBody({ name: '吉水县绿源农业合作社' }), {
    token: pending.token,
  });
  const seeker = await registerSeekerWithProfile(api, {
    name: '张建国',
    birthDate: '1972-03-15',
    skills: ['电焊', '叉车'],
  });
  const applied = await api.post(
    '/api/applications',
    { vacancyId, coverNote: '有三年焊工经验，可随时到岗' },
    { token: seeker.token },
  );
  await api.put(`/api/favourites/${vacancyId}`, undefined, { token: seeker.token });
  await api.post(
    `/api/employer/applications/${applied.body.id}/status`,
    { status: 'interviewing', note: '请于周一上午9点到厂区面试' },
    { token: employer.owner.token },
  );
  // A fair on today: a booth, the seeker's ticket, check-in and an intent at the booth.
  const fairId = await createFair(api, staff, {
    overrides: { title: '2026年春风行动专场招聘会', venue: '吉水县人力资源市场一楼大厅' },
  });
  const booth = await approvedBooth(api, staff, fairId, employer.owner, [vacancyId], {
    boothNumber: 7,
  });
  const ticket = await api.post(`/api/fairs/${fairId}/registrations`, undefined, {
    token: seeker.token,
  });
  await api.post(
    `/api/staff/fairs/${fairId}/check-ins`,
    { ticketCode: ticket.body.ticketCode },
    { token: staff.token },
  );
  await api.post(
    `/api/employer/booths/${booth.id}/intents`,
    { ticketCode: ticket.body.ticketCode, vacancyId },
    { token: employer.owner.token },
  );
  return {
    users: { seeker, employer: employer.owner, staff },
    ids: { vacancyId, applicationId: applied.body.id, fairId, boothId: booth.id },
  };
}

async function signedIn(
  browser: Browser,
  api: TestApi,
  user: TestUser | undefined,
  viewport: typeof PHONE,
) {
  const { context, page } = await openPage(browser, api, viewport);
  if (user) {
    await page.goto('/not-a-page-just-for-storage');
    await page.evaluate((pair) => localStorage.setItem('jipin.tokens', JSON.stringify(pair)), {
      accessToken: user.token,
      refreshToken: user.refreshToken,
      expiresIn: 900,
    });
  }
  return { context, page };
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('[data-state="loading"]')
    .first()
    .waitFor({ state: 'detached', timeout: 10000 })
    .catch(() => undefined);
  await page.waitForTimeout(300); // charts and transitions
}

async function main(): Promise<void> {
  if (!chromiumPath())
    throw new Error('No Chromium: apt-get install chromium (or set CHROMIUM_PATH)');
  mkdirSync(OUT, { recursive: true });
  const api = await startWebApi('screenshots');
  const browser = await launchChromium();
  try {
    // The worker carries the published vacancies into search, so the lists are not empty.
    await api.startWorker();
    const { users, ids } = await seed(api);
    await eventually(async () => (await api.get('/api/search/vacancies')).body.total >= 3, 60_000);
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      for (const screen of SCREENS) {
        const { context, page } = await signedIn(
          browser,
          api,
          screen.as && users[screen.as],
          viewport,
        );
        const path = typeof screen.path === 'function' ? screen.path(ids) : screen.path;
        await page.goto(path);
        await settle(page);
        const file = join(OUT, `${screen.name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await api.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

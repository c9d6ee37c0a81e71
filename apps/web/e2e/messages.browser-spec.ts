import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Browser, Page } from 'playwright-core';
import { JobAlertDigestService } from '@jipin/alerts';
import { chinaToday } from '@jipin/seekers';
import {
  createStaffUser,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  shiftDays,
  TEST_PASSWORD,
  TestApi,
  TestEmployer,
  TestSeeker,
  TestUser,
} from '@jipin/testing';
import { browserSkip, DESKTOP, launchChromium, login, openPage, startWebApi } from './browser';

/**
 * Issue 18, done when: a seeker finds a vacancy and calls or applies; the
 * recruiter sees the applicant in the inbox with a badge; they talk, the
 * recruiter invites, the seeker accepts; the next day's alert brings a new ad.
 */
const skip = browserSkip();
let api: TestApi;
let browser: Browser;
let employer: TestEmployer;
let seeker: TestSeeker;
let seekerPage: Page;
let employerPage: Page;
let vacancyId: string;
let staff: TestUser;

beforeAll(async () => {
  if (skip) return;
  api = await startWebApi('web-messages');
  await api.startWorker();
  browser = await launchChromium();
  staff = await createStaffUser(api);
  employer = await registerEmployer(api, { staff });
  vacancyId = await publishVacancy(api, employer, {
    title: '电子设备装配工',
    contactName: '王经理',
  });
  seeker = await registerSeekerWithProfile(api);
  seekerPage = (await openPage(browser, api)).page;
  employerPage = (await openPage(browser, api)).page;
  await login(seekerPage, seeker.phone, TEST_PASSWORD);
  await login(employerPage, employer.owner.phone, TEST_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

(skip ? describe.skip : describe)('a seeker reaches an employer', () => {
  test('the vacancy page has a call button with a tel: link and the bureau hotline', async () => {
    const page = seekerPage;
    await page.goto(`/vacancies/${vacancyId}`);
    await page.locator('[data-test="hotline"]').getByText('0796-12333').waitFor();
    await page.locator('[data-test="reveal-phone"]').click();
    const href = await page.locator('[data-test="call"]').getAttribute('href');
    assert.match(href ?? '', /^tel:1\d{10}$/);
  });

  test('the seeker applies; the recruiter sees a badge and the applicant in the inbox', async () => {
    await seekerPage.locator('[data-test="apply"]').click();
    await seekerPage.locator('[data-test="confirm-apply"]').click();
    await seekerPage.locator('[data-test="message-employer"]').waitFor();
    await employerPage.goto('/employer/vacancies');
    await employerPage.locator('[data-test="new-count"]').getByText('新应聘 1').waitFor();
    const badge = employerPage.locator('[data-test="tab-/employer/inbox"] [data-test="tab-badge"]');
    await badge.getByText('1').waitFor();
    await employerPage.locator('[data-test="tab-/employer/inbox"]').click();
    await employerPage.locator('[data-test="new-applicant"]').getByText('电子设备装配工').waitFor();
  });

  test('they exchange messages; the recruiter invites and the seeker accepts', async () => {
    await seekerPage.locator('[data-test="message-employer"]').click();
    await seekerPage.waitForURL('**/messages/*');
    const threadUrl = new URL(seekerPage.url()).pathname;
    await seekerPage.locator('[data-test="quick-still_hiring"]').click();
    await seekerPage.locator('[data-test="message"]').getByText('这个岗位还招人吗').waitFor();

    await employerPage.goto('/employer/inbox');
    await employerPage.locator('[data-test="thread"]').first().click();
    await employerPage.locator('[data-test="message"]').getByText('这个岗位还招人吗').waitFor();
    await employerPage.locator('[data-test="message-input"] input').fill('还在招，欢迎明天来面试');
    await employerPage.locator('[data-test="send"]').click();
    await employerPage.locator('[data-test="message"]').getByText('欢迎明天来面试').waitFor();
    await employerPage.locator('[data-test="invite"]').click();
    const tomorrow = shiftDays(chinaToday(), 1);
    await employerPage.locator('[data-test="invite-at"]').fill(`${tomorrow}T09:30`);
    await employerPage.locator('[data-test="invite-place"] input').fill('城西工业园区1号办公楼');
    await employerPage.locator('[data-test="send-invitation"]').click();
    await employerPage.locator('[data-test="invitation"]').getByText('等待对方答复').waitFor();

    await seekerPage.goto('/messages');
    await seekerPage.locator('[data-test="tab-/messages"] [data-test="tab-badge"]').waitFor();
    await seekerPage.goto(threadUrl);
    await seekerPage.locator('[data-test="message"]').getByText('欢迎明天来面试').waitFor();
    await seekerPage.locator('[data-test="accept-invitation"]').click();
    await seekerPage.locator('[data-test="invitation-accepted"]').waitFor();
    // The recruiter sees the seeker read the reply.
    await employerPage.reload();
    await employerPage.locator('[data-test="invitation-accepted"]').waitFor();
    await employerPage.locator('[data-test="message"]').getByText('已读').first().waitFor();
    // Accepting moved the application to the interview stage.
    await seekerPage.goto('/me/applications');
    await seekerPage.getByText('面试中').first().waitFor();
  });

  test("the seeker saves a search and gets the next day's alert for a new matching ad", async () => {
    const page = seekerPage;
    await page.goto('/me/alerts');
    await page.locator('[data-test="alert-keyword"] input').fill('叉车');
    await page.locator('[data-test="alert-save"]').click();
    await page.locator('[data-test="alert"]').getByText('叉车').waitFor();
    const fresh = await publishVacancy(api, employer, { title: '叉车司机' });
    await api.app.get(JobAlertDigestService).run(shiftDays(chinaToday(), 1));
    await page.reload();
    await page.locator('[data-test="digest"]').getByText('叉车司机').click();
    await page.waitForURL(`**/vacancies/${fresh}`);
  });

  test('the seeker reports the thread with a reason they choose; staff read it only with a purpose (logged)', async () => {
    await seekerPage.goto('/messages');
    await seekerPage.locator('[data-test="thread"]').first().click();
    await seekerPage.getByText('举报').click();
    const sheet = seekerPage.locator('[data-test="report-sheet"]');
    for (const name of ['骚扰', '诈骗', '其他']) await sheet.getByText(name).waitFor();
    await seekerPage.locator('[data-test="report-reason-other"]').click();
    await seekerPage.locator('[data-test="send-report"]').click();
    await seekerPage.getByText('举报原因选“其他”时请写明情况').waitFor();
    await seekerPage.locator('[data-test="report-reason-harassment"]').click();
    await seekerPage.locator('[data-test="report-note"] textarea').fill('半夜连续发消息');
    await seekerPage.locator('[data-test="send-report"]').click();
    await seekerPage.getByText('已提交举报').waitFor();
    const reports = await api.dataSource.query(`select reason, note from message_reports`);
    assert.deepEqual(reports, [{ reason: 'harassment', note: '半夜连续发消息' }]);
    const staffPage = (await openPage(browser, api, DESKTOP)).page;
    await login(staffPage, staff.phone, TEST_PASSWORD);
    await staffPage.goto('/staff/message-reports');
    await staffPage.getByRole('button', { name: '查看会话' }).click();
    await staffPage.getByText('查看会话须说明事由').waitFor();
    await staffPage.getByPlaceholder('如：核实诈骗举报').fill('核实诈骗举报');
    await staffPage.getByRole('button', { name: '查看会话' }).click();
    await staffPage.getByText('欢迎明天来面试').waitFor();
    const reads = await api.dataSource.query(
      `select actor_user_id, subject_user_id, purpose from pii_access_log where field = 'messages'
        and route = 'GET /api/staff/message-reports/:id/thread'`,
    );
    assert.deepEqual(reads, [
      { actor_user_id: staff.userId, subject_user_id: seeker.userId, purpose: '核实诈骗举报' },
    ]);
  });
});

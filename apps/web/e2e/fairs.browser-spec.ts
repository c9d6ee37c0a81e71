import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Browser, Page } from 'playwright-core';
import {
  createFair,
  createStaffUser,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  TestApi,
  TestEmployer,
  TestSeeker,
  TestUser,
} from '@jipin/testing';
import {
  browserSkip,
  choose,
  DESKTOP,
  fill,
  launchChromium,
  login,
  openPage,
  startWebApi,
} from './browser';

const skip = browserSkip();
let api: TestApi;
let browser: Browser;
let staff: TestUser;
let employer: TestEmployer;
let seeker: TestSeeker;
let fairId: string;
let staffPage: Page;
let livePage: Page;
let employerPage: Page;
let seekerPage: Page;
let ticketCode: string;
const FAIR_TITLE = '2026年春风行动专场招聘会';

const liveValue = (key: string) => livePage.locator(`[data-test="live-${key}"] .value`).innerText();

/** The live screen polls every 5 s; wait until the figure reads `expected`. */
async function liveShows(key: string, expected: string): Promise<void> {
  await livePage.waitForFunction(
    ([k, value]) =>
      document.querySelector(`[data-test="live-${k}"] .value`)?.textContent?.startsWith(value),
    [key, expected],
    { timeout: 15_000 },
  );
}

beforeAll(async () => {
  if (skip) return;
  api = await startWebApi('web-fairs');
  browser = await launchChromium();
  staff = await createStaffUser(api);
  employer = await registerEmployer(api, { staff, overrides: { name: '吉水县恒达电子有限公司' } });
  await publishVacancy(api, employer, { title: '电子设备装配工', headcount: 20 });
  seeker = await registerSeekerWithProfile(api, { name: '张三' });
  fairId = await createFair(api, staff, { status: 'ongoing', overrides: { title: FAIR_TITLE } });
  staffPage = (await openPage(browser, api, DESKTOP)).page;
  livePage = (await openPage(browser, api, DESKTOP)).page;
  employerPage = (await openPage(browser, api)).page;
  seekerPage = (await openPage(browser, api)).page;
  await login(staffPage, staff.phone, staff.password);
  await login(livePage, staff.phone, staff.password);
  await login(employerPage, employer.owner.phone, employer.owner.password);
  await login(seekerPage, seeker.phone, seeker.password);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

(skip ? describe.skip : describe)(
  'a fair day: booth, ticket, check-in, intent and the live numbers',
  () => {
    test('the employer applies for a booth and staff approve it with a booth number', async () => {
      await employerPage.goto('/employer/fairs');
      const card = employerPage.locator('[data-test="employer-fair"]', { hasText: FAIR_TITLE });
      await card.locator('[data-test="apply-booth"]').click();
      await employerPage.locator('[data-test="confirm-booth"]').click();
      await card.locator('[data-test="booth-status"]', { hasText: '待审核' }).waitFor();

      await staffPage.goto('/staff/fairs');
      await staffPage
        .locator('[data-test="fair-row"]', { hasText: FAIR_TITLE })
        .getByRole('button', { name: '管理' })
        .click();
      const row = staffPage.locator('[data-test="booth-row"]', { hasText: '恒达电子' });
      await row.locator('input').fill('7');
      await row.locator('[data-test="approve-booth"]').click();
      await row.getByText('7号').waitFor();
    });

    test('the live screen starts at nobody checked in and no intents', async () => {
      await livePage.goto(`/staff/fairs/${fairId}/live`);
      await liveShows('positions', '20');
      assert.equal(await liveValue('checkIns'), '0人');
      assert.equal(await liveValue('peopleWithIntents'), '0人');
    });

    test('the seeker registers for the fair and sees the QR ticket', async () => {
      await seekerPage.goto('/fairs');
      await seekerPage.locator('[data-test="fair-card"]', { hasText: FAIR_TITLE }).click();
      await seekerPage
        .locator('[data-test="fair-vacancy"]', { hasText: '电子设备装配工' })
        .waitFor();
      await seekerPage.locator('[data-test="register-fair"]').click();
      await seekerPage.waitForURL(`**/fairs/${fairId}/ticket`);
      const qr = seekerPage.locator('[data-test="ticket-qr"]');
      await qr.waitFor();
      const width = await qr.evaluate((img: HTMLImageElement) => img.naturalWidth);
      assert.ok(width > 100, `the QR image is drawn (${width}px wide)`);
      ticketCode = (await seekerPage.locator('[data-test="ticket"] .code').innerText()).trim();
      assert.match(ticketCode, /^\d{4}-\d{4}$/, 'a code that can be read aloud');
      const ticket = seekerPage.locator('[data-test="ticket"]');
      assert.equal(await ticket.locator('h1').innerText(), FAIR_TITLE);
      await ticket.locator('[data-test="ticket-venue"]').waitFor();
      assert.match(
        await ticket.locator('[data-test="ticket-time"]').innerText(),
        /\d{4}年\d{1,2}月\d{1,2}日/,
      );
      assert.match(await ticket.locator('[data-test="ticket-holder"]').innerText(), /^测\*+$/);
      await ticket.locator('[data-test="booth-map"]').waitFor();
    });

    test('staff check the seeker in at the door by scanning the ticket; a second scan says so', async () => {
      await staffPage.goto(`/staff/fairs/${fairId}/door`);
      const input = staffPage.locator('input[name="ticketCode"]');
      await input.fill(ticketCode);
      await input.press('Enter');
      const result = staffPage.locator('[data-test="check-in-result"]');
      await result.getByText('签到成功').waitFor();
      // The door shows the account's name (the one given at sign-up).
      assert.match(await result.innerText(), /测试用户/);
      await input.fill(ticketCode);
      await input.press('Enter');
      await result.getByText('已签到过').waitFor();

      await seekerPage.reload();
      await seekerPage.locator('[data-test="checked-in"]').waitFor();
    });

    test('a wrong ticket code is explained at the door, and the previous person’s result is gone', async () => {
      const input = staffPage.locator('input[name="ticketCode"]');
      const result = staffPage.locator('[data-test="check-in-result"]');
      assert.match(await result.innerText(), /已签到过/);
      await input.fill('not-a-ticket');
      await input.press('Enter');
      const error = await staffPage.locator('[data-test="check-in-error"]').innerText();
      assert.match(error, /门票码/);
      const shown = await result.innerText();
      assert.doesNotMatch(shown, /已签到过|测试用户/, 'only this scan’s result is on the screen');
    });

    test('a code read aloud over the counter (typed with a space) is read back at the door', async () => {
      const input = staffPage.locator('input[name="ticketCode"]');
      await input.fill(ticketCode.replace('-', ' '));
      await input.press('Enter');
      const result = staffPage.locator('[data-test="check-in-result"]');
      await result.getByText('已签到过').waitFor();
      assert.equal(await staffPage.locator('[data-test="check-in-error"]').count(), 0);
      const name = staffPage.locator('[data-test="check-in-name"]');
      assert.match(await name.innerText(), /测试用户/);
      const size = await name.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      assert.ok(size >= 48, `the name is large enough to check from a step away (${size}px)`);
    });

    test('the recruiter records an intent at the booth by the ticket code', async () => {
      await employerPage.goto('/employer/fairs');
      await employerPage.locator('[data-test="open-booth"]').click();
      await fill(employerPage, 'ticketCode', ticketCode);
      await choose(employerPage, 'vacancyId', '电子设备装配工');
      await employerPage.locator('[data-test="record-intent"]').click();
      await employerPage.locator('[data-test="recorded-intent"]', { hasText: '张三' }).waitFor();
    });

    test("staff see the fair's numbers change on the live screen without reloading", async () => {
      await liveShows('checkIns', '1');
      await liveShows('peopleWithIntents', '1');
      assert.match(await livePage.locator('table.grid').innerText(), /7\s+吉水县恒达电子有限公司/);
    });
  },
);

(skip ? describe.skip : describe)('the statistics screen counts the fair', () => {
  test("this year's indicators show the fair, its positions and the person with an intent", async () => {
    await staffPage.goto('/staff/statistics');
    const table = staffPage.locator('[data-test="indicators"]');
    await table.waitFor();
    const row = (name: string) => table.locator('tr', { hasText: name }).first().innerText();
    assert.match(await row('举办招聘会'), /\s1场/);
    assert.match(await row('招聘会汇集岗位'), /\s20个/);
    assert.match(await row('招聘会达成就业意向'), /\s1人/);
  });
});

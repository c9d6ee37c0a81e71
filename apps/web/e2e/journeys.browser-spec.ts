import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Browser, Page } from 'playwright-core';
import {
  createStaffUser,
  eventually,
  lastSmsCode,
  residentId,
  TEST_PASSWORD,
  TestApi,
  TestUser,
  uniqueCreditCode,
  uniquePhone,
} from '@jipin/testing';
import {
  browserSkip,
  choose,
  DESKTOP,
  fieldError,
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
let employerPage: Page;
let staffPage: Page;
let seekerPage: Page;
const employerPhone = uniquePhone();
const seekerPhone = uniquePhone();
const companyName = '吉水县恒达电子有限公司';
const vacancyTitle = '电子设备装配工';

/** Signs up through the register page, reading the SMS code the log driver sent. */
async function signUp(page: Page, phone: string, role: '求职者' | '招聘单位', name: string) {
  await page.goto('/register');
  await page.getByText(role, { exact: false }).first().click();
  await fill(page, 'phone', phone);
  await page.locator('[data-test="send-code"]').click();
  await page.getByText('验证码已发送').waitFor();
  await fill(page, 'code', lastSmsCode(api, phone));
  await fill(page, 'name', name);
  await fill(page, 'password', TEST_PASSWORD);
  await page.getByRole('button', { name: '注册', exact: true }).click();
}

beforeAll(async () => {
  if (skip) return;
  api = await startWebApi('web-journeys');
  // The worker carries vacancy changes to the search index (when the API has one) and notifications.
  await api.startWorker();
  browser = await launchChromium();
  staff = await createStaffUser(api, { name: '县就业局王科长' });
  employerPage = (await openPage(browser, api)).page;
  staffPage = (await openPage(browser, api, DESKTOP)).page;
  seekerPage = (await openPage(browser, api)).page;
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

(skip ? describe.skip : describe)('an employer posts a vacancy and staff approve it', () => {
  test('the employer signs up with an SMS code and registers the company, which waits for verification', async () => {
    const page = employerPage;
    await signUp(page, employerPhone, '招聘单位', '王经理');
    await page.waitForURL('**/employer');
    await fill(page, 'name', companyName);
    await fill(page, 'creditCode', uniqueCreditCode());
    await fill(page, 'industry', '电子元器件制造');
    await choose(page, 'size', '100-299人');
    await choose(page, 'townshipCode', '文峰镇');
    await fill(page, 'address', '吉水县城西工业园区1号');
    await fill(page, 'licence.legalRepresentative', '王建国');
    await fill(page, 'contactPhone', uniquePhone());
    await page.locator('[data-test="save-employer"]').click();
    await assert.doesNotReject(
      page.locator('[data-test="employer-status"]', { hasText: '待审核' }).waitFor(),
    );
  });

  test('a vacancy from an unverified company goes to the review queue, and the page says so', async () => {
    const page = employerPage;
    await page.goto('/employer/vacancies/new');
    await fill(page, 'title', vacancyTitle);
    await choose(page, 'occupationCode', '电子设备装配');
    await fill(page, 'headcount', '20');
    await fill(page, 'pay.min', '4000');
    await fill(page, 'pay.max', '6500');
    await fill(page, 'description', '负责手机主板插件、焊接和装配，按作业指导书操作，有师傅带教。');
    await choose(page, 'townshipCode', '文峰镇');
    await fill(page, 'address', '吉水县城西工业园区1号');
    await fill(page, 'contactName', '李主管');
    await fill(page, 'contactPhone', uniquePhone());
    await page.locator('[data-test="submit-vacancy"]').click();
    await page.locator('[data-test="vacancy-status"]', { hasText: '待审核' }).waitFor();
  });

  test('staff verify the company and approve the vacancy from the console', async () => {
    const page = staffPage;
    await login(page, staff.phone, staff.password);
    await page.waitForURL('**/staff');
    await page.getByRole('link', { name: '单位认证' }).click();
    const row = page.locator('[data-test="employer-row"]', { hasText: companyName });
    await row.locator('[data-test="verify"]').click();
    await page.locator('.van-dialog').getByRole('button', { name: '确认' }).click();
    await row.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: '岗位审核' }).click();
    const review = page.locator('[data-test="review-row"]', { hasText: companyName });
    await review.locator('[data-test="approve"]').click();
    await page.locator('.van-dialog').getByRole('button', { name: '确认' }).click();
    await review.waitFor({ state: 'detached' });

    const published = await api.get('/api/vacancies?keyword=' + encodeURIComponent(vacancyTitle));
    assert.equal(published.body.total, 1);
  });
});

(skip ? describe.skip : describe)(
  'a seeker finds the vacancy, applies and follows the application',
  () => {
    test('the seeker signs up and fills in the résumé', async () => {
      const page = seekerPage;
      await signUp(page, seekerPhone, '求职者', '张三');
      await page.waitForURL('**/me/resume');
      await fill(page, 'name', '张三');
      await fill(page, 'idNumber', residentId('1978-04-12', 'male'));
      await choose(page, 'household', '农村户籍');
      await choose(page, 'townshipCode', '阜田镇');
      await fill(page, 'skills', '电焊，叉车');
      await page.locator('[data-test="save-resume"]').click();
      await page.getByText('简历已保存').waitFor();
      const [profile] = await api.dataSource.query(
        `select skills, household, township_code from seeker_profiles where name = '张三'`,
      );
      assert.deepEqual(
        [profile.skills.length, profile.household, profile.township_code],
        [2, 'rural', '360822101000'],
      );
    });

    test('a Chinese query finds the vacancy, and the seeker applies from its page', async () => {
      const page = seekerPage;
      await page.goto('/');
      await page.locator('input[type="search"]').fill('装配');
      const card = page.locator('[data-test="vacancy-card"]', { hasText: vacancyTitle });
      // A search index is updated by the worker a moment after the approval: search again until then.
      await eventually(async () => {
        await page.locator('[data-test="search"]').click();
        return card.waitFor({ timeout: 1000 }).then(
          () => true,
          () => false,
        );
      });
      // The search API highlights the matched words.
      await card.locator('em', { hasText: '装配' }).first().waitFor();
      await card.click();
      await page.getByRole('heading', { name: vacancyTitle }).waitFor();
      await page.locator('[data-test="apply"]').click();
      await page.locator('.van-popup textarea').fill('有三年焊工经验，可随时到岗');
      await page.locator('[data-test="confirm-apply"]').click();
      await page.getByText('已投递：已投递').waitFor();
    });

    test('typing part of a title offers it as a suggestion', async () => {
      const page = seekerPage;
      await page.goto('/');
      await page.locator('input[type="search"]').fill('电子');
      await page.locator('[data-test="suggestions"]', { hasText: vacancyTitle }).waitFor();
    });

    test('a query that only partly matches says so; one that matches nothing offers a way on', async () => {
      const page = seekerPage;
      await page.goto('/');
      await page.locator('input[type="search"]').fill('装配 夜班');
      await page.locator('[data-test="search"]').click();
      await page.getByText('没有完全符合的岗位，以下是部分符合的').waitFor();
      await page.getByText('未能匹配：夜班').waitFor();
      await page.locator('[data-test="vacancy-card"]', { hasText: vacancyTitle }).first().waitFor();
      await page.locator('input[type="search"]').fill('宇航员');
      await page.locator('[data-test="search"]').click();
      await page.getByText('没有找到与“宇航员”有关的岗位').waitFor();
      await page.getByText('最新发布的岗位').waitFor();
      await page.locator('[data-test="vacancy-card"]', { hasText: vacancyTitle }).first().waitFor();
      await page.locator('.related .van-tag').first().waitFor();
    });

    test('my applications list it as sent', async () => {
      const page = seekerPage;
      await page.goto('/me/applications');
      await page
        .locator('[data-test="application"]', { hasText: vacancyTitle })
        .getByText('已投递')
        .waitFor();
    });

    test('the employer opens the applicant and invites them to an interview; the seeker sees it', async () => {
      const page = employerPage;
      await page.goto('/employer/vacancies');
      await page
        .locator('[data-test="own-vacancy"]', { hasText: vacancyTitle })
        .getByRole('button', { name: '应聘者' })
        .click();
      await page.locator('[data-test="applicant"]', { hasText: '张三' }).click();
      await page.locator('[data-test="applicant-status"]', { hasText: '已查看' }).waitFor();
      await page.locator('[data-test="move-interviewing"]').click();
      await page.locator('[data-test="applicant-status"]', { hasText: '面试中' }).waitFor();

      await seekerPage.goto('/me/applications');
      await seekerPage.locator('[data-test="application"]', { hasText: vacancyTitle }).click();
      await seekerPage.locator('[data-test="application-status"]', { hasText: '面试中' }).waitFor();
      await seekerPage.getByText('已查看').first().waitFor();
    });
  },
);

(skip ? describe.skip : describe)('form errors are shown next to the field, in Chinese', () => {
  test('a wrong phone number on sign-up is explained under the phone field', async () => {
    const { page, context } = await openPage(browser, api);
    await page.goto('/register');
    await fill(page, 'phone', '12345');
    await fill(page, 'code', '123456');
    await fill(page, 'name', '李四');
    await fill(page, 'password', TEST_PASSWORD);
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await assert.doesNotReject(fieldError(page, 'phone').getByText('手机号格式不正确').waitFor());
    await context.close();
  });

  test('a wrong credit code and a missing legal representative are marked on their fields', async () => {
    const { page, context } = await openPage(browser, api);
    await signUp(page, uniquePhone(), '招聘单位', '赵经理');
    await page.waitForURL('**/employer');
    await fill(page, 'name', '吉水县测试商贸有限公司');
    await fill(page, 'creditCode', '91360822MA35XXXXX1');
    await fill(page, 'industry', '批发零售');
    await choose(page, 'size', '20人以下');
    await choose(page, 'townshipCode', '文峰镇');
    await fill(page, 'address', '吉水县文峰镇解放路8号');
    await fill(page, 'contactPhone', uniquePhone());
    await page.locator('[data-test="save-employer"]').click();
    await fieldError(page, 'licence.legalRepresentative')
      .getByText('请填写法定代表人姓名')
      .waitFor();
    await fill(page, 'licence.legalRepresentative', '赵刚');
    await page.locator('[data-test="save-employer"]').click();
    const creditError = await fieldError(page, 'creditCode').innerText();
    assert.match(creditError, /信用代码/);
    await context.close();
  });
});

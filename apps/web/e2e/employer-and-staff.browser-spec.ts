import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Browser, Page } from 'playwright-core';
import {
  createStaffUser,
  daysFromToday,
  registerEmployer,
  registerSeekerWithProfile,
  residentId,
  TestApi,
  TestEmployer,
  TestUser,
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
let employer: TestEmployer;
let employerPage: Page;

async function fillVacancy(page: Page, title: string, requirements: string): Promise<void> {
  await page.goto('/employer/vacancies/new');
  await fill(page, 'title', title);
  await choose(page, 'occupationCode', '电子设备装配');
  await fill(page, 'headcount', '5');
  await fill(page, 'pay.min', '3800');
  await fill(page, 'pay.max', '5000');
  await fill(page, 'description', '负责流水线产品的组装和检验，按作业指导书操作。');
  await fill(page, 'requirements', requirements);
  await choose(page, 'townshipCode', '文峰镇');
  await fill(page, 'address', '吉水县城西工业园区1号');
  await fill(page, 'contactName', '李主管');
  await fill(page, 'contactPhone', uniquePhone());
  await page.locator('[data-test="submit-vacancy"]').click();
}

beforeAll(async () => {
  if (skip) return;
  api = await startWebApi('web-employer-staff');
  browser = await launchChromium();
  staff = await createStaffUser(api);
  employer = await registerEmployer(api, { staff });
  employerPage = (await openPage(browser, api)).page;
  await login(employerPage, employer.owner.phone, employer.owner.password);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

(skip ? describe.skip : describe)('the vacancy editor shows why an ad is refused or held', () => {
  test('a gender restriction is refused, with the reason under the requirements field', async () => {
    await fillVacancy(employerPage, '包装工', '限男性，能吃苦耐劳');
    const error = fieldError(employerPage, 'requirements');
    await error.waitFor();
    assert.match(await error.innerText(), /性别/);
    assert.equal((await api.get('/api/vacancies')).body.total, 0);
  });

  test('a mention of marital status holds the ad for review, and the review reason is shown', async () => {
    await fillVacancy(employerPage, '检验员', '身体健康，婚否不限');
    await employerPage.locator('[data-test="vacancy-status"]', { hasText: '待审核' }).waitFor();
    const reasons = await employerPage.locator('[data-test="review-reasons"]').innerText();
    assert.match(reasons, /涉及婚育状况/);
  });

  test('staff see the held ad in the review queue with the same reason', async () => {
    const { page, context } = await openPage(browser, api, DESKTOP);
    await login(page, staff.phone, staff.password);
    await page.goto('/staff/reviews');
    const row = page.locator('[data-test="review-row"]', { hasText: '检验员' });
    assert.match(await row.innerText(), /涉及婚育状况/);
    await context.close();
  });
});

(skip ? describe.skip : describe)('Excel/CSV import lists the rows it could not take', () => {
  test('row by row: the good row is imported and the bad one is listed with its line and reasons', async () => {
    const header =
      '岗位名称*,职业*,岗位类型*,招聘人数*,最低薪资*,最高薪资*,计薪单位*,工作乡镇*,工作地点*,联系人*,联系电话*,开始日期*,截止日期*,岗位描述*';
    const good = `质检员,电子设备装配工,全职,3,4000,5000,月,文峰镇,城西工业园区1号,李主管,${uniquePhone()},${daysFromToday(0)},${daysFromToday(30)},负责来料和成品的外观检验与记录`;
    const bad = `,电子设备装配工,全职,3,4000,5000,月,文峰镇,城西工业园区1号,李主管,123,${daysFromToday(0)},${daysFromToday(30)},负责来料和成品的外观检验与记录`;
    const file = join(mkdtempSync(join(tmpdir(), 'jipin-import-')), '岗位.csv');
    writeFileSync(file, '\ufeff' + [header, good, bad].join('\r\n'));

    await employerPage.goto('/employer/import');
    await employerPage.locator('.van-uploader input[type="file"]').setInputFiles(file);
    await employerPage.locator('[data-test="import-upload"]').click();
    const report = employerPage.locator('[data-test="import-report"]');
    await report.waitFor().catch(async (error: unknown) => {
      const shown = await employerPage.locator('.form-error').allInnerTexts();
      throw new Error(`no import report; the page says: ${shown.join(' | ')}`, { cause: error });
    });
    const text = await report.innerText();
    assert.match(text, /导入 1 个/);
    assert.match(text, /第 3 行/);
    assert.match(text, /岗位名称/);
    assert.match(text, /联系电话/);
  });
});

(skip ? describe.skip : describe)('staff register a person at the township window', () => {
  test('without consent the form says so next to the consent field; with it the person is registered', async () => {
    const { page, context } = await openPage(browser, api, DESKTOP);
    await login(page, staff.phone, staff.password);
    await page.goto('/staff/seekers/new');
    const phone = uniquePhone();
    await fill(page, 'phone', phone);
    await fill(page, 'name', '刘桂兰');
    await fill(page, 'idNumber', residentId('1968-09-02', 'female'));
    await choose(page, 'household', '农村户籍');
    await choose(page, 'townshipCode', '阜田镇');
    await page.locator('[data-test="assisted-submit"]').click();
    await fieldError(page, 'consent.method').waitFor();

    await choose(page, 'consent.method', '本人书面签字');
    await page.locator('[data-test="assisted-submit"]').click();
    await page.locator('[data-test="assisted-done"]', { hasText: '刘桂兰' }).waitFor();
    const [row] = await api.dataSource.query(
      `select consent_method, registered_by from seeker_profiles where name = '刘桂兰'`,
    );
    assert.deepEqual([row.consent_method, row.registered_by], ['signed_paper', staff.userId]);
    await context.close();
  });
});

(skip ? describe.skip : describe)('a seeker keeps favourites and can delete the account', () => {
  test('deleting needs the typed confirmation, shown under the field; then the account is gone', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const { page, context } = await openPage(browser, api);
    await login(page, seeker.phone, seeker.password);
    await page.goto('/me/privacy');
    await fill(page, 'confirm', '删除');
    await page.getByRole('button', { name: '注销账号' }).click();
    await fieldError(page, 'confirm').getByText('确认注销').waitFor();

    await fill(page, 'confirm', '确认注销');
    await page.getByRole('button', { name: '注销账号' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const [profile] = await api.dataSource.query(
      `select anonymised_at from seeker_profiles where id = $1`,
      [seeker.profileId],
    );
    assert.ok(profile.anonymised_at);
    await context.close();
  });
});

(skip ? describe.skip : describe)('the web app is served with the API', () => {
  test('a deep link to a page loads the app, while an unknown API path stays a JSON 404', async () => {
    const page = await fetch(`${api.baseUrl}/me/applications`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="app">/);
    const missing = await api.get('/api/no-such-thing');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'not_found');
  });
});

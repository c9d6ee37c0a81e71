import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Browser } from 'playwright-core';
import { createStaffUser, TestApi, TestUser } from '@jipin/testing';
import {
  browserSkip,
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

beforeAll(async () => {
  if (skip) return;
  api = await startWebApi('web-search-vocabulary');
  browser = await launchChromium();
  staff = await createStaffUser(api);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

(skip ? describe.skip : describe)('the search vocabulary in the staff console', () => {
  test('staff add a word, see a conflict under its field, edit and remove it', async () => {
    const { page, context } = await openPage(browser, api, DESKTOP);
    await login(page, staff.phone, staff.password);
    await page.goto('/staff');
    await page.getByRole('link', { name: '搜索词库' }).click();
    await page.getByRole('heading', { name: '搜索词库' }).waitFor();

    // Two different jobs made one: refused, and said under the synonyms field.
    await fill(page, 'word', '厨师');
    await fill(page, 'synonyms', '司机');
    await page.getByRole('button', { name: '保存' }).click();
    const conflict = fieldError(page, 'synonyms');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /不同的工种/);

    await fill(page, 'word', '勤杂工');
    await fill(page, 'synonyms', '打杂，杂工');
    await page.getByRole('button', { name: '保存' }).click();
    const row = page.locator('.vocabulary-entries tr', { hasText: '勤杂工' });
    await row.waitFor();
    assert.match(await row.innerText(), /打杂、杂工/);
    assert.equal(
      (await api.get('/api/staff/search-vocabulary', { token: staff.token })).body.length,
      1,
    );

    await row.getByRole('button', { name: '修改' }).click();
    await fill(page, 'synonyms', '打杂');
    await page.getByRole('button', { name: '保存' }).click();
    const history = page.locator('.panel', { hasText: '修改记录' });
    await history.locator('td', { hasText: /^修改$/ }).waitFor();
    assert.doesNotMatch(await row.innerText(), /杂工、|、杂工/);

    await row.getByRole('button', { name: '删除' }).click();
    await page.locator('.van-dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText('还没有工作人员添加的词条').waitFor();
    await history.locator('td', { hasText: /^删除$/ }).waitFor();
    await context.close();
  });
});

import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Browser } from 'playwright-core';
import {
  createFair,
  createStaffUser,
  residentId,
  TestApi,
  TestUser,
  uniquePhone,
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

/** Issue 19: a person registered at the window leaves with a ticket printed on one A6 card. */
const skip = browserSkip();
let api: TestApi;
let browser: Browser;
let staff: TestUser;
const FAIR_TITLE = '春风行动阜田专场';

beforeAll(async () => {
  if (skip) return;
  api = await startWebApi('web-window-ticket');
  browser = await launchChromium();
  staff = await createStaffUser(api);
  await createFair(api, staff, { overrides: { title: FAIR_TITLE } });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** Width and height in points of the first page of a PDF. */
function pageSize(pdf: Buffer): [number, number] {
  const box = pdf.toString('latin1').match(/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  assert.ok(box, 'the PDF has a page size');
  return [Number(box[1]), Number(box[2])];
}

(skip ? describe.skip : describe)('the window prints an A6 ticket', () => {
  test('from 代为登记 to a printed card: masked name, code in two groups, one A6 page', async () => {
    const { page, context } = await openPage(browser, api, DESKTOP);
    await login(page, staff.phone, staff.password);
    await page.goto('/staff/seekers/new');
    await fill(page, 'phone', uniquePhone());
    await fill(page, 'name', '刘桂兰');
    await fill(page, 'idNumber', residentId('1968-09-02', 'female'));
    await choose(page, 'household', '农村户籍');
    await choose(page, 'townshipCode', '阜田镇');
    await choose(page, 'consent.method', '本人书面签字');
    await page.locator('[data-test="assisted-submit"]').click();
    await page.locator('[data-test="assisted-done"]', { hasText: '刘桂兰' }).waitFor();

    await choose(page, 'fairId', FAIR_TITLE);
    await page.locator('[data-test="window-ticket"]').click();
    const card = page.locator('[data-test="paper-ticket"]');
    await card.waitFor();
    assert.match(await card.innerText(), new RegExp(FAIR_TITLE));
    assert.equal(await card.locator('[data-test="ticket-holder"]').innerText(), '刘**');
    assert.match(await card.locator('[data-test="ticket-code"]').innerText(), /^\d{4}-\d{4}$/);
    assert.match(await card.innerText(), /时间：\d{4}年\d{1,2}月\d{1,2}日/);

    // Printed: the console's menu and buttons are left out, and the card is one A6 sheet.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.staff aside').isVisible(), false);
    assert.equal(await page.locator('[data-test="print"]').isVisible(), false);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const [width, height] = pageSize(pdf);
    assert.ok(Math.abs(width - 297.6) < 2 && Math.abs(height - 419.5) < 2, `${width}×${height} pt`);
    assert.equal(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length, 1, 'one page');
    await context.close();
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Browser, Page } from 'playwright-core';
import { NotificationService } from '@jipin/notifications';
import { RegionsService } from '@jipin/regions';
import { createStaffUser, TestApi, TestUser } from '@jipin/testing';
import { generateLedgerYear, ledgerWorkbook } from '../../../scripts/ledger/ledger-year';
import { browserSkip, DESKTOP, launchChromium, login, openPage, startWebApi } from './browser';

/** The staff console's 台账导入 and 求职者台账 pages, in Chromium against the real API. */
const skip = browserSkip();
let api: TestApi;
let browser: Browser;
let staff: TestUser;
let page: Page;

function saved(name: string, data: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'jipin-ledger-')), name);
  writeFileSync(path, data);
  return path;
}

async function upload(path: string, mode: '全部正确才导入' | '逐行导入'): Promise<void> {
  await page.goto('/staff/ledger-import');
  await page.locator('.van-radio', { hasText: mode }).click();
  await page.locator('.van-uploader input[type="file"]').setInputFiles(path);
  await page.locator('[data-test="import-upload"]').click();
}

beforeAll(async () => {
  if (skip) return;
  api = await startWebApi('web-ledgers');
  browser = await launchChromium();
  staff = await createStaffUser(api);
  page = (await openPage(browser, api, DESKTOP)).page;
  await login(page, staff.phone, staff.password);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

(skip ? describe.skip : describe)('台账导入 and 求职者台账 pages', () => {
  const ledgers = () =>
    generateLedgerYear({
      year: new Date().getFullYear() - 1,
      people: 30,
      fairs: 2,
      employers: 4,
      townships: api.app.get(RegionsService).allTownships(),
    }).rows;

  test('a ledger with a bad row is refused whole, and the page names the sheet, line and reason', async () => {
    const rows = ledgers();
    rows.people[2] = { ...rows.people[2], township: '北京市' };
    await upload(saved('台账.xlsx', await ledgerWorkbook(rows)), '全部正确才导入');
    const refused = page.locator('[data-test="ledger-refused"]');
    await refused.waitFor();
    assert.match(await refused.innerText(), /未导入任何数据/);
    const error = page.locator('[data-test="ledger-error"]', { hasText: '人员台账' }).first();
    assert.match(await error.innerText(), /第 4 行/);
    assert.match(await error.innerText(), /“北京市”不是本县的乡镇/);
    assert.equal((await api.get('/api/staff/seekers', { token: staff.token })).body.total, 0);
  });

  test('row by row imports the good rows and shows the counts; the 台账 page lists and filters them', async () => {
    const rows = ledgers();
    rows.people[2] = { ...rows.people[2], township: '北京市' };
    await upload(saved('台账.xlsx', await ledgerWorkbook(rows)), '逐行导入');
    const report = page.locator('[data-test="ledger-report"]');
    await report.waitFor();
    const text = await report.innerText();
    assert.match(
      text,
      new RegExp(`人员台账\\s+${rows.people.length}\\s+${rows.people.length - 1}\\s+0`),
    );
    const bad = page.locator('[data-test="ledger-error"]', { hasText: '人员台账' }).first();
    assert.match(await bad.innerText(), /第 4 行/);

    await page.goto('/staff/seekers');
    const total = page.locator('[data-test="ledger-total"]');
    await total.waitFor();
    assert.match(await total.innerText(), new RegExp(`共 ${rows.people.length - 1} 人`));
    const first = page.locator('[data-test="ledger-row"]').first();
    assert.match(await first.innerText(), /\d{4}\*{13}[\dX]/);
    const name = String(rows.people[0].name);
    await page.locator('[data-test="ledger-name"]').fill(name);
    await page.locator('[data-test="ledger-search"]').click();
    await page.locator('[data-test="ledger-row"]', { hasText: name }).first().waitFor();
    for (const row of await page.locator('[data-test="ledger-row"]').allInnerTexts())
      assert.ok(row.includes(name), row);
  });

  test('纸质通知: a notice for a person without a phone is listed, then handed over', async () => {
    const [person] = await api.dataSource.query(
      `select p.user_id as "userId", p.name from seeker_profiles p join users u on u.id = p.user_id
        where u.phone_index is null limit 1`,
    );
    await api.app.get(NotificationService).notify({
      userId: person.userId,
      kind: 'fair_invitation',
      title: '金秋招聘月邀请',
      body: '10月20日在县人力资源市场举办招聘会',
      dedupeKey: 'browser-paper-notice',
    });
    await page.goto('/staff/paper-notices');
    const row = page.locator('[data-test="notice-row"]', { hasText: '金秋招聘月邀请' });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(person.name));
    await page.locator('[data-test="notices-handed"]').click();
    await page.getByText('没有待打印的通知').waitFor();
  });

  test('the template downloads as an .xlsx', async () => {
    await page.goto('/staff/ledger-import');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="template-all"]').click(),
    ]);
    assert.equal(file.suggestedFilename(), '台账导入模板.xlsx');
  });
});

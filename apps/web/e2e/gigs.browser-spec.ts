import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Browser, Page } from 'playwright-core';
import {
  createStaffUser,
  eventually,
  FUTIAN,
  FUTIAN_VILLAGE,
  registerSeekerWithProfile,
  TestApi,
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

/**
 * Done when (issue 21): a farmer posts a gig for tomorrow on a phone → three
 * nearby workers are told → two accept, one is wait-listed → the farmer checks
 * them in and out and records pay → the station screen and the statistics show it.
 */
const skip = browserSkip();
let api: TestApi;
let browser: Browser;
let farmer: TestSeeker;
let staff: TestUser;
let farmerPage: Page;
const workers: Record<string, { seeker: TestSeeker; page: Page }> = {};
let farFromHere: TestSeeker;
let gigId: string;
const TITLE = '摘果';

beforeAll(async () => {
  if (skip) return;
  api = await startWebApi('web-gigs');
  await api.startWorker();
  browser = await launchChromium();
  farmer = await registerSeekerWithProfile(api, { name: '王大伯', townshipCode: FUTIAN });
  staff = await createStaffUser(api, { townshipCode: FUTIAN, name: '阜田镇窗口小刘' });
  const tomorrow = new Date(Date.now() + 8 * 3600e3 + 86400e3).toISOString().slice(0, 10);
  for (const [name, villageCode] of [
    ['张三', FUTIAN_VILLAGE],
    ['李四', '360822101202'],
    ['赵五', '360822101203'],
  ]) {
    const seeker = await registerSeekerWithProfile(api, { name });
    const saved = await api.put(
      '/api/gig-worker/me',
      { townshipCode: FUTIAN, villageCode, radiusKm: 15, availableDates: [tomorrow] },
      { token: seeker.token },
    );
    assert.equal(saved.status, 200);
    const { page } = await openPage(browser, api);
    workers[name] = { seeker, page };
  }
  farFromHere = await registerSeekerWithProfile(api, { name: '远处的人' });
  await api.put(
    '/api/gig-worker/me',
    { townshipCode: '360822200000', radiusKm: 5, availableDates: [tomorrow] },
    { token: farFromHere.token },
  );
  farmerPage = (await openPage(browser, api)).page;
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const toldAbout = async (seeker: TestUser): Promise<boolean> =>
  (await api.get('/api/notifications', { token: seeker.token })).body.items.some(
    (n: { kind: string; link: string }) => n.kind === 'gig_offer' && n.link === `/gigs/${gigId}`,
  );

(skip ? describe.skip : describe)('a farmer fills a gig for tomorrow through the phone', () => {
  test('the farmer posts on a phone in one short form', async () => {
    const page = farmerPage;
    await login(page, farmer.phone, farmer.password);
    await page.goto('/gigs');
    await page.locator('[data-test="post-gig"]').click();
    await page.waitForURL('**/gigs/post');
    await page.locator('.chips .van-tag', { hasText: TITLE }).click();
    await fill(page, 'payAmount', '160');
    await page.locator('.van-stepper input').fill('2');
    await choose(page, 'townshipCode', '阜田镇');
    await choose(page, 'villageCode', '樟树村委会');
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.waitForURL(/\/gigs\/[0-9a-f-]+\/manage$/);
    gigId = page.url().split('/').at(-2)!;
    await page.locator('[data-test="filled"]', { hasText: '0 / 2 人' }).waitFor();
  });

  test('the three nearby workers are told; the far one is not', async () => {
    for (const { seeker } of Object.values(workers)) await eventually(() => toldAbout(seeker));
    assert.equal(await toldAbout(farFromHere), false);
  });

  test('two accept with one tap, the third is wait-listed', async () => {
    for (const [name, expected] of [
      ['张三', '接单成功'],
      ['李四', '接单成功'],
      ['赵五', '候补第1位'],
    ]) {
      const { seeker, page } = workers[name];
      await login(page, seeker.phone, seeker.password);
      await page.goto(`/gigs/${gigId}`);
      await page.locator('[data-test="accept"]').click();
      await page.getByText(expected).waitFor();
    }
    const list = await api.get(`/api/gigs/${gigId}/assignments`, { token: farmer.token });
    assert.deepEqual(
      list.body.map((w: { workerName: string; status: string }) => [w.workerName, w.status]),
      [
        ['张三', 'accepted'],
        ['李四', 'accepted'],
        ['赵五', 'waitlisted'],
      ],
    );
  });

  test('the wait-listed worker and the farmer talk through messages', async () => {
    const { page } = workers['赵五'];
    await page.goto('/gigs/mine');
    await page.locator('[data-test="message-poster"]').click();
    await page.waitForURL('**/messages/*');
    await page.locator('[data-test="message-input"] input').fill('有人不来的话我明早可以顶上');
    await page.locator('[data-test="send"]').click();
    await page.locator('[data-test="message"]').getByText('我明早可以顶上').waitFor();

    await farmerPage.reload();
    await farmerPage.locator('[data-worker="赵五"] [data-test="message-worker"]').click();
    await farmerPage.waitForURL('**/messages/*');
    assert.equal(farmerPage.url(), page.url(), 'both sides are in the same thread');
    await farmerPage.locator('[data-test="message"]').getByText('我明早可以顶上').waitFor();
    assert.equal(await farmerPage.locator('[data-test="invite"]').count(), 0);
    await farmerPage.locator('[data-test="message-input"] input').fill('好，手机别关机');
    await farmerPage.locator('[data-test="send"]').click();
    await page.reload();
    await page.locator('[data-test="message"]').getByText('手机别关机').waitFor();
    await farmerPage.goto(`/gigs/${gigId}/manage`);
  });

  test('on the day the farmer checks the two in and out and records their pay', async () => {
    // Tomorrow comes: the gig starts now.
    await api.dataSource.query(
      `update gigs set start_date = (now() at time zone 'Asia/Shanghai')::date,
         end_date = (now() at time zone 'Asia/Shanghai')::date,
         starts_at = now() - interval '5 minutes' where id = $1`,
      [gigId],
    );
    const page = farmerPage;
    await page.reload();
    await page.locator('[data-test="filled"]', { hasText: '2 / 2 人' }).waitFor();
    await page.locator('[data-worker="赵五"]', { hasText: '候补第1位' }).waitFor();
    for (const name of ['张三', '李四']) {
      const row = page.locator(`[data-worker="${name}"]`);
      await row.getByRole('button', { name: '签到' }).click();
      await row.getByText('签到 ').waitFor();
      await row.getByRole('button', { name: '签退' }).click();
      await row.getByText('签退 ').waitFor();
      await row.getByRole('button', { name: '记工资' }).click();
      await page.locator('.van-dialog').getByRole('button', { name: '确认' }).click();
      await row.getByText('已付 160 元').waitFor();
    }
  });

  test('the station screen and the statistics show it', async () => {
    const { page } = await openPage(browser, api, DESKTOP);
    await login(page, staff.phone, staff.password);
    await page.goto('/staff/gig-station');
    const row = page.locator(`tr[data-gig="${gigId}"]`);
    await row.waitFor();
    for (const text of ['张三', '李四', '已签到', '已付160元', '2/2', '王**（个人）'])
      await row.getByText(text).first().waitFor();
    await page.goto('/staff/statistics');
    const figures = page.locator('[data-test="gig-figures"]');
    await figures.locator('[data-figure="flexibleEmployed"]', { hasText: '2' }).waitFor();
    await figures.locator('[data-figure="payPaid"]', { hasText: '320' }).waitFor();
    await figures.getByText('实现灵活就业2人').waitFor();
  });

  test('a worker says when and where they are free with the same day and place picker', async () => {
    const { page } = await openPage(browser, api);
    await login(page, farFromHere.phone, farFromHere.password);
    await page.goto('/gigs/availability');
    // Tomorrow, as saved before, is ticked once the page has loaded.
    await page.locator('[role="checkbox"][aria-checked="true"]', { hasText: '明天' }).waitFor();
    await page.getByRole('checkbox', { name: '今天' }).click();
    await choose(page, 'townshipCode', '阜田镇');
    await choose(page, 'villageCode', '樟树村委会');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.waitForURL(/\/gigs$/);
    const saved = await api.get('/api/gig-worker/me', { token: farFromHere.token });
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
    assert.deepEqual([...saved.body.availableDates].sort(), [today, chinaTomorrowOf(today)]);
    assert.equal(saved.body.townshipCode, FUTIAN);
    assert.equal(saved.body.villageCode, FUTIAN_VILLAGE);
  });
});

function chinaTomorrowOf(day: string): string {
  return new Date(Date.parse(day) + 86400e3).toISOString().slice(0, 10);
}

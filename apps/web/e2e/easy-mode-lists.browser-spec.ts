import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Browser, Page } from 'playwright-core';
import { eventually, publishVacancy, registerEmployer, TestApi } from '@jipin/testing';
import { browserSkip, launchChromium, openPage, startWebApi } from './browser';

/** Issue 19, 长辈模式: fewer, larger items per screen on the vacancy list. */
const skip = browserSkip();
let api: TestApi;
let browser: Browser;
const TITLES = ['包装工', '仓库管理员', '保洁员', '电工', '叉车司机', '厨工', '缝纫工', '搬运工'];
const WELFARE = ['五险一金', '包吃', '包住'];
const listRequests: URL[] = [];

beforeAll(async () => {
  if (skip) return;
  api = await startWebApi('web-easy-mode-lists');
  await api.startWorker();
  browser = await launchChromium();
  const employer = await registerEmployer(api);
  for (const title of TITLES) await publishVacancy(api, employer, { title, welfareTags: WELFARE });
  await eventually(
    async () => (await api.get('/api/search/vacancies')).body.total === TITLES.length,
    60_000,
  );
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** Cards whose whole box is on the first screen, their title size and welfare tags shown. */
async function firstScreen(page: Page) {
  await page.locator('[data-test="vacancy-card"]').first().waitFor();
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll<HTMLElement>('[data-test="vacancy-card"]')];
    const visible = cards.filter((card) => card.getBoundingClientRect().bottom <= innerHeight);
    const title = cards[0].querySelector<HTMLElement>('.title')!;
    const tags = [...cards[0].querySelectorAll('.van-tag')].map((t) => t.textContent!.trim());
    return {
      visible: visible.length,
      titleSize: parseFloat(getComputedStyle(title).fontSize),
      tags,
    };
  });
}

(skip ? describe.skip : describe)('长辈模式 shows fewer, larger items per screen', () => {
  test('the vacancy list: fewer whole cards on the first screen, bigger titles, one welfare tag, ten per load', async () => {
    const { context, page } = await openPage(browser, api);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/search/vacancies') listRequests.push(url);
    });
    await page.goto('/');
    const normal = await firstScreen(page);
    // The normal first page comes with the page itself (the server draws it), twenty jobs.
    const given = await page.locator('#jipin-first-data').getAttribute('data-url');
    assert.equal(new URL(given!, api.baseUrl).searchParams.get('pageSize'), '20');
    assert.equal(listRequests.length, 0);

    await page.locator('[data-test="easy-mode"]').click();
    await page.reload();
    const easy = await firstScreen(page);
    assert.equal(listRequests.at(-1)?.searchParams.get('pageSize'), '10');

    assert.ok(easy.visible < normal.visible, `easy ${easy.visible} < normal ${normal.visible}`);
    assert.ok(easy.visible >= 1, 'at least one whole card');
    assert.ok(easy.titleSize >= 22 && easy.titleSize > normal.titleSize);
    const welfareShown = (tags: string[]) => tags.filter((t) => WELFARE.includes(t)).length;
    assert.equal(welfareShown(normal.tags), 3);
    assert.equal(welfareShown(easy.tags), 1);
    await context.close();
  });
});

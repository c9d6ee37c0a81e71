import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Browser, Page } from 'playwright-core';
import {
  eventually,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  TestApi,
  TestEmployer,
  TestSeeker,
  uniquePhone,
} from '@jipin/testing';
import { browserSkip, choose, fill, launchChromium, login, openPage, startWebApi } from './browser';

/** Issue 19: a weak network, older eyes and long forms, as the seeker and the employer meet them. */
const skip = browserSkip();
let api: TestApi;
let browser: Browser;
let employer: TestEmployer;
let seeker: TestSeeker;
let vacancyId: string;
const VACANCY_TITLE = '食品包装工';

beforeAll(async () => {
  if (skip) return;
  api = await startWebApi('web-everyday-use');
  // The worker carries published vacancies to search.
  await api.startWorker();
  browser = await launchChromium();
  employer = await registerEmployer(api);
  vacancyId = await publishVacancy(api, employer, { title: VACANCY_TITLE });
  await publishVacancy(api, employer, { title: '仓库管理员' });
  seeker = await registerSeekerWithProfile(api);
  await eventually(async () => (await api.get('/api/search/vacancies')).body.total === 2, 60_000);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const storedTokens = (page: Page) => page.evaluate(() => localStorage.getItem('jipin.tokens'));

(skip ? describe.skip : describe)('a network failure is said as one and signs nobody out', () => {
  test('with the API unreachable, a signed-in seeker stays on the page and sees a network error with a retry', async () => {
    const { context, page } = await openPage(browser, api);
    await login(page, seeker.phone, seeker.password);
    await context.route('**/api/**', (route) => route.abort('internetdisconnected'));

    await page.goto('/me');
    const alert = page.locator('[data-test="network-error"]');
    await alert.getByText('网络连接失败，请检查网络后重试').waitFor();
    assert.equal(new URL(page.url()).pathname, '/me', 'not sent to the login page');
    assert.ok(await storedTokens(page), 'the session is kept');

    // The home page does not offer 登录/注册 to someone who is signed in.
    await page.goto('/');
    await alert.waitFor();
    assert.equal(await page.getByText('登录 / 注册').count(), 0);

    // The 招聘会 tab opens and says the network is down.
    await page.locator('[data-test="tab-/fairs"]').click();
    await page.waitForURL('**/fairs');
    await page.locator('[data-state="error"]').getByText('网络连接失败').waitFor();

    // The network comes back: 重试 brings the page, still signed in.
    await context.unroute('**/api/**');
    await page.goto('/me');
    await page.getByText('我的简历').waitFor();
    await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await alert.getByRole('button', { name: '重试' }).waitFor();
    await context.unroute('**/api/**');
    await alert.getByRole('button', { name: '重试' }).click();
    await page.getByText('退出登录').waitFor();
    await alert.waitFor({ state: 'detached' });
    assert.ok(await storedTokens(page));
    await context.close();
  });

  test('offline, the service worker serves the app and the last search results and vacancy read', async () => {
    const { context, page } = await openPage(browser, api);
    await page.goto('/');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Once the worker controls the page, what the page reads goes through it and is kept.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.locator('[data-test="vacancy-card"]', { hasText: VACANCY_TITLE }).waitFor();
    await page.goto(`/vacancies/${vacancyId}`);
    await page.getByRole('heading', { name: VACANCY_TITLE }).waitFor();

    await context.route('**/*', (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    await page.locator('[data-test="vacancy-card"]', { hasText: VACANCY_TITLE }).waitFor();
    await page.locator('[data-test="offline-copy"]').waitFor();
    await page.goto(`/vacancies/${vacancyId}`);
    await page.getByRole('heading', { name: VACANCY_TITLE }).waitFor();
    await context.close();
  });

  test('the offline page, for a phone that never opened the app, is in Chinese with a retry', async () => {
    const { context, page } = await openPage(browser, api);
    await page.goto('/offline.html');
    await page.getByRole('heading', { name: '网络连接失败' }).waitFor();
    await page.getByRole('button', { name: '重试' }).waitFor();
    await context.close();
  });
});

/** The contrast of each visible text's colour against the background it sits on. */
async function textReport(page: Page) {
  return page.evaluate(() => {
    const rgb = (colour: string) => {
      const [r, g, b, a] = (colour.match(/[\d.]+/g) ?? []).map(Number);
      return { r, g, b, a: a ?? 1 };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const c = [r, g, b].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const background = (element: Element | null): { r: number; g: number; b: number } => {
      for (let e = element; e; e = e.parentElement) {
        const colour = rgb(getComputedStyle(e).backgroundColor);
        if (colour.a > 0.5) return colour;
      }
      return { r: 255, g: 255, b: 255 };
    };
    const items: { text: string; size: number; contrast: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (!box.width || !box.height || style.visibility === 'hidden' || style.opacity === '0')
        continue;
      const [light, dark] = [luminance(rgb(style.color)), luminance(background(element))].sort(
        (a, b) => b - a,
      );
      items.push({
        text: text.slice(0, 20),
        size: parseFloat(style.fontSize),
        contrast: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100,
      });
    }
    return {
      items,
      bodySize: parseFloat(getComputedStyle(document.body).fontSize),
    };
  });
}

(skip ? describe.skip : describe)('text older eyes can read', () => {
  test('normal mode: 16 px body text and every text at WCAG AA contrast (4.5:1)', async () => {
    const { context, page } = await openPage(browser, api);
    await page.goto('/');
    await page.locator('[data-test="vacancy-card"]').first().waitFor();
    const report = await textReport(page);
    assert.equal(report.bodySize, 16);
    const pale = report.items.filter((i) => i.contrast < 4.5);
    assert.deepEqual(pale, [], 'texts below 4.5:1');
    const tiny = report.items.filter((i) => i.size < 12);
    assert.deepEqual(tiny, [], 'texts below 12 px');
    await context.close();
  });

  test('长辈模式 is one tap away, remembered, and makes every text 18 px or more at 7:1 or more', async () => {
    const { context, page } = await openPage(browser, api);
    await page.goto('/');
    await page.locator('[data-test="vacancy-card"]').first().waitFor();
    await page.locator('[data-test="easy-mode"]').click();
    await page.reload();
    await page.locator('[data-test="vacancy-card"]').first().waitFor();
    assert.equal(await page.locator('[data-test="easy-mode"]').innerText(), '标准模式');
    for (const path of ['/', `/vacancies/${vacancyId}`, '/fairs']) {
      await page.goto(path);
      await page.locator('.page').first().waitFor();
      await page.waitForLoadState('networkidle');
      const report = await textReport(page);
      const small = report.items.filter((i) => i.size < 18);
      assert.deepEqual(small, [], `${path}: texts below 18 px`);
      const pale = report.items.filter((i) => i.contrast < 7);
      assert.deepEqual(pale, [], `${path}: texts below 7:1`);
    }
    const toggle = await page.locator('[data-test="easy-mode"]').boundingBox();
    assert.ok(toggle && toggle.height >= 48, 'the toggle is a big touch target');
    await context.close();
  });

  test('朗读 reads the vacancy aloud in Mandarin', async () => {
    const { context, page } = await openPage(browser, api);
    // Records what is handed to the browser's speech synthesis (and still speaks it).
    await page.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      const speak = speechSynthesis.speak.bind(speechSynthesis);
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        spoken.push({ text: u.text, lang: u.lang });
        speak(u);
      };
    });
    await page.goto(`/vacancies/${vacancyId}`);
    await page.locator('[data-test="read-aloud"]').click();
    const spoken = await page.evaluate(
      () => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken,
    );
    assert.equal(spoken.length, 1);
    assert.equal(spoken[0].lang, 'zh-CN');
    assert.match(spoken[0].text, new RegExp(`^${VACANCY_TITLE}`));
    await context.close();
  });
});

(skip ? describe.skip : describe)('a long form says what is wrong where the eye is', () => {
  test('submitting the vacancy editor with an error scrolls to that field, focuses it and says so; the toast stays on its page', async () => {
    const { context, page } = await openPage(browser, api);
    await login(page, employer.owner.phone, employer.owner.password);
    await page.goto('/employer/vacancies');
    await page.getByRole('link', { name: '＋发布岗位' }).click();
    await page.waitForURL('**/employer/vacancies/new');
    await fill(page, 'title', '包装工');
    await choose(page, 'occupationCode', '电子设备装配');
    await fill(page, 'headcount', '0');
    await fill(page, 'pay.min', '4000');
    await fill(page, 'pay.max', '6500');
    await fill(page, 'description', '负责食品装袋、封口和装箱，有师傅带教。');
    await choose(page, 'townshipCode', '文峰镇');
    await fill(page, 'address', '吉水县城西工业园区1号');
    await fill(page, 'contactName', '李主管');
    await fill(page, 'contactPhone', uniquePhone());
    const submit = page.locator('[data-test="submit-vacancy"]');
    await submit.scrollIntoViewIfNeeded();
    await submit.click();

    const headcount = page.locator('.van-field__control[name="headcount"]');
    await page.locator('.van-toast', { hasText: '有 1 处需要修改' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'headcount');
    const box = await headcount.boundingBox();
    const viewport = page.viewportSize();
    assert.ok(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height, 'in view');

    // Back to the list inside the app: the editor's toast does not follow.
    await page.locator('[data-test="nav-back"]').click();
    await page.waitForURL((url) => url.pathname === '/employer/vacancies');
    await page.locator('.van-toast').waitFor({ state: 'hidden', timeout: 1000 });
    await context.close();
  });
});

import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Browser, BrowserContext, Response } from 'playwright-core';
import {
  eventually,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  TestApi,
} from '@jipin/testing';
import { browserSkip, launchChromium, login, PHONE, startWebApi } from './browser';

/*
 * Issue 19: on a first visit the app's first-load code comes inside index.html (one request
 * less, 1.5 s at the slow-3G profile), and once the service worker keeps it, pages come
 * without it (apps/web/build/inline-first-load.mjs, apps/api/http/web-app-page.ts).
 */
const skip = browserSkip();
let api: TestApi;
let browser: Browser;
let vacancyId: string;

beforeAll(async () => {
  if (skip) return;
  api = await startWebApi('web-first-visit');
  await api.startWorker();
  const employer = await registerEmployer(api);
  vacancyId = await publishVacancy(api, employer, { title: '电工' });
  await eventually(async () => (await api.get('/api/search/vacancies')).body.total === 1, 60_000);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** The first-load files the page carries, by the data-jipin-code attributes of a first visit. */
async function inlinedFiles(): Promise<string[]> {
  const html = await (await fetch(`${api.baseUrl}/`)).text();
  return [...html.matchAll(/data-jipin-code="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
}

function phoneContext(serviceWorkers: 'allow' | 'block'): Promise<BrowserContext> {
  return browser.newContext({ baseURL: api.baseUrl, viewport: PHONE, serviceWorkers });
}

(skip ? describe.skip : describe)('a first visit gets the app’s code inside the page', () => {
  test('the code runs from the page: one copy of the app, pages loaded later included', async () => {
    const inlined = await inlinedFiles();
    assert.ok(
      inlined.some((file) => /\/app-[^/]+\.js$/.test(file)),
      inlined.join(),
    );
    const seeker = await registerSeekerWithProfile(api);
    const context = await phoneContext('block');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));

    await page.goto('/');
    await page.locator('[data-test="vacancy-card"]').first().waitFor();
    // The login page is a chunk of its own that imports the first load by its address: if
    // that address were fetched, it would be a second app with a session of its own, and
    // the home page would not know the seeker had signed in.
    await login(page, seeker.phone, seeker.password);
    await page.goto('/');
    await page.locator('[data-test="vacancy-card"]').first().waitFor();
    await page.getByText('登录 / 注册').waitFor({ state: 'detached' });
    await page.locator('[data-test="tab-/fairs"]').click();
    await page.waitForURL('**/fairs');
    await page.getByText('招聘会').first().waitFor();
    await context.close();

    const order = `asked:\n${asked.join('\n')}`;
    for (const file of inlined) assert.ok(!asked.includes(file), `${file} fetched; ${order}`);
    assert.ok(
      asked.some((path) => /^\/assets\/LoginPage-.*\.js$/.test(path)),
      order,
    );
    assert.deepEqual(errors, []);
  });

  test('once the service worker keeps the code, a page comes without it', async () => {
    const context = await phoneContext('allow');
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('[data-test="vacancy-card"]').first().waitFor();
    const cookie = await eventually(async () => {
      const cookies = await context.cookies();
      return cookies.find((c) => c.name === 'jipin_code');
    }, 30_000);
    assert.ok((await inlinedFiles()).includes(`/assets/${cookie.value}`), cookie.value);

    const code: Response[] = [];
    page.on('response', (r) => void (/\/assets\/app-[^/]+\.js$/.test(r.url()) && code.push(r)));
    const document = await page.goto(`/vacancies/${vacancyId}`);
    const html = (await document?.text()) ?? '';
    assert.doesNotMatch(html, /data-jipin-code/);
    assert.ok(html.length < 40_000, `${html.length} characters`);
    await page.locator('[data-test="apply"]').waitFor();
    assert.ok(code.length > 0, 'the page asked for its code');
    assert.ok(
      code.every((r) => r.fromServiceWorker()),
      'the code came from the service worker',
    );
    await context.close();
  });

  test('a cookie naming no file of this build gets the page with its code', async () => {
    const [app] = (await inlinedFiles()).filter((file) => /\/app-/.test(file));
    const name = app.split('/').pop() ?? '';
    const pageWith = async (cookie: string) =>
      (await fetch(`${api.baseUrl}/me/resume`, { headers: { cookie } })).text();
    assert.doesNotMatch(await pageWith(`jipin_code=${name}`), /data-jipin-code/);
    for (const cookie of [
      'jipin_code=app-0ld0ld.js',
      'jipin_code=../../index.html',
      `jipin_code=${name}x`,
      `other=${name}`,
      `jipin_code=${'a'.repeat(5000)}.js`,
    ])
      assert.match(await pageWith(cookie), /data-jipin-code/, cookie);

    const first = await fetch(`${api.baseUrl}/`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(first.headers.get('content-encoding'), 'br');
    assert.match(first.headers.get('vary') ?? '', /cookie/i);
    // The blobs the code runs from are allowed; scripts from elsewhere still are not.
    const policy = first.headers.get('content-security-policy') ?? '';
    assert.match(policy, /script-src 'self' 'unsafe-inline' blob:/);
    assert.doesNotMatch(policy, /script-src[^;]*(https?:|\*)/);
  });
});

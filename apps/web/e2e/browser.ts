import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { TestApi } from '@jipin/testing';
import { REPO_ROOT } from '@jipin/core';

/** The built web app (npm run build:web), seen from dist/apps/web/e2e. */
export const WEB_DIST = join(REPO_ROOT, 'apps', 'web', 'dist');

/** Debian's Chromium; scripts/test.sh sets CHROMIUM_PATH, and says so when there is none. */
export function chromiumPath(): string | undefined {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/** Why browser tests cannot run here, or false when they can (the suites skip when it says why). */
export function browserSkip(): string | false {
  if (!chromiumPath()) return 'no Chromium (apt-get install chromium, or set CHROMIUM_PATH)';
  return false;
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

/** The real API serving the built web app, on its own fresh database. */
export async function startWebApi(label: string): Promise<TestApi> {
  if (!existsSync(join(WEB_DIST, 'index.html')))
    throw new Error(`The web app is not built at ${WEB_DIST}: run npm run build:web first`);
  return TestApi.start(label, { WEB_DIST });
}

export function launchChromium(args = CHROMIUM_FLAGS): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args });
}

/** A fresh browser profile (its own storage, so its own login) pointed at the API. */
export async function openPage(
  browser: Browser,
  api: TestApi,
  viewport = PHONE,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: api.baseUrl,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  // Generous: the machine running the suite may be busy with other tests.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  return { context, page };
}

/** The Vant field whose input has this name (a text input, or the read-only input of a picker). */
export function field(page: Page, name: string): Locator {
  return page
    .locator('.van-field', { has: page.locator(`.van-field__control[name="${name}"]`) })
    .first();
}

/** The error message shown under that field. */
export function fieldError(page: Page, name: string): Locator {
  return field(page, name).locator('.van-field__error-message');
}

export async function fill(page: Page, name: string, value: string): Promise<void> {
  await page.locator(`.van-field__control[name="${name}"]`).first().fill(value);
}

/** Opens an OptionField's sheet and taps the option with this text. */
export async function choose(page: Page, name: string, option: string): Promise<void> {
  await field(page, name).click();
  const sheet = page.locator('.van-action-sheet:visible');
  await sheet.locator('.van-action-sheet__item', { hasText: option }).first().click();
  await sheet.waitFor({ state: 'hidden' });
}

export async function login(page: Page, phone: string, password: string): Promise<void> {
  await page.goto('/login');
  await fill(page, 'phone', phone);
  await fill(page, 'password', password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * npm run lighthouse: boots the real API with the built web app on a fresh test database,
 * adds a few vacancies and a seeker, and measures the seeker's home, search, vacancy and
 * résumé pages with Lighthouse (mobile, slow 3G: 400 kbps, 400 ms, CPU ×4) in Debian's
 * Chromium. Exits 1 when a page misses a budget of issue 19. scripts/test.sh runs it.
 *
 * The same phone whatever the host does: the CPU slowdown is calibrated before each page
 * from Lighthouse's own benchmark index of this host at that moment (lighthouse-calibration
 * .ts), so a machine busy with other work gets less slowdown rather than a worse phone.
 * Throttling is applied (Lighthouse's "devtools" method: Chromium slows the page's thread
 * and its network), not simulated: Lantern multiplies each task's wall time, and on two
 * cores shared by the browser, Lighthouse and the API a page's task waits for a core or for
 * the browser process (a 142 ms layout held 22 ms of CPU), which it multiplied by six as if
 * the phone were computing (docs/benchmarks.md, "Lighthouse on two cores"). A page that
 * misses a budget is measured twice more and judged by the median of the three runs
 * (Lighthouse's advice on variance). Needs PostgreSQL at
 * TEST_DATABASE_URL and Chromium (CHROME_PATH or CHROMIUM_PATH, else /usr/bin/chromium).
 * LIGHTHOUSE_REPORT_DIR: where to keep each page's full report (JSON), to see what is slow.
 * LIGHTHOUSE_PAGES: a comma-separated subset of home,search,vacancy,resume.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { RunnerResult } from 'lighthouse';
import { Browser, BrowserContext, chromium } from 'playwright-core';
import {
  eventually,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  TestApi,
  TestSeeker,
} from '@jipin/testing';
import { CHROMIUM_FLAGS, launchChromium, startWebApi } from '../apps/web/e2e/browser';
import { calibratedCpuMultiplier } from './lighthouse-calibration';

const BUDGETS = { performance: 90, accessibility: 95, fcpMs: 3000, ttiMs: 5000 };
/**
 * Applied throttling delays each request, not each packet: Lighthouse's factors turn the
 * network's 400 ms round trip and 400 kbps into what Chromium applies per request (its
 * constants DEVTOOLS_RTT_ADJUSTMENT_FACTOR 3.75 and DEVTOOLS_THROUGHPUT_ADJUSTMENT_FACTOR
 * 0.9, as in its own applied mobile profile), so a page pays what it would on that network.
 */
const RTT_MS = 400;
const THROUGHPUT_KBPS = 400;
const SLOW_3G = {
  rttMs: RTT_MS,
  throughputKbps: THROUGHPUT_KBPS,
  requestLatencyMs: RTT_MS * 3.75,
  downloadThroughputKbps: THROUGHPUT_KBPS * 0.9,
  uploadThroughputKbps: THROUGHPUT_KBPS * 0.9,
};

/**
 * Chromium preloads its own omnibox popup (a WebUI page) in a renderer of its own, which ran
 * up to 6 s of script during a run, on the cores the measured page needs: not in a phone.
 */
const QUIET_BROWSER = [
  '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,OmniboxAimPopup',
];

interface Measured {
  page: string;
  performance: number;
  accessibility: number;
  fcpMs: number;
  ttiMs: number;
  tbtMs: number;
  speedIndexMs: number;
  /** The host's load average (1 minute) when the run ended. */
  load: number;
  benchmarkIndex: number;
  cpuSlowdownMultiplier: number;
  failures: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Lighthouse's CPU benchmark (the one it reports as benchmarkIndex), in the measured browser. */
async function hostBenchmarkIndex(profile: BrowserContext): Promise<number> {
  const { pageFunctions } = await import('lighthouse/core/lib/page-functions.js');
  const page = await profile.newPage();
  try {
    return await page.evaluate<number>(`(${pageFunctions.computeBenchmarkIndex.toString()})()`);
  } finally {
    await page.close();
  }
}

/** One Lighthouse run in a fresh browser profile; `seeker` signs in first (tokens in storage). */
async function measure(api: TestApi, name: string, path: string, seeker?: TestSeeker) {
  const port = await freePort();
  const browser: Browser = await launchChromium([
    ...CHROMIUM_FLAGS,
    ...QUIET_BROWSER,
    `--remote-debugging-port=${port}`,
  ]);
  try {
    // Lighthouse opens its tab in the browser's default profile: the tokens go there (a page
    // of browser.newPage() has a profile of its own, and the seeker would be measured on the
    // login page).
    const defaultProfile = (
      await chromium.connectOverCDP(`http://127.0.0.1:${port}`)
    ).contexts()[0];
    if (seeker) {
      const page = await defaultProfile.newPage();
      await page.goto(`${api.baseUrl}/offline.html`);
      await page.evaluate((pair) => localStorage.setItem('jipin.tokens', JSON.stringify(pair)), {
        accessToken: seeker.token,
        refreshToken: seeker.refreshToken,
        expiresIn: 900,
      });
      await page.close();
    }
    const benchmarkIndex = await hostBenchmarkIndex(defaultProfile);
    const cpuSlowdownMultiplier = calibratedCpuMultiplier(benchmarkIndex);
    const { default: lighthouse } = await import('lighthouse');
    const result = (await lighthouse(
      `${api.baseUrl}${path}`,
      { port, logLevel: 'error', output: 'json', disableStorageReset: !!seeker },
      {
        extends: 'lighthouse:default',
        settings: {
          onlyCategories: ['performance', 'accessibility'],
          formFactor: 'mobile',
          throttlingMethod: 'devtools',
          throttling: { ...SLOW_3G, cpuSlowdownMultiplier },
          locale: 'zh',
        },
      },
    )) as RunnerResult | undefined;
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const reportDir = process.env.LIGHTHOUSE_REPORT_DIR;
    if (reportDir) {
      const reportName = path === '/' ? 'home' : encodeURIComponent(path);
      mkdirSync(reportDir, { recursive: true });
      writeFileSync(join(reportDir, `${reportName}.json`), JSON.stringify(result.lhr));
      writeFileSync(
        join(reportDir, `${reportName}.trace.json`),
        JSON.stringify(result.artifacts.Trace),
      );
    }
    const { categories, audits } = result.lhr;
    const measured: Measured = {
      page: name,
      performance: Math.round((categories.performance.score ?? 0) * 100),
      accessibility: Math.round((categories.accessibility.score ?? 0) * 100),
      fcpMs: Math.round(audits['first-contentful-paint'].numericValue ?? Infinity),
      ttiMs: Math.round(audits.interactive.numericValue ?? Infinity),
      tbtMs: Math.round(audits['total-blocking-time'].numericValue ?? Infinity),
      speedIndexMs: Math.round(audits['speed-index'].numericValue ?? Infinity),
      load: Math.round(loadavg()[0] * 10) / 10,
      benchmarkIndex: Math.round(benchmarkIndex),
      cpuSlowdownMultiplier,
      failures: [],
    };
    const landed = new URL(result.lhr.finalDisplayedUrl);
    if (`${landed.pathname}${landed.search}` !== path)
      measured.failures.push(`measured ${landed.pathname} instead of ${path}`);
    if (measured.performance < BUDGETS.performance) measured.failures.push('performance');
    if (measured.accessibility < BUDGETS.accessibility) {
      const failing = Object.values(audits).filter(
        (a) => a.score === 0 && categories.accessibility.auditRefs.some((r) => r.id === a.id),
      );
      measured.failures.push(`accessibility (${failing.map((a) => a.id).join(', ')})`);
    }
    if (measured.fcpMs > BUDGETS.fcpMs) measured.failures.push('first contentful paint');
    if (measured.ttiMs > BUDGETS.ttiMs) measured.failures.push('time to interactive');
    return measured;
  } finally {
    await browser.close();
  }
}

/**
 * One run; when it misses a budget, two more, and the median run by performance.
 * LIGHTHOUSE_RUNS=N: N runs a page whatever the first gives (3 for benchmarks, 1 to look).
 */
async function judged(api: TestApi, name: string, path: string, seeker?: TestSeeker) {
  const runs = [await measure(api, name, path, seeker)];
  const fixed = Number(process.env.LIGHTHOUSE_RUNS);
  const wanted = fixed > 0 ? fixed : runs[0].failures.length ? 3 : 1;
  while (runs.length < wanted) runs.push(await measure(api, name, path, seeker));
  if (runs.length > 1) for (const run of runs) console.log(`  run: ${describe(run)}`);
  return runs.sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)];
}

function describe(r: Measured): string {
  return (
    `${r.page.padEnd(6, '　')} performance ${r.performance}  accessibility ${r.accessibility}  ` +
    `FCP ${r.fcpMs} ms  TTI ${r.ttiMs} ms  TBT ${r.tbtMs} ms  SI ${r.speedIndexMs} ms  ` +
    `(host benchmark ${r.benchmarkIndex}, CPU ×${r.cpuSlowdownMultiplier}, load ${r.load})  ` +
    `${r.failures.length ? 'OVER: ' + r.failures.join('; ') : 'ok'}`
  );
}

async function main(): Promise<void> {
  if (process.env.CHROME_PATH && !process.env.CHROMIUM_PATH)
    process.env.CHROMIUM_PATH = process.env.CHROME_PATH;
  const api = await startWebApi('lighthouse');
  try {
    await api.startWorker();
    const employer = await registerEmployer(api);
    const titles = ['电子设备装配工', '仓库管理员', '保洁员', '电工', '叉车司机'];
    const ids: string[] = [];
    for (const title of titles) ids.push(await publishVacancy(api, employer, { title }));
    const seeker = await registerSeekerWithProfile(api);
    await eventually(
      async () => (await api.get('/api/search/vacancies')).body.total === titles.length,
      60_000,
    );

    const pages: [string, string, string, TestSeeker?][] = [
      ['home', '首页', '/'],
      ['search', '搜索', `/?q=${encodeURIComponent('电工')}`],
      ['vacancy', '岗位详情', `/vacancies/${ids[0]}`],
      ['resume', '我的简历', '/me/resume', seeker],
    ];
    const wanted = process.env.LIGHTHOUSE_PAGES?.split(',');
    const results: Measured[] = [];
    for (const [key, name, path, as] of pages)
      if (!wanted || wanted.includes(key)) results.push(await judged(api, name, path, as));

    console.log(
      `Lighthouse, mobile, slow 3G (400 kbps, 400 ms RTT, CPU ×4 calibrated to the host), applied; budgets: ` +
        `performance ≥ ${BUDGETS.performance}, accessibility ≥ ${BUDGETS.accessibility}, ` +
        `FCP ≤ ${BUDGETS.fcpMs} ms, TTI ≤ ${BUDGETS.ttiMs} ms`,
    );
    for (const r of results) console.log(describe(r));
    if (results.some((r) => r.failures.length)) process.exitCode = 1;
  } finally {
    await api.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

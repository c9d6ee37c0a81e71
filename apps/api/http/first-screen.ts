import { SearchHit, VacancySearchResult } from '@jipin/search';
import { PAY_UNIT_NAMES, PayUnit, VacancyView } from '@jipin/vacancies';

/**
 * index.html with a page's first screen drawn from its data, and that data given to the app
 * (api/client.ts takes it for the same address): on a slow phone the seeker reads jobs about
 * as soon as the page arrives, not after the app's code (70 KB at 400 kbps) has come and run.
 * The marks are in apps/web/index.html.
 */
const DATA_MARK = '<!--first-data-->';
const VACANCY_MARK = '<!--first-screen-->';
const LIST_MARK = '<!--first-list-->';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** JSON inside <script>: no `</script>` or `<!--` can end or change it. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, ' ');

function payText(min: number, max: number, unit: string): string {
  return `${min === max ? min : `${min}-${max}`}${PAY_UNIT_NAMES[unit as PayUnit] ?? ''}`;
}

/** Replaced by functions: a `$&` or `$'` in an employer's text is text, not a pattern. */
function withData(indexHtml: string, dataUrl: string, data: unknown): string {
  const given =
    `<script type="application/json" id="jipin-first-data" ` +
    `data-url="${escapeHtml(dataUrl)}">${scriptJson(data)}</script>`;
  return indexHtml.replace(DATA_MARK, () => given);
}

export function vacancyFirstScreen(indexHtml: string, vacancy: VacancyView): string {
  const { min, max, unit } = vacancy.pay;
  const screen =
    `<div class="shell-vacancy"><h1>${escapeHtml(vacancy.title)}</h1>` +
    `<div class="shell-pay">${escapeHtml(payText(min, max, unit))}</div>` +
    `<div class="shell-employer">${escapeHtml(vacancy.employerName ?? '')}</div>` +
    `<p>${escapeHtml(vacancy.description)}</p></div>`;
  return withData(indexHtml, `/api/vacancies/${vacancy.id}`, vacancy)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(vacancy.title)} · 即聘</title>`)
    .replace(VACANCY_MARK, () => screen);
}

/** A result as plain links: a tap before the app has started opens the vacancy's page. */
function listCard(hit: SearchHit): string {
  return (
    `<a class="shell-hit" href="/vacancies/${encodeURIComponent(hit.id)}">` +
    `<b>${escapeHtml(hit.title)}</b>` +
    `<span>${escapeHtml(payText(hit.payMin, hit.payMax, hit.payUnit))}</span>` +
    `<div>${escapeHtml(hit.employerName)}</div></a>`
  );
}

/** The home page (or a search from it): the first page of results, as the app asks for it. */
export function homeFirstScreen(
  indexHtml: string,
  dataUrl: string,
  result: VacancySearchResult,
): string {
  const list = result.items.length
    ? `<div class="shell-list">${result.items.map(listCard).join('')}</div>`
    : '';
  return withData(indexHtml, dataUrl, result).replace(LIST_MARK, () => list);
}

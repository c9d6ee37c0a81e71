import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { isUUID } from 'class-validator';
import { FastifyReply, FastifyRequest } from 'fastify';
import { PAY_UNIT_NAMES, PublicVacancyService, VacancyView } from '@jipin/vacancies';

/** Where index.html takes the page's data (in <head>) and its first screen (in the shell). */
const DATA_MARK = '<!--first-data-->';
const SCREEN_MARK = '<!--first-screen-->';

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

function payText(vacancy: VacancyView): string {
  const { min, max, unit } = vacancy.pay;
  return `${min === max ? min : `${min}-${max}`}${PAY_UNIT_NAMES[unit] ?? ''}`;
}

/**
 * index.html with a public vacancy's text drawn in its first screen and its data given to
 * the app: on a slow phone the seeker reads the job about as soon as the page arrives,
 * not after the app's code (68 KB at 400 kbps) has come and run, and the app asks the
 * server for nothing more to show it.
 */
export function vacancyFirstScreen(indexHtml: string, vacancy: VacancyView): string {
  const data =
    `<script type="application/json" id="jipin-first-data" ` +
    `data-url="/api/vacancies/${vacancy.id}">${scriptJson(vacancy)}</script>`;
  const screen =
    `<div class="shell-vacancy"><h1>${escapeHtml(vacancy.title)}</h1>` +
    `<div class="shell-pay">${escapeHtml(payText(vacancy))}</div>` +
    `<div class="shell-employer">${escapeHtml(vacancy.employerName ?? '')}</div>` +
    `<p>${escapeHtml(vacancy.description)}</p></div>`;
  // Replaced by functions: a `$&` or `$'` in an employer's text is text, not a pattern.
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(vacancy.title)} · 即聘</title>`)
    .replace(DATA_MARK, () => data)
    .replace(SCREEN_MARK, () => screen);
}

/**
 * GET /vacancies/:id: the page with its first screen when the vacancy is public, else the
 * plain app (which says what became of it). Compressed here: the page is made per vacancy.
 */
export function vacancyPageHandler(indexHtml: () => string, vacancies: PublicVacancyService) {
  return async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const id = request.params.id;
    const vacancy = isUUID(id) ? await vacancies.get(id).catch(() => undefined) : undefined;
    if (!vacancy) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    const html = Buffer.from(vacancyFirstScreen(indexHtml(), vacancy));
    const accepted = String(request.headers['accept-encoding'] ?? '');
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-encoding');
    if (/\bbr\b/.test(accepted))
      return reply
        .header('content-encoding', 'br')
        .send(brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
    if (/\bgzip\b/.test(accepted))
      return reply.header('content-encoding', 'gzip').send(gzipSync(html));
    return reply.send(html);
  };
}

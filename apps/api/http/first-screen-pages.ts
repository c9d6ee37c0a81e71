import { createHash } from 'node:crypto';
import { isUUID } from 'class-validator';
import { FastifyReply, FastifyRequest } from 'fastify';
import { VacancySearchService } from '@jipin/search';
import { PublicVacancyService } from '@jipin/vacancies';
import { SearchVacanciesQuery } from '../dto/search.dto';
import { acceptedEncoding, compress, Encoding } from './compression';
import { homeFirstScreen, vacancyFirstScreen } from './first-screen';
import { createValidationPipe } from './validation.pipe';

/**
 * The pages sent with their first screen (first-screen.ts). When the data cannot be had
 * (a vacancy no longer public, a search refused or over its budget, the database down) the
 * plain app is sent, which asks for itself and says what is wrong. Compressed here: the
 * page is made per request.
 */
type PlainApp = (request: FastifyRequest, reply: FastifyReply) => FastifyReply;
/** index.html in the form this request gets (web-app-page.ts). */
type IndexHtml = (request: FastifyRequest) => string;

const validation = createValidationPipe();

/**
 * Pages made per request are mostly alike: the first visit's page carries the app's code
 * (280 KB, 10 ms of brotli), and the home page shows everyone the same first jobs until the
 * index changes. Each distinct page is compressed once; the oldest are dropped.
 */
const compressedPages = new Map<string, Buffer>();
const KEPT_PAGES = 64;

function compressedPage(html: string, encoding: Encoding): Buffer {
  const key = `${encoding}:${createHash('sha1').update(html).digest('base64')}`;
  let body = compressedPages.get(key);
  if (body === undefined) {
    body = compress(html, encoding);
    compressedPages.set(key, body);
    const oldest = compressedPages.keys().next().value;
    if (compressedPages.size > KEPT_PAGES && oldest !== undefined) compressedPages.delete(oldest);
  }
  return body;
}

function sendHtml(request: FastifyRequest, reply: FastifyReply, html: string) {
  void reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('vary', 'accept-encoding, cookie');
  const encoding = acceptedEncoding(request.headers['accept-encoding']);
  if (!encoding) return reply.send(html);
  return reply.header('content-encoding', encoding).send(compressedPage(html, encoding));
}

/** GET /vacancies/:id */
export function vacancyPage(
  indexHtml: IndexHtml,
  plainApp: PlainApp,
  vacancies: PublicVacancyService,
) {
  return async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const id = request.params.id;
    const vacancy = isUUID(id) ? await vacancies.get(id).catch(() => undefined) : undefined;
    if (!vacancy) return plainApp(request, reply);
    return sendHtml(request, reply, vacancyFirstScreen(indexHtml(request), vacancy));
  };
}

/** The app's search parameters, checked as the API checks them; undefined when refused. */
async function searchQuery(q: unknown): Promise<SearchVacanciesQuery | undefined> {
  const metadata = { type: 'query' as const, metatype: SearchVacanciesQuery };
  const input = q === undefined ? {} : { q };
  return validation.transform(input, metadata).then(
    (query) => query as SearchVacanciesQuery,
    () => undefined,
  );
}

/**
 * GET / and /?q=: the first page of results, counted against the address's search budget
 * like the request the app would make. Other parameters (a tab, filters) are the app's.
 */
export function homePage(indexHtml: IndexHtml, plainApp: PlainApp, search: VacancySearchService) {
  return async (
    request: FastifyRequest<{ Querystring: Record<string, unknown> }>,
    reply: FastifyReply,
  ) => {
    const { q, ...others } = request.query;
    const query = Object.keys(others).length ? undefined : await searchQuery(q);
    const result = query && (await search.find(query.toQuery(), request.ip).catch(() => undefined));
    if (!query || !result) return plainApp(request, reply);
    // The address index.html asks for (its early requests), so the app takes this answer.
    const asked = new URLSearchParams();
    if (query.q) asked.set('q', query.q);
    asked.set('page', '1');
    asked.set('pageSize', '20');
    const dataUrl = `/api/search/vacancies?${asked}`;
    return sendHtml(request, reply, homeFirstScreen(indexHtml(request), dataUrl, result));
  };
}

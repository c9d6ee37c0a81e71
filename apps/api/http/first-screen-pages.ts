import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { isUUID } from 'class-validator';
import { FastifyReply, FastifyRequest } from 'fastify';
import { VacancySearchService } from '@jipin/search';
import { PublicVacancyService } from '@jipin/vacancies';
import { SearchVacanciesQuery } from '../dto/search.dto';
import { homeFirstScreen, vacancyFirstScreen } from './first-screen';
import { createValidationPipe } from './validation.pipe';

/**
 * The pages sent with their first screen (first-screen.ts). When the data cannot be had
 * (a vacancy no longer public, a search refused or over its budget, the database down) the
 * plain app is sent, which asks for itself and says what is wrong. Compressed here: the
 * page is made per request.
 */
type PlainApp = (reply: FastifyReply) => FastifyReply;

const validation = createValidationPipe();

function sendHtml(request: FastifyRequest, reply: FastifyReply, html: string) {
  const body = Buffer.from(html);
  const accepted = String(request.headers['accept-encoding'] ?? '');
  void reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('vary', 'accept-encoding');
  if (/\bbr\b/.test(accepted))
    return reply
      .header('content-encoding', 'br')
      .send(brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
  if (/\bgzip\b/.test(accepted))
    return reply.header('content-encoding', 'gzip').send(gzipSync(body));
  return reply.send(body);
}

/** GET /vacancies/:id */
export function vacancyPage(
  indexHtml: () => string,
  plainApp: PlainApp,
  vacancies: PublicVacancyService,
) {
  return async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const id = request.params.id;
    const vacancy = isUUID(id) ? await vacancies.get(id).catch(() => undefined) : undefined;
    if (!vacancy) return plainApp(reply);
    return sendHtml(request, reply, vacancyFirstScreen(indexHtml(), vacancy));
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
export function homePage(
  indexHtml: () => string,
  plainApp: PlainApp,
  search: VacancySearchService,
) {
  return async (
    request: FastifyRequest<{ Querystring: Record<string, unknown> }>,
    reply: FastifyReply,
  ) => {
    const { q, ...others } = request.query;
    const query = Object.keys(others).length ? undefined : await searchQuery(q);
    const result = query && (await search.find(query.toQuery(), request.ip).catch(() => undefined));
    if (!query || !result) return plainApp(reply);
    // The address index.html asks for (its early requests), so the app takes this answer.
    const asked = new URLSearchParams();
    if (query.q) asked.set('q', query.q);
    asked.set('page', '1');
    asked.set('pageSize', '20');
    const dataUrl = `/api/search/vacancies?${asked}`;
    return sendHtml(request, reply, homeFirstScreen(indexHtml(), dataUrl, result));
  };
}

import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { isUUID } from 'class-validator';
import { FastifyReply, FastifyRequest } from 'fastify';
import { MAX_QUERY_LENGTH, VacancySearchService } from '@jipin/search';
import { PublicVacancyService } from '@jipin/vacancies';
import { SearchVacanciesQuery } from '../dto/search.dto';
import { homeFirstScreen, vacancyFirstScreen } from './first-screen';

/**
 * The pages sent with their first screen (first-screen.ts). When the data cannot be had
 * (a vacancy no longer public, a search refused or over its budget, the database down) the
 * plain app is sent, which asks for itself and says what is wrong. Compressed here: the
 * page is made per request.
 */
type PlainApp = (reply: FastifyReply) => FastifyReply;

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
    const words = typeof q === 'string' ? q : undefined;
    const plain =
      Object.keys(others).length > 0 ||
      (q !== undefined && words === undefined) ||
      (words?.length ?? 0) > MAX_QUERY_LENGTH;
    if (plain) return plainApp(reply);
    // The address index.html asks for (its early requests), so the app takes this answer.
    const asked = new URLSearchParams();
    if (words) asked.set('q', words);
    asked.set('page', '1');
    asked.set('pageSize', '20');
    const query = Object.assign(new SearchVacanciesQuery(), words ? { q: words } : {});
    const result = await search.find(query.toQuery(), request.ip).catch(() => undefined);
    if (!result) return plainApp(reply);
    const dataUrl = `/api/search/vacancies?${asked}`;
    return sendHtml(request, reply, homeFirstScreen(indexHtml(), dataUrl, result));
  };
}

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { AppConfig, PinoNestLogger } from '@jipin/core';
import { VacancySearchService } from '@jipin/search';
import { PublicVacancyService } from '@jipin/vacancies';
import { ApiModule } from './api.module';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { AccessLog } from './http/access-log';
import { answerClientError } from './http/client-error';
import { homePage, vacancyPage } from './http/first-screen-pages';
import { limitJsonDepth } from './http/json-body';
import { useApiPrefix } from './http/route-prefix';
import { enterRequestContext } from './http/request-context';
import { addSecurityHeaders } from './http/security-headers';
import { UPLOAD_LIMITS } from './http/uploaded-file';
import { createValidationPipe } from './http/validation.pipe';
import { WebAppPage } from './http/web-app-page';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the API application; main.ts and the tests both use it. */
export async function createApiApp(
  config: AppConfig,
  databaseUrl: string,
  logger: Logger,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger.child({ component: 'http' }),
    bodyLimit: config.http.bodyLimitBytes,
    clientErrorHandler: answerClientError,
    trustProxy: process.env.TRUST_PROXY === 'true',
    requestIdHeader: false,
    logController: new AccessLog(),
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot({ config, databaseUrl, logger }),
    adapter,
    {
      logger: new PinoNestLogger(logger.child({ component: 'nest' })),
      bufferLogs: false,
    },
  );
  limitJsonDepth(app, config.http.bodyLimitBytes);
  const fastify = app.getHttpAdapter().getInstance();
  enterRequestContext(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  closeConnectionsWhenStopping(fastify);

  addSecurityHeaders(fastify, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // The web app's icon font (Vant) is inlined as a data: URL.
        fontSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // blob: the first load's code, read from index.html on a first visit (web-app-page.ts).
        scriptSrc: ["'self'", "'unsafe-inline'", 'blob:'],
      },
    },
  });
  await app.register(cors, {
    origin: config.http.corsOrigins.length ? config.http.corsOrigins : false,
    credentials: false,
  });

  // Uploads (vacancy import files): one file per request, at most 5 MB, a few short fields.
  await app.register(multipart, { limits: UPLOAD_LIMITS });

  useApiPrefix(app);
  app.useGlobalPipes(createValidationPipe());

  // Built when /api/docs or its JSON is first asked for, not at every start.
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app));

  serveWebApp(app, config.http.webDist);
  return app;
}

/**
 * A stop waits for the requests in flight. Their connections then sat idle
 * until the keep-alive timeout (72 s) before the process could exit: answers
 * sent while stopping now say `connection: close`, so each connection ends with
 * its last answer.
 */
function closeConnectionsWhenStopping(fastify: FastifyInstance): void {
  let stopping = false;
  fastify.addHook('preClose', async () => {
    stopping = true;
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (stopping) reply.header('connection', 'close');
  });
}

/**
 * The built web app is served from the same origin; other paths outside the API get its
 * index.html. Files are sent precompressed (brotli or gzip, written at build time) when the
 * browser accepts it; hashed files are cached for a year, the rest revalidated on each visit.
 */
function serveWebApp(app: NestFastifyApplication, webDist: string): void {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return;
  const fastify = app.getHttpAdapter().getInstance();
  void fastify.register(fastifyStatic, {
    root: webDist,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      void reply.header('cache-control', webCacheControl(path));
    },
  });
  const page = new WebAppPage(webDist);
  const plainApp = (request: FastifyRequest, reply: FastifyReply) => page.send(request, reply);
  const html = (request: FastifyRequest) => page.htmlFor(request);
  fastify.get('/', homePage(html, plainApp, app.get(VacancySearchService)));
  fastify.get('/vacancies/:id', vacancyPage(html, plainApp, app.get(PublicVacancyService)));
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/api/') || path.startsWith('/health/')) {
      void reply.status(404).send({
        code: 'not_found',
        message: '请求的地址不存在',
        details: [{ message: `GET ${path}` }],
      });
      return;
    }
    void plainApp(request, reply);
  });
}

/** Vite puts a content hash in every file name under assets/: those never change. */
export function webCacheControl(path: string): string {
  return /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

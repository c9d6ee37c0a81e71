import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import pino from 'pino';
import { AppConfig } from '@jipin/core';
import { ApiModule } from '../api.module';
import { ErrorResponseDto } from '../dto/error-response.dto';
import { useApiPrefix } from '../http/route-prefix';
import { errorAnswer } from './error-answers';
import { API_LABELS } from './api-labels';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The document, with the names the server gives its codes (see api-labels.ts). */
export type ApiDocument = OpenAPIObject & { 'x-labels': typeof API_LABELS };

/** The OpenAPI document of the API: what /api/docs shows and what the web client's types come from. */
export function buildOpenApiDocument(app: INestApplication): ApiDocument {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('即聘 Jipin API').setVersion('0.1.0').addBearerAuth().build(),
    { extraModels: [ErrorResponseDto] },
  );
  documentInputErrors(document);
  return { ...document, 'x-labels': API_LABELS };
}

/**
 * Errors every route with input gives, whatever it does: the global validation pipe answers 400
 * for a bad query, body or path id, and an id that names nothing (or nothing the caller may see)
 * is a 404. Derived from the operation so that no route can forget them.
 */
function documentInputErrors(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = path[method];
      if (!operation) continue;
      const hasInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody;
      if (hasInput) operation.responses['400'] ??= errorAnswer(400);
      if (operation.parameters?.some((p) => 'in' in p && p.in === 'path'))
        operation.responses['404'] ??= errorAnswer(404);
    }
  }
}

/**
 * The document without a running API: Nest's preview mode reads the controllers' metadata and
 * creates no provider, so no database or queue is needed.
 */
export async function openApiDocumentOffline(config: AppConfig): Promise<ApiDocument> {
  const app = await NestFactory.create(
    ApiModule.forRoot({
      config,
      databaseUrl: 'postgres://unused',
      logger: pino({ level: 'silent' }),
    }),
    new FastifyAdapter(),
    { preview: true, logger: false },
  );
  useApiPrefix(app);
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

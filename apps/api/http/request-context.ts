import { FastifyInstance, FastifyRequest } from 'fastify';
import { RequestContext, requestContext } from '@jipin/core';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's context: its id, and the user once the access guard knows them. */
    context: RequestContext;
  }
}

/**
 * Enters the request's context before anything else runs, so the access guard, the
 * handler, the exception filter and every log line share one context object. The body
 * is read in the socket's own async context, so it is entered again before the handler
 * (Nest's guards run there); the access log, written when the socket finishes, reads the
 * object from the request.
 */
export function enterRequestContext(fastify: FastifyInstance): void {
  fastify.decorateRequest('context', undefined as unknown as RequestContext);
  const enter = (request: FastifyRequest, _reply: unknown, done: () => void) =>
    requestContext.run(request.context, done);
  fastify.addHook('onRequest', (request, reply, done) => {
    request.context = { requestId: String(request.id) };
    enter(request, reply, done);
  });
  fastify.addHook('preHandler', enter);
}

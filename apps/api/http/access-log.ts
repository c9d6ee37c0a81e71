import { FastifyReply, FastifyRequest, LogController } from 'fastify';

/**
 * One access-log line per request, written when it is answered and carrying
 * what Fastify's separate "incoming request" line said (method, url, client).
 * At LOG_LEVEL=info the two default lines cost the vacancy page a fifth of its
 * CPU (docs/benchmarks.md). The user is the one the access guard found (request-context.ts).
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = {
      req: request,
      res: reply,
      responseTime: reply.elapsedTime,
      userId: request.context?.userId,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { catchError, from, Observable, of, switchMap, throwError } from 'rxjs';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyService } from '@jipin/core';
import { ApiErrors } from '../openapi/error-answers';

interface IdempotentRequest {
  method: string;
  ip: string;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  routeOptions?: { url?: string };
  principal?: { userId: string };
}

interface IdempotentReply {
  /** Nest sets the route's default before the handler; a handler may change it (201 or 200). */
  statusCode: number;
  status(code: number): IdempotentReply;
  header(name: string, value: string): IdempotentReply;
}

/** Honours the Idempotency-Key header on the routes marked @Idempotent(). */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const reply = context.switchToHttp().getResponse<IdempotentReply>();
    const header = request.headers['idempotency-key'];
    const key = Array.isArray(header) ? header[0] : header;
    if (!key) return next.handle();
    const scope = request.principal ? `user:${request.principal.userId}` : `ip:${request.ip}`;
    const hash = this.idempotency.requestHash(
      request.method,
      request.routeOptions?.url ?? '',
      request.body,
    );
    return from(this.idempotency.claim(scope, key, hash)).pipe(
      switchMap((claim) => {
        if (claim.kind === 'replay') {
          reply.status(claim.status).header('idempotent-replayed', 'true');
          return of(claim.body);
        }
        return next.handle().pipe(
          switchMap((body) =>
            from(this.idempotency.complete(scope, key, reply.statusCode, body)).pipe(
              switchMap(() => of(body)),
            ),
          ),
          catchError((error) =>
            from(this.idempotency.release(scope, key)).pipe(
              switchMap(() => throwError(() => error)),
            ),
          ),
        );
      }),
    );
  }
}

/** Marks a write route whose retries must not repeat its effect (apply, intent, check-in, import …). */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: '重试时带上同一个值：结果只产生一次，重放的回答带 idempotent-replayed: true',
    }),
    ApiErrors({ 400: ['invalid_idempotency_key'], 409: ['idempotency_in_flight'] }),
  );

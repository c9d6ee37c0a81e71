import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { requestContext } from '@jipin/core';

/** Runs the handler inside the request's context so every log line carries its id. */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context
      .switchToHttp()
      .getRequest<{ id: string; principal?: { userId: string } }>();
    return new Observable((subscriber) =>
      requestContext.run({ requestId: String(request.id), userId: request.principal?.userId }, () =>
        next.handle().subscribe(subscriber),
      ),
    );
  }
}

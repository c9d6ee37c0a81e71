import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { from, Observable, switchMap } from 'rxjs';
import { APP_CONFIG, type AppConfig, RateLimiter } from '@jipin/core';
import { ApiErrors } from '../openapi/error-answers';

/**
 * Exports build whole workbooks in memory, so each person gets
 * RATE_LIMIT_EXPORT of them an hour, counted together across every export route.
 */
@Injectable()
export class ExportLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const { principal } = context.switchToHttp().getRequest<{ principal: { userId: string } }>();
    const counted = this.rateLimiter.hit(
      `export:${principal.userId}`,
      this.config.rateLimits.exportPerHour,
      3600,
      '导出过于频繁',
    );
    return from(counted).pipe(switchMap(() => next.handle()));
  }
}

/** Marks a route that produces a file export (staff only: the caller is known). */
export const ExportLimited = () =>
  applyDecorators(UseInterceptors(ExportLimitInterceptor), ApiErrors({ 429: [] }));

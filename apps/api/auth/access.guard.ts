import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Principal, SessionService } from '@jipin/accounts';
import { DomainError, requestContext } from '@jipin/core';
import { ACCESS_KEY, Audience } from './access.decorator';

interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/**
 * Deny by default: a route must declare its audience with @Access. Public
 * routes do not look at a token: nothing they answer depends on the caller, and
 * the web app sends its token with every request, so checking it would add a
 * JWT verification and a database query to the busiest pages (vacancy, search).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const audiences = this.reflector.getAllAndOverride<Audience[] | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!audiences?.length) {
      throw new DomainError('forbidden', 'route_not_declared', '该接口未声明访问权限，已拒绝访问');
    }
    if (audiences.includes('public')) return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new DomainError('unauthenticated', 'unauthenticated', '请先登录');
    const principal = await this.sessions.authenticate(token);
    request.principal = principal;
    const context_ = requestContext.current();
    if (context_) context_.userId = principal.userId;
    if (audiences.includes('authenticated') || audiences.includes(principal.role)) return true;
    throw new DomainError('forbidden', 'forbidden', '您的账号无权进行此操作');
  }
}

function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(.+)$/i);
  return match?.[1];
}

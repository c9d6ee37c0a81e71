import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { Principal } from '@jipin/accounts';
import { Role } from '@jipin/accounts';
import { ApiErrors } from '../openapi/error-answers';

/** Who may call a route. Every route declares it; a route without it is refused (deny by default). */
export type Audience = 'public' | 'authenticated' | Role;

export const ACCESS_KEY = 'jipin:access';

/** Also documents it: a signed-in route takes a bearer token and may answer 401 and 403. */
export const Access = (...audiences: Audience[]) =>
  audiences.includes('public')
    ? SetMetadata(ACCESS_KEY, audiences)
    : applyDecorators(
        SetMetadata(ACCESS_KEY, audiences),
        ApiBearerAuth(),
        ApiErrors({ 401: [], 403: [] }),
      );

/** The authenticated caller (set by the access guard). */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | undefined => {
    return context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  },
);

/** The caller's IP as Fastify sees it (honours trustProxy when configured). */
export const ClientIp = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  return context.switchToHttp().getRequest<{ ip: string }>().ip;
});

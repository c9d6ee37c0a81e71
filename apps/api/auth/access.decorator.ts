import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Principal } from '@jipin/accounts';
import { Role } from '@jipin/accounts';

/** Who may call a route. Every route declares it; a route without it is refused (deny by default). */
export type Audience = 'public' | 'authenticated' | Role;

export const ACCESS_KEY = 'jipin:access';

export const Access = (...audiences: Audience[]) => SetMetadata(ACCESS_KEY, audiences);

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

import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, ModulesContainer } from '@nestjs/core';

export interface DiscoveredRoute {
  key: string;
  method: string;
  path: string;
  takesBody: boolean;
  handler: object;
  controller: object;
}

/** Every route the running API serves, read from the controllers' own metadata. */
export function discoverRoutes(app: INestApplication): DiscoveredRoute[] {
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of new DiscoveryService(app.get(ModulesContainer)).getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!controller) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = controller.prototype as Record<string, object>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const joined = `/${[base, sub].filter((part) => part && part !== '/').join('/')}`.replace(
        /\/+/g,
        '/',
      );
      const path = base === 'health' ? joined : `/api${joined}`;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
        string,
        unknown
      >;
      const takesBody = Object.keys(args).some(
        (key) => key.split(':')[0] === String(RouteParamtypes.BODY),
      );
      routes.push({
        key: `${RequestMethod[method]} ${path}`,
        method: RequestMethod[method],
        path,
        takesBody,
        handler,
        controller,
      });
    }
  }
  return routes;
}

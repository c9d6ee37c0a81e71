import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';

export interface DiscoveredRoute {
  key: string;
  method: string;
  path: string;
  takesBody: boolean;
  /** Fields of the body DTO and query parameters the route reads (from their validation rules). */
  bodyFields: string[];
  queryFields: string[];
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
      const fieldsOf = (type: RouteParamtypes) =>
        argumentFields(args, type, Reflect.getMetadata('design:paramtypes', prototype, name));
      routes.push({
        key: `${RequestMethod[method]} ${path}`,
        method: RequestMethod[method],
        path,
        takesBody,
        bodyFields: fieldsOf(RouteParamtypes.BODY),
        queryFields: fieldsOf(RouteParamtypes.QUERY),
        handler,
        controller,
      });
    }
  }
  return routes;
}

/** The names a route reads from one kind of argument: a named one (@Query('q')) or its DTO's validated fields. */
function argumentFields(
  args: Record<string, unknown>,
  type: RouteParamtypes,
  parameterTypes: unknown[] | undefined,
): string[] {
  const fields = new Set<string>();
  for (const [key, value] of Object.entries(args)) {
    if (key.split(':')[0] !== String(type)) continue;
    const { index, data } = value as { index: number; data?: string };
    if (data) {
      fields.add(data);
      continue;
    }
    const dto = parameterTypes?.[index];
    if (typeof dto !== 'function') continue;
    for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false))
      fields.add(rule.propertyName);
  }
  return [...fields];
}

import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { IS_PUBLIC, OPTIONAL_AUTH, REQUIRED_PERMISSIONS } from '@app/auth';
import { RAW_RESPONSE } from '@app/envelope';
import { ROUTE_SCHEMAS, RouteSchemas } from '@app/validation';

/** One HTTP route of the gateway, as the controllers declare it. */
export interface RouteInfo {
  method: string;
  /** `/api/v1/users.create`, `/avatar/:username` */
  path: string;
  controller: string;
  handler: string;
  /** no login needed (`Public`), or login optional (`OptionalAuth`) */
  auth: 'required' | 'optional' | 'none';
  /** route-level permissions (403 without them) */
  permissions: string[];
  /** the parameter schemas (`ValidBody` / `ValidQuery`) */
  schemas: RouteSchemas;
  /** the handler's result is the whole body (`RawResponse`): no success envelope */
  raw: boolean;
}

const join = (...parts: (string | undefined)[]) =>
  `/${parts
    .filter((p): p is string => !!p)
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every route of the given controllers, read from Nest's route metadata (not from a list kept by hand): the
 * 405 answer uses it, and so do the robustness suites, so each new endpoint is covered by both at once.
 */
export function routeTable(controllers: readonly Type<unknown>[]): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const controller of controllers) {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function') {
        continue;
      }
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (method === undefined || paths === undefined) {
        continue;
      }
      const meta = <T>(key: string) =>
        (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T | undefined);
      const auth = meta<boolean>(OPTIONAL_AUTH) ? 'optional' : meta<boolean>(IS_PUBLIC) ? 'none' : 'required';
      for (const b of [base].flat()) {
        for (const p of [paths].flat()) {
          routes.push({
            method: RequestMethod[method],
            path: join(b, p),
            controller: controller.name,
            handler: name,
            auth,
            permissions: meta<string[]>(REQUIRED_PERMISSIONS) ?? [],
            schemas: (Reflect.getMetadata(ROUTE_SCHEMAS, handler) as RouteSchemas | undefined) ?? {},
            raw: meta<boolean>(RAW_RESPONSE) === true,
          });
        }
      }
    }
  }
  return routes;
}

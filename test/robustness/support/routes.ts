/**
 * The gateway's routes as its controllers declare them (`routeTable(GATEWAY_CONTROLLERS)`, the same table the
 * 405 answer uses), so the robustness suites cover every endpoint the day it is added.
 */
import 'reflect-metadata';
import { GATEWAY_CONTROLLERS } from '../../../apps/gateway/src/app.module';
import { RouteInfo, routeTable } from '../../../apps/gateway/src/platform/route-table';

export type { RouteInfo };

export const ROUTES: readonly RouteInfo[] = routeTable(GATEWAY_CONTROLLERS);

/** `POST /api/v1/users.create` */
export const routeKey = (route: Pick<RouteInfo, 'method' | 'path'>): string => `${route.method} ${route.path}`;

/** Routes without a dotted namespace that belong to one, as the gateway's folders group them. */
const UNDOTTED: Record<string, string> = {
  findOrCreateInvite: 'invites',
  listInvites: 'invites',
  removeInvite: 'invites',
  useInviteToken: 'invites',
  validateInviteToken: 'invites',
  directory: 'misc',
  spotlight: 'misc',
};

/**
 * The API namespace a route belongs to: `users` for `/api/v1/users.create`, `channels` for
 * `/api/v1/channels.list`; the invite routes (`findOrCreateInvite`, `removeInvite/:_id`, ...) belong to `invites`,
 * `directory` and `spotlight` to `misc`, other routes without one (`login`, `me`, `/api/info`,
 * `/avatar/:username`, `/health`) to `general`.
 */
export function namespaceOf(route: Pick<RouteInfo, 'path'>): string {
  const match = /^\/api\/v1\/([\w-]+)\.[\w.]+$/.exec(route.path);
  if (match) {
    return match[1];
  }
  const first = /^\/api\/v1\/(\w+)/.exec(route.path)?.[1];
  return (first && UNDOTTED[first]) || 'general';
}

/** Names of the path parameters (`:username` → `username`). */
export function pathParams(route: Pick<RouteInfo, 'path'>): string[] {
  return [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
}

/** The path with its parameters filled in (values are percent-encoded unless `raw`). */
export function fillPath(route: Pick<RouteInfo, 'path'>, values: Record<string, string>, raw = false): string {
  return route.path.replace(/:(\w+)/g, (_m, name: string) => {
    const value = values[name] ?? 'x';
    return raw ? value : encodeURIComponent(value);
  });
}

/** Routes that only report the process' own state (health probes): no caller, no parameters. */
export const isProbe = (route: Pick<RouteInfo, 'path'>): boolean => route.path.startsWith('/health');

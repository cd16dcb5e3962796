/**
 * The declared parameters of a route, read from the TypeBox schemas its `@ValidBody` / `@ValidQuery` recorded
 * (`route.schemas`), and requests built from them: a baseline request whose values are valid for the fixtures a
 * suite created, and that request with one parameter replaced.
 */
import { pathParams, RouteInfo } from './routes';

/** The parts of JSON Schema the suites read. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  nullable?: boolean;
  minimum?: number;
}

export type ParamSource = 'body' | 'query' | 'path';

export interface Param {
  /** `username`, or `data.email` for a key of an object parameter */
  name: string;
  path: string[];
  in: ParamSource;
  /** undefined for a name taken from the vocabulary (open bodies) */
  schema?: JsonSchema;
  required: boolean;
}

/** The parameters of one request shape (one per `oneOf` branch). */
export interface ParamSet {
  in: 'body' | 'query';
  params: Param[];
  /** the schema accepts any key (`AnyObject`) or there is none: the service checks the body itself */
  open: boolean;
}

const asSchema = (s: unknown): JsonSchema | undefined => (s && typeof s === 'object' ? s : undefined);

function isObjectSchema(s: JsonSchema | undefined): boolean {
  return !!s && (s.type === 'object' || !!s.properties);
}

function paramsOf(schema: JsonSchema, source: 'body' | 'query', prefix: string[] = []): Param[] {
  const out: Param[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    const path = [...prefix, name];
    out.push({ name: path.join('.'), path, in: source, schema: sub, required: required.has(name) });
    if (prefix.length === 0 && isObjectSchema(sub) && sub.properties && Object.keys(sub.properties).length) {
      out.push(...paramsOf(sub, source, path));
    }
  }
  return out;
}

/**
 * The request shapes of a route. A route without a body schema that takes a body (POST), or with an open one,
 * gets the vocabulary's names: the service reads such bodies itself, with Rocket.Chat's parameter names.
 */
export function paramSets(route: RouteInfo, vocabulary: ReadonlyMap<string, JsonSchema | undefined>): ParamSet[] {
  const sets: ParamSet[] = [];
  for (const source of ['body', 'query'] as const) {
    const schema = asSchema(route.schemas[source]);
    if (!schema) {
      if (source === 'body' && route.method === 'POST') {
        sets.push({ in: 'body', open: true, params: vocabularyParams(vocabulary, 'body') });
      }
      continue;
    }
    const branches = schema.oneOf ?? schema.anyOf ?? [schema];
    for (const branch of branches) {
      const open = branch.additionalProperties !== false && !Object.keys(branch.properties ?? {}).length;
      sets.push({
        in: source,
        open,
        params: open ? vocabularyParams(vocabulary, source) : paramsOf(branch, source),
      });
    }
  }
  return sets;
}

function vocabularyParams(vocabulary: ReadonlyMap<string, JsonSchema | undefined>, source: 'body' | 'query'): Param[] {
  return [...vocabulary].map(([name, schema]) => ({ name, path: [name], in: source, schema, required: false }));
}

export function routePathParams(route: RouteInfo): Param[] {
  return pathParams(route).map((name) => ({ name, path: [name], in: 'path', required: true }));
}

/**
 * Every top-level parameter name some route declares, with its schema, plus the names Rocket.Chat's handlers
 * read from the bodies our services check themselves (login, roles.*, permissions.update, users.delete).
 */
export function vocabulary(routes: readonly RouteInfo[]): Map<string, JsonSchema | undefined> {
  const out = new Map<string, JsonSchema | undefined>();
  for (const route of routes) {
    for (const source of ['body', 'query'] as const) {
      const schema = asSchema(route.schemas[source]);
      for (const branch of schema ? (schema.oneOf ?? schema.anyOf ?? [schema]) : []) {
        for (const [name, sub] of Object.entries(branch.properties ?? {})) {
          if (!out.has(name)) {
            out.set(name, sub);
          }
        }
      }
    }
  }
  for (const name of OPEN_BODY_NAMES) {
    if (!out.has(name)) {
      out.set(name, undefined);
    }
  }
  return out;
}

/** Parameter names of Rocket.Chat handlers that read their body without a gateway schema. */
const OPEN_BODY_NAMES = [
  'user',
  'username',
  'email',
  'password',
  'code',
  'resume',
  'serviceName',
  'accessToken',
  'roleId',
  'roleName',
  'roomId',
  'name',
  'scope',
  'description',
  'mandatory2fa',
  'permissions',
  'userId',
  'confirmRelinquish',
];

/** Rocket.Chat names one thing several ways and reads the first one present (getUserFromParams & co). */
const SELECTOR_GROUPS = [
  ['userId', 'username', 'user'],
  ['roomId', 'roomName', 'channel'],
  ['roleId', 'roleName', 'role'],
];

export function selectorSiblings(name: string): string[] {
  return SELECTOR_GROUPS.find((g) => g.includes(name))?.filter((n) => n !== name) ?? [];
}

/** A value valid for a parameter name, for the fixtures of a suite (`undefined`: leave the parameter out). */
export type Dictionary = (name: string, param: Param) => unknown;

/** A value of the schema's type, for a required parameter the dictionary does not know. */
export function typeDefault(schema: JsonSchema | undefined): unknown {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  switch (type) {
    case 'number':
    case 'integer':
      return schema?.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return schema?.anyOf ? typeDefault(schema.anyOf[0]) : 'x';
  }
}

/**
 * The baseline of a request shape: every top-level parameter the dictionary has a value for, and every required
 * one (object parameters hold their required keys). The result is a fresh object.
 */
export function baseline(set: ParamSet, dictionary: Dictionary): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of set.params.filter((x) => x.path.length === 1)) {
    const known = dictionary(p.name, p);
    if (known !== undefined) {
      out[p.name] = known;
    } else if (p.required) {
      out[p.name] = typeDefault(p.schema);
    }
  }
  for (const p of set.params.filter((x) => x.path.length === 2 && x.required)) {
    const parent = (out[p.path[0]] ??= {}) as Record<string, unknown>;
    parent[p.path[1]] = dictionary(p.name, p) ?? typeDefault(p.schema);
  }
  // a selector group keeps one member, so the member varied later is the one the handler reads
  const required = new Set(set.params.filter((p) => p.required).map((p) => p.name));
  for (const group of SELECTOR_GROUPS) {
    const present = group.filter((n) => n in out);
    for (const extra of present.slice(1).filter((n) => !required.has(n))) {
      delete out[extra];
    }
  }
  return out;
}

/** Marks a parameter to leave out. */
export const MISSING = Symbol('missing');

/** `base` with `param` set to `value` (or removed), its selector siblings removed. */
export function withParam(base: Record<string, unknown>, param: Param, value: unknown): Record<string, unknown> {
  const out = structuredClone(base);
  if (param.path.length === 1) {
    for (const sibling of selectorSiblings(param.name)) {
      delete out[sibling];
    }
  }
  let target = out;
  for (const key of param.path.slice(0, -1)) {
    const next = target[key];
    target = (target[key] = next && typeof next === 'object' && !Array.isArray(next) ? next : {}) as Record<
      string,
      unknown
    >;
  }
  const last = param.path[param.path.length - 1];
  if (value === MISSING) {
    delete target[last];
  } else {
    target[last] = value;
  }
  return out;
}

import { PageRequest } from '@app/contracts';
import { RcError, RcErrorType } from '@app/envelope';
import { regexOptionsRefusal, regexRefusal } from './regex-bound';

/** The settings that shape paging (Rocket.Chat: General > REST API). */
export interface PagingSettings {
  API_Default_Count: number;
  API_Upper_Count_Limit: number;
  API_Allow_Infinite_Count: boolean;
}

export const DEFAULT_PAGING_SETTINGS: PagingSettings = {
  API_Default_Count: 50,
  API_Upper_Count_Limit: 100,
  API_Allow_Infinite_Count: true,
};

/** Operators a `query` may use. Anything else ($where, $function, $expr, $accumulator, ...) is refused. */
export const ALLOWED_QUERY_OPERATORS = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$regex',
  '$options',
  '$and',
  '$or',
  '$nor',
  '$not',
  '$all',
  '$elemMatch',
  '$size',
  '$type',
  '$date',
]);

/** Top-level operators a `query` may start with (Rocket.Chat keeps `$or`, `$and`). */
const TOP_LEVEL_OPERATORS = new Set(['$or', '$and', '$nor']);

export interface RawPaging {
  offset?: unknown;
  count?: unknown;
  sort?: unknown;
  fields?: unknown;
  query?: unknown;
}

export interface PagingRules {
  /** fields a `query` may filter on (dotted paths; `a` allows `a.b`); undefined = any field */
  queryFields?: readonly string[];
  /** fields never selectable or queryable (`services`, `joinCode`...) */
  hiddenFields?: readonly string[];
}

function toInt(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  const n = typeof value === 'number' ? value : Number(show(value));
  if (!Number.isFinite(n) || !Number.isInteger(n)) {
    throw RcError.invalidParams(`must be integer, parameter "${name}"`);
  }
  return n;
}

/** offset/count as Rocket.Chat's getPaginationItems computes them. */
export function parsePagination(raw: RawPaging, settings: PagingSettings): { offset: number; count: number } {
  const defaultCount = settings.API_Default_Count > 0 ? settings.API_Default_Count : 50;
  const upper = settings.API_Upper_Count_Limit > 0 ? settings.API_Upper_Count_Limit : 100;
  const offset = Math.max(0, toInt(raw.offset, 'offset') ?? 0);
  let count = toInt(raw.count, 'count') ?? defaultCount;
  if (count > upper) {
    count = upper;
  }
  if (count === 0 && !settings.API_Allow_Infinite_Count) {
    count = defaultCount;
  }
  if (count < 0) {
    count = defaultCount;
  }
  return { offset, count };
}

/** A parameter as the client sent it, for error texts. */
function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function parseJsonParam(value: unknown, errorType: RcErrorType, what: string): unknown {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (typeof value === 'object') {
    return value;
  }
  try {
    return JSON.parse(show(value));
  } catch {
    throw RcError.failure(errorType, `Invalid ${what} parameter provided: "${show(value)}"`);
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A field path MongoDB takes: dotted segments, none empty, none starting with `$`, no NUL byte (keys are C
 * strings in BSON: the database refuses them, and an empty path).
 */
export function isFieldPath(path: string): boolean {
  return !path.includes('\u0000') && path.split('.').every((segment) => segment !== '' && !segment.startsWith('$'));
}

function isHidden(path: string, hidden?: readonly string[]): boolean {
  return !!hidden?.some((h) => path === h || path.startsWith(`${h}.`) || h.startsWith(`${path}.`));
}

export function parseSort(value: unknown, rules: PagingRules = {}): Record<string, 1 | -1> | undefined {
  const sort = parseJsonParam(value, 'error-invalid-sort', 'sort');
  if (sort === undefined) {
    return undefined;
  }
  if (!isPlainObject(sort)) {
    throw RcError.failure('error-invalid-sort', `Invalid sort parameter provided: "${show(value)}"`);
  }
  for (const [k, v] of Object.entries(sort)) {
    if ((v !== 1 && v !== -1) || !isFieldPath(k) || isHidden(k, rules.hiddenFields)) {
      throw RcError.failure('error-invalid-sort', `Invalid sort parameter provided: "${show(value)}"`);
    }
  }
  return sort as Record<string, 1 | -1>;
}

export function parseFields(value: unknown, rules: PagingRules = {}): Record<string, 0 | 1> | undefined {
  const fields = parseJsonParam(value, 'error-invalid-fields', 'fields');
  if (fields === undefined) {
    return undefined;
  }
  if (!isPlainObject(fields)) {
    throw RcError.failure('error-invalid-fields', `Invalid fields parameter provided: "${show(value)}"`);
  }
  const out: Record<string, 0 | 1> = {};
  for (const [k, v] of Object.entries(fields)) {
    const n = v === true ? 1 : v === false ? 0 : v;
    if ((n !== 0 && n !== 1) || !isFieldPath(k)) {
      throw RcError.failure('error-invalid-fields', `Invalid fields parameter provided: "${show(value)}"`);
    }
    if (!isHidden(k, rules.hiddenFields)) {
      out[k] = n;
    }
  }
  return out;
}

/**
 * Validates a `query` (EJSON): only allow-listed operators, only allowed fields, no hidden fields. The result
 * stays JSON (dates as `{"$date": ...}`); services revive it with `reviveQuery`.
 */
export function parseQuery(value: unknown, rules: PagingRules = {}): Record<string, unknown> | undefined {
  const query = parseJsonParam(value, 'error-invalid-query', 'query');
  if (query === undefined) {
    return undefined;
  }
  if (!isPlainObject(query)) {
    throw RcError.failure('error-invalid-query', `Invalid query parameter provided: "${show(value)}"`);
  }
  validateFilter(query, rules, true);
  return query;
}

function refuse(reason: string): never {
  throw RcError.failure('error-invalid-query', reason);
}

function validateFilter(filter: Record<string, unknown>, rules: PagingRules, topLevel: boolean): void {
  for (const [key, cond] of Object.entries(filter)) {
    if (key.startsWith('$')) {
      if (!TOP_LEVEL_OPERATORS.has(key) || !topLevel) {
        refuse(`Invalid query operator: ${key}`);
      }
      if (!Array.isArray(cond)) {
        refuse(`${key} expects an array`);
      }
      for (const sub of cond) {
        if (!isPlainObject(sub)) {
          refuse(`${key} expects an array of objects`);
        }
        validateFilter(sub, rules, true);
      }
      continue;
    }
    if (!isFieldPath(key) || isHidden(key, rules.hiddenFields)) {
      refuse(`Invalid query field: ${key}`);
    }
    if (rules.queryFields && !rules.queryFields.some((f) => key === f || key.startsWith(`${f}.`))) {
      refuse(`Invalid query field: ${key}`);
    }
    validateCondition(cond);
  }
}

function validateCondition(cond: unknown, depth = 0): void {
  if (depth > 8) {
    refuse('Query is nested too deeply');
  }
  if (Array.isArray(cond)) {
    cond.forEach((c) => validateCondition(c, depth + 1));
    return;
  }
  if (!isPlainObject(cond)) {
    return;
  }
  for (const [k, v] of Object.entries(cond)) {
    if (k.startsWith('$') && !ALLOWED_QUERY_OPERATORS.has(k)) {
      refuse(`Invalid query operator: ${k}`);
    }
    if (k.includes('\u0000')) {
      refuse('Invalid query field: a key holds a NUL byte');
    }
    if (k === '$date') {
      continue;
    }
    const refusal = k === '$regex' ? regexRefusal(v) : k === '$options' ? regexOptionsRefusal(v) : undefined;
    if (refusal) {
      refuse(refusal);
    }
    validateCondition(v, depth + 1);
  }
}

/** Turns EJSON leaves (`{"$date": ms | iso}`) into Dates, on the service side before querying. */
export function reviveQuery<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((v) => reviveQuery(v)) as T;
  }
  if (!isPlainObject(value)) {
    return value;
  }
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$date') {
    const d = value.$date;
    return new Date(typeof d === 'number' || typeof d === 'string' ? d : NaN) as T;
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    out[k] = reviveQuery(value[k]);
  }
  return out as T;
}

/** The whole paging triple of a list endpoint, as the gateway forwards it. */
export function parsePageRequest(raw: RawPaging, settings: PagingSettings, rules: PagingRules = {}): PageRequest {
  return {
    ...parsePagination(raw, settings),
    sort: parseSort(raw.sort, rules),
    fields: parseFields(raw.fields, rules),
    query: parseQuery(raw.query, rules),
  };
}

import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Static, TSchema } from '@sinclair/typebox';
import { RcError, RcErrorType } from '@app/envelope';

/**
 * Rocket.Chat 7 validates REST parameters with ajv and answers `invalid-params` with ajv's own messages
 * (`must have required property 'roomId' [invalid-params]`). The schemas here are built with TypeBox (JSON
 * Schema with static types) and compiled once, at start; a request costs one generated function call.
 *
 * Sources:
 * - `body`: request bodies at the gateway, checked as sent (no type coercion: `5` is not a string);
 * - `query`: query strings are all text, so their schemas coerce like Rocket.Chat's `ajvQuery` does
 *   (`"50"` → 50, `a` → `["a"]`);
 * - `lenient`: bodies a service checks itself with the endpoint's own error type, coerced as Rocket.Chat's
 *   body ajv (`coerceTypes: true`: `"true"` → true) does.
 */
const options = { allErrors: false, allowUnionTypes: true, strict: false } as const;
const instances = {
  body: new Ajv({ ...options, coerceTypes: false }),
  query: new Ajv({ ...options, coerceTypes: 'array' }),
  lenient: new Ajv({ ...options, coerceTypes: true }),
};
for (const ajv of Object.values(instances)) {
  addFormats(ajv);
  ajv.addKeyword({
    keyword: 'isNotEmpty',
    type: 'string',
    validate: (_schema: unknown, data: unknown) => typeof data === 'string' && !!data.trim(),
  });
}

export type ParamSource = keyof typeof instances;

export interface CompiledSchema<T> {
  readonly schema: TSchema;
  readonly source: ParamSource;
  /** true when `value` matches; `errors` then says why not */
  (value: unknown): value is T;
  errors?: ErrorObject[] | null;
}

const compiled = new WeakMap<TSchema, Map<ParamSource, ValidateFunction>>();

/** Compiles a schema once per source (later calls return the same function). */
export function compileSchema<S extends TSchema>(schema: S, source: ParamSource = 'body'): CompiledSchema<Static<S>> {
  let bySource = compiled.get(schema);
  if (!bySource) {
    bySource = new Map();
    compiled.set(schema, bySource);
  }
  let fn = bySource.get(source);
  if (!fn) {
    fn = instances[source].compile(schema);
    bySource.set(source, fn);
  }
  return Object.assign(fn, { schema, source });
}

/** `{ok, value}` or the first problem in ajv's words (for rules that report refusals as values). */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export function check<T>(validate: CompiledSchema<T>, value: unknown): Checked<T> {
  return validate(value) ? { ok: true, value } : { ok: false, error: errorText(validate.errors) };
}

/** ajv's messages joined as Rocket.Chat joins them. */
export function errorText(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => e.message ?? 'is invalid').join('\n ');
}

/**
 * Returns `value` typed when it matches, else throws Rocket.Chat's failure: `invalid-params` by default, or the
 * error type a handler uses for its own checks (e.g. `error-invalid-role-properties`).
 */
export function assertValid<T>(
  validate: CompiledSchema<T>,
  value: unknown,
  errorType: RcErrorType = 'invalid-params',
): T {
  if (!validate(value)) {
    throw RcError.failure(errorType, errorText(validate.errors));
  }
  return value;
}

import { Body, PipeTransform, Query } from '@nestjs/common';
import type { TSchema } from '@sinclair/typebox';
import { assertValid, compileSchema, CompiledSchema, ParamSource } from './ajv';

/** Where the schemas of a route's parameters are kept (read by the route table and the robustness suites). */
export const ROUTE_SCHEMAS = 'rc:route-schemas';

export type RouteSchemas = Partial<Record<ParamSource, TSchema>>;

class SchemaPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly validate: CompiledSchema<T>) {}

  transform(value: unknown): T {
    // an absent body (no Content-Type, empty request) is validated as `{}`, as Rocket.Chat's bodyParams are
    return assertValid(this.validate, value ?? {});
  }
}

function recordSchema(target: object, key: string | symbol | undefined, source: ParamSource, schema: TSchema): void {
  if (key === undefined) {
    return;
  }
  const handler = (target as Record<string | symbol, object>)[key];
  const current = (Reflect.getMetadata(ROUTE_SCHEMAS, handler) as RouteSchemas | undefined) ?? {};
  Reflect.defineMetadata(ROUTE_SCHEMAS, { ...current, [source]: schema }, handler);
}

/** The request body, validated against `schema` (compiled once) and typed by it. */
export function ValidBody(schema: TSchema): ParameterDecorator {
  const pipe = new SchemaPipe(compileSchema(schema, 'body'));
  return (target, key, index) => {
    recordSchema(target, key, 'body', schema);
    Body(pipe)(target, key, index);
  };
}

/** The query string, validated against `schema` with Rocket.Chat's query coercion, and typed by it. */
export function ValidQuery(schema: TSchema): ParameterDecorator {
  const pipe = new SchemaPipe(compileSchema(schema, 'query'));
  return (target, key, index) => {
    recordSchema(target, key, 'query', schema);
    Query(pipe)(target, key, index);
  };
}

/**
 * The small part of JSON Schema Rocket.Chat's request schemas use, checked the way its ajv instance checks
 * them (`coerceTypes: true`, first error only), with ajv's messages. Used where Rocket.Chat validates a body
 * inside the handler, so the error code around the message is the endpoint's own.
 */
export type SchemaType = 'string' | 'number' | 'boolean' | 'object' | 'array';

export interface Schema {
  type: SchemaType;
  nullable?: boolean;
  enum?: readonly unknown[];
  items?: Schema;
  uniqueItems?: boolean;
  properties?: Record<string, Schema>;
  required?: readonly string[];
  additionalProperties?: boolean;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

class SchemaError extends Error {}

function coerce(type: SchemaType, value: unknown): unknown {
  switch (type) {
    case 'string':
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
    case 'number':
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
        return Number(value);
      }
      if (typeof value === 'boolean') {
        return value ? 1 : 0;
      }
      return value;
    case 'boolean':
      if (value === 'true' || value === 1) {
        return true;
      }
      if (value === 'false' || value === 0) {
        return false;
      }
      return value;
    default:
      return value;
  }
}

function isType(type: SchemaType, value: unknown): boolean {
  switch (type) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

function check(schema: Schema, raw: unknown): unknown {
  if (raw === null && schema.nullable) {
    return null;
  }
  const value = coerce(schema.type, raw);
  if (!isType(schema.type, value)) {
    throw new SchemaError(`must be ${schema.type}`);
  }
  if (schema.enum && !schema.enum.includes(value)) {
    throw new SchemaError('must be equal to one of the allowed values');
  }
  if (schema.type === 'array') {
    const items = (value as unknown[]).map((v) => (schema.items ? check(schema.items, v) : v));
    if (schema.uniqueItems) {
      const seen = items.map((v) => JSON.stringify(v));
      for (let j = 1; j < seen.length; j++) {
        const i = seen.indexOf(seen[j]);
        if (i < j) {
          throw new SchemaError(`must NOT have duplicate items (items ## ${j} and ${i} are identical)`);
        }
      }
    }
    return items;
  }
  if (schema.type === 'object' && (schema.properties || schema.required || schema.additionalProperties === false)) {
    const input = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (input[key] === undefined) {
        throw new SchemaError(`must have required property '${key}'`);
      }
    }
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(input)) {
      const prop = schema.properties?.[key];
      if (!prop) {
        if (schema.additionalProperties === false) {
          throw new SchemaError('must NOT have additional properties');
        }
        out[key] = v;
        continue;
      }
      if (v !== undefined) {
        out[key] = check(prop, v);
      }
    }
    return out;
  }
  return value;
}

/** Validates (and coerces) a value; the first problem is reported with ajv's message. */
export function validate<T>(schema: Schema, value: unknown): Checked<T> {
  try {
    return { ok: true, value: check(schema, value) as T };
  } catch (err) {
    if (err instanceof SchemaError) {
      return { ok: false, error: err.message };
    }
    throw err;
  }
}

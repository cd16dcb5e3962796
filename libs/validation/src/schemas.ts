import { Type, type ObjectOptions, type TOptional, type TProperties, type TSchema } from '@sinclair/typebox';

/**
 * Schema helpers in Rocket.Chat's style. `Params({...})` is an object that refuses unknown keys
 * (`additionalProperties: false`, "must NOT have additional properties"), as most Rocket.Chat schemas do.
 */
export function Params<T extends TProperties>(properties: T, options: ObjectOptions = {}) {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

/** An optional property. */
export const Opt = <S extends TSchema>(schema: S) => Type.Optional(schema);

/** The paging keys of a list endpoint, as text (parsed and checked by `libs/paging`). */
export const PagingParams = {
  offset: Type.Optional(Type.String()),
  count: Type.Optional(Type.String()),
  sort: Type.Optional(Type.String()),
  fields: Type.Optional(Type.String()),
  query: Type.Optional(Type.String()),
};

/** `userId`, `username` or `user` (Rocket.Chat's getUserFromParams). */
export const UserSelectorParams = {
  userId: Type.Optional(Type.String()),
  username: Type.Optional(Type.String()),
  user: Type.Optional(Type.String()),
};

/** `roomId` or `roomName`. */
export const RoomSelectorParams = {
  roomId: Type.Optional(Type.String()),
  roomName: Type.Optional(Type.String()),
};

/** A boolean query parameter: Rocket.Chat compares it to the string `"true"`. */
export const QueryFlag = Type.Optional(Type.String());
export const isTrue = (value: string | undefined): boolean => value === 'true';

/** Exactly one of the schemas matches (JSON Schema `oneOf`, as Rocket.Chat's `roomId` XOR `channel` rules). */
export function OneOf<T>(schemas: TSchema[]) {
  return Type.Unsafe<T>({ oneOf: schemas });
}

/** Any JSON object (a body the service checks itself with the endpoint's own errors). */
export const AnyObject = Type.Object({}, { additionalProperties: true });

/** No parameters at all (an unknown one is refused, never silently ignored). */
export const NoParams = Params({});

/**
 * A DTO checked against the contract payload it feeds, at compile time: every key the DTO accepts exists in the
 * payload with a type the payload accepts, so a handler can pass the DTO on whole (`{ caller, ...dto }`) and no
 * accepted field is dropped on the way.
 */
export type Feeds<Payload, Dto extends { [K in keyof Dto]: K extends keyof Payload ? Payload[K] : never }> = Dto;

/** The same properties, each optional and nullable (users.update's `data` over users.create's fields). */
export function OptionalNullable<T extends TProperties>(properties: T): { [K in keyof T]: TOptional<T[K]> } {
  const out: Record<string, TSchema> = {};
  for (const [key, schema] of Object.entries(properties)) {
    out[key] = Type.Optional({ ...schema, nullable: true });
  }
  return out as unknown as { [K in keyof T]: TOptional<T[K]> };
}

/**
 * The one registry of message patterns. Each namespace contract file (`namespaces/*.contract.ts`) declares its
 * patterns with `definePatterns` (which records the owning service at load time) and adds its payload/result
 * pairs to `RcContract` by module augmentation, so a new contract file is one `export *` line in `index.ts`.
 */

export const USERS_ROOMS_SERVICE = 'users-rooms';
export const CHAT_SERVICE = 'chat';
export const LIVECHAT_SERVICE = 'livechat';
export const INTEGRATIONS_SERVICE = 'integrations';

export const SERVICES = [USERS_ROOMS_SERVICE, CHAT_SERVICE, LIVECHAT_SERVICE, INTEGRATIONS_SERVICE] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * Every message pattern of the system with its payload and result type. Empty here: each contract file adds its
 * entries (`declare module '../registry' { interface RcContract { ... } }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RcContract {}
export type RcPattern = Extract<keyof RcContract, string>;
export type PayloadOf<P extends RcPattern> = RcContract[P] extends { payload: infer T } ? T : never;
export type ResultOf<P extends RcPattern> = RcContract[P] extends { result: infer T } ? T : never;

/** `{ Create: { pattern: 'channels.create', service: 'users-rooms' } }` → `{ Create: 'channels.create' }`. */
type PatternTable = Record<string, { pattern: string; service: ServiceName }>;
export type Patterns<T extends PatternTable> = { readonly [K in keyof T]: T[K]['pattern'] };

const OWNER = new Map<string, ServiceName>();

/** Declares patterns with the service whose stream receives them. A pattern declared twice fails at load. */
export function definePatterns<const T extends PatternTable>(table: T): Patterns<T> {
  const out: Record<string, string> = {};
  for (const [key, { pattern, service }] of Object.entries(table)) {
    if (OWNER.has(pattern)) {
      throw new Error(`message pattern ${pattern} is defined twice`);
    }
    OWNER.set(pattern, service);
    out[key] = pattern;
  }
  return Object.freeze(out) as Patterns<T>;
}

/** The service that owns a pattern (its stream receives the request). */
export function serviceOf(pattern: string): ServiceName {
  const owner = OWNER.get(pattern);
  if (!owner) {
    throw new Error(`no service owns message pattern "${pattern}"`);
  }
  return owner;
}

/** Every pattern a service must handle (checked against its handlers when it starts). */
export function patternsOf(service: ServiceName): string[] {
  return [...OWNER].filter(([, s]) => s === service).map(([p]) => p);
}

/** Redis names used by the transport. One request stream and one consumer group per service. */
export const requestStream = (prefix: string, service: string) => `${prefix}:rpc:${service}`;
export const replyChannel = (prefix: string, clientId: string) => `${prefix}:reply:${clientId}`;
export const eventsChannel = (prefix: string) => `${prefix}:events`;

/** Fields of one request entry in a service's stream. */
export interface RequestEntry {
  /** request id, unique per call (idempotency key for write handlers) */
  id: string;
  pattern: string;
  /** JSON of the payload */
  data: string;
  /** reply channel of the caller; absent for events (no reply expected) */
  reply?: string;
  /** epoch ms after which the caller has given up; the request is then dropped unhandled */
  deadline?: string;
  /** the id of the HTTP request this call serves (logged with everything the handler writes) */
  rqid?: string;
}

export interface ReplyMessage {
  id: string;
  response?: unknown;
  err?: unknown;
  isDisposed: true;
}

export function entryFields(flat: string[]): Partial<RequestEntry> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) {
    out[flat[i]] = flat[i + 1];
  }
  return out;
}

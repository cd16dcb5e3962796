import { createHash } from 'node:crypto';

const UNMISTAKABLE = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * A Rocket.Chat-shaped 17-character id derived from the transport's request id. A request redelivered after
 * a crash gets the same message id, so the retry cannot store the message twice.
 */
export function messageIdFor(requestId: string): string {
  const digest = createHash('sha256').update(`message:${requestId}`).digest();
  let out = '';
  for (let i = 0; i < 17; i++) {
    out += UNMISTAKABLE[digest[i] % UNMISTAKABLE.length];
  }
  return out;
}

/** `@username` mentions in a message text (Rocket.Chat's default username pattern). */
export function mentionedUsernames(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s>(])@([0-9a-zA-Z-_.]+)/g)) {
    out.add(m[1].replace(/[.]+$/, ''));
  }
  return [...out];
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/**
 * The links of a message text, as `urls` (Rocket.Chat's parseUrlsInMessage; trailing punctuation dropped). With
 * `previewUrls`, the links not in it are marked `ignoreParse` (no preview).
 */
export function messageUrls(text: string, previewUrls?: string[]): { url: string; ignoreParse?: true }[] {
  const out = new Set<string>();
  for (const m of text.matchAll(URL_PATTERN)) {
    out.add(m[0].replace(/[.,;:!?)\]}]+$/, ''));
  }
  return [...out].map((url) => (previewUrls && !previewUrls.includes(url) ? { url, ignoreParse: true } : { url }));
}

/** `#channel` links in a message text (Rocket.Chat's default channel-name pattern). */
export function channelNames(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s>(])#([0-9a-zA-Z-_.]+)/g)) {
    out.add(m[1].replace(/[.]+$/, ''));
  }
  return [...out];
}

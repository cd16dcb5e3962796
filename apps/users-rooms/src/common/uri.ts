/** A lone UTF-16 surrogate: half of a pair, which no UTF-8 text can carry. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `encodeURI` for text that came from a request: a lone surrogate (which makes `encodeURI` throw "URI malformed")
 * is written as U+FFFD first, so an error message or a log line about bad input never fails itself.
 */
export function encodeUriLoosely(text: string): string {
  return encodeURI(text.replace(LONE_SURROGATE, '\ufffd'));
}

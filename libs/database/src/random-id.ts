import { randomBytes, randomInt } from 'node:crypto';

const UNMISTAKABLE = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Meteor's `Random.id()`: 17 unmistakable characters, as Rocket.Chat's document ids. */
export function randomId(length = 17): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += UNMISTAKABLE[randomInt(UNMISTAKABLE.length)];
  }
  return out;
}

/** Meteor's `Random.secret()`: 43 base64url characters (login tokens). */
export function randomSecret(length = 43): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += BASE64URL[bytes[i] & 63];
  }
  return out;
}

import { createHash } from 'node:crypto';

/** Meteor's `Accounts._hashLoginToken`: SHA-256, base64 digest. Plain tokens are never stored. */
export function hashLoginToken(token: string): string {
  return createHash('sha256').update(token).digest('base64');
}

/** Rocket.Chat hashes the password with SHA-256 (hex) on the client before bcrypt. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

import { createHash, randomBytes } from 'node:crypto';

/** A fresh 256-bit secret (cookie value, API token, setup token) as base64url text. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A random public identifier (session and token ids): safe to show, useless as a credential. */
export function newPublicId(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * What the store keeps instead of a secret. A plain SHA-256 suffices: the secrets carry 256 random bits, so
 * there is nothing to guess, and a fast digest keeps per-request lookups cheap.
 */
export function digestSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

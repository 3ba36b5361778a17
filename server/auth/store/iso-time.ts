import { AccessStoreError } from './access-store-error.js';

/** Normalises a date-time to the one form the store keeps (UTC, `toISOString`), so text order is time order. */
export function isoTime(value: string, field: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new AccessStoreError('INVALID_TIME', `${field} is not a date-time: ${JSON.stringify(value)}`);
  return new Date(ms).toISOString();
}

import { HttpError } from '../http/errors.js';
import type { FieldErrors } from '../../common/storage-pool-check.js';

/** Error codes storage produces itself (libvirt failures keep libvirt's code names). */
export const StorageErrorCodes = {
  invalid: 'BAD_REQUEST',
  exists: 'ALREADY_EXISTS',
  poolActive: 'POOL_ACTIVE',
  inUse: 'VOLUME_IN_USE',
  shrink: 'SHRINK_NOT_ALLOWED',
  confirm: 'CONFIRMATION_MISMATCH',
  createFailed: 'POOL_CREATE_FAILED',
  lengthRequired: 'LENGTH_REQUIRED',
} as const;

export const invalid = (message: string): HttpError => new HttpError(400, StorageErrorCodes.invalid, message);
export const conflict = (code: string, message: string): HttpError => new HttpError(409, code, message);

/** One 400 naming every bad field with its reason. */
export function invalidFields(errors: FieldErrors): HttpError {
  const parts = Object.entries(errors).map(([field, reason]) => `${field}: ${reason}`);
  return invalid(parts.join('; '));
}

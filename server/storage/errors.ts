import { LibvirtError } from '../libvirt/index.js';
import { HttpError } from '../http/errors.js';
import type { FieldErrors } from '../../common/storage-pool-check.js';

/** Error codes storage produces itself (libvirt failures keep libvirt's code names). */
export const StorageErrorCodes = {
  invalid: 'BAD_REQUEST',
  exists: 'ALREADY_EXISTS',
  poolActive: 'POOL_ACTIVE',
  inUse: 'VOLUME_IN_USE',
  /** Other volumes have this one (or files of this pool) as their backing file. */
  hasDependants: 'HAS_BACKING_DEPENDANTS',
  shrink: 'SHRINK_NOT_ALLOWED',
  confirm: 'CONFIRMATION_MISMATCH',
  createFailed: 'POOL_CREATE_FAILED',
  lengthRequired: 'LENGTH_REQUIRED',
  poolFull: 'POOL_FULL',
  insufficientStorage: 'INSUFFICIENT_STORAGE',
  targetInUse: 'TARGET_IN_USE',
} as const;

export const invalid = (message: string): HttpError => new HttpError(400, StorageErrorCodes.invalid, message);
export const conflict = (code: string, message: string): HttpError => new HttpError(409, code, message);

/** One 400 naming every bad field with its reason. */
export function invalidFields(errors: FieldErrors): HttpError {
  const parts = Object.entries(errors).map(([field, reason]) => `${field}: ${reason}`);
  return invalid(parts.join('; '));
}

/** How libvirt words a volume that does not fit: the test driver's own check, or the file system's ENOSPC/EDQUOT. */
const NO_SPACE = /not enough free space|no space left on device|disk quota exceeded/i;

/** libvirt refused to allocate a volume for want of space: 507 with libvirt's message, not a server fault. */
export function noSpaceRefusal(err: unknown): unknown {
  if (err instanceof LibvirtError && NO_SPACE.test(err.message)) {
    return new HttpError(507, StorageErrorCodes.insufficientStorage, err.message);
  }
  return err;
}

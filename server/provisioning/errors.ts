import { HttpError, messageOf, toApiError } from '../http/errors.js';
import { isLibvirtCode, VIR_ERR_NO_DOMAIN, VIR_ERR_NO_NETWORK, VIR_ERR_NO_STORAGE_POOL, VIR_ERR_NO_STORAGE_VOL } from '../libvirt/index.js';

export const ProvisioningErrorCodes = {
  invalid: 'BAD_REQUEST',
  exists: 'ALREADY_EXISTS',
  running: 'VM_RUNNING',
  createFailed: 'CREATE_FAILED',
  cloneFailed: 'CLONE_FAILED',
} as const;

export const invalid = (message: string): HttpError => new HttpError(400, ProvisioningErrorCodes.invalid, message);
export const conflict = (code: string, message: string): HttpError => new HttpError(409, code, message);

export const isNoPool = (err: unknown): boolean => isLibvirtCode(err, VIR_ERR_NO_STORAGE_POOL);
export const isNoVolume = (err: unknown): boolean => isLibvirtCode(err, VIR_ERR_NO_STORAGE_VOL);
export const isNoNetwork = (err: unknown): boolean => isLibvirtCode(err, VIR_ERR_NO_NETWORK);
export const isNoDomain = (err: unknown): boolean => isLibvirtCode(err, VIR_ERR_NO_DOMAIN);

/** The failure of a multi-step job, with what was undone (or could not be) appended to the message. */
export function failedWithRollback(err: unknown, undone: string[], leftovers: string[]): HttpError {
  const { statusCode, body } = toApiError(err);
  const { code } = body.error;
  let message = messageOf(err);
  if (undone.length > 0) message += `. Rolled back: ${undone.join(', ')}`;
  else message += '. Nothing had been created';
  if (leftovers.length > 0) message += `. Could not roll back: ${leftovers.join(', ')}`;
  return new HttpError(statusCode, code, message);
}

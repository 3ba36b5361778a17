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
/** A 400 about one field of the request: the form shows `reason` on that field. */
export const invalidField = (field: string, reason: string, message: string): HttpError =>
  new HttpError(400, ProvisioningErrorCodes.invalid, message, { field, reason });
export const conflict = (code: string, message: string): HttpError => new HttpError(409, code, message);

export const isNoPool = (err: unknown): boolean => isLibvirtCode(err, VIR_ERR_NO_STORAGE_POOL);
export const isNoVolume = (err: unknown): boolean => isLibvirtCode(err, VIR_ERR_NO_STORAGE_VOL);
export const isNoNetwork = (err: unknown): boolean => isLibvirtCode(err, VIR_ERR_NO_NETWORK);
export const isNoDomain = (err: unknown): boolean => isLibvirtCode(err, VIR_ERR_NO_DOMAIN);

/** Undoes the steps of a failed job one by one, noting what was undone and what could not be. */
export class Rollback {
  readonly undone: string[] = [];
  readonly leftovers: string[] = [];

  async undo(done: string, leftover: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
      this.undone.push(done);
    } catch (e) {
      this.leftovers.push(`${leftover} (${messageOf(e)})`);
    }
  }

  failure(err: unknown): HttpError {
    return failedWithRollback(err, this.undone, this.leftovers);
  }
}

/** The failure of a multi-step job, with what was undone (or could not be) appended to the message. */
function failedWithRollback(err: unknown, undone: string[], leftovers: string[]): HttpError {
  const { statusCode, body } = toApiError(err);
  const { code } = body.error;
  let message = messageOf(err);
  if (undone.length > 0) message += `. Rolled back: ${undone.join(', ')}`;
  else message += '. Nothing had been created';
  if (leftovers.length > 0) message += `. Could not roll back: ${leftovers.join(', ')}`;
  return new HttpError(statusCode, code, message);
}

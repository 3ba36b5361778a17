import { ErrorCodes } from '../../common/errors.js';
import { HttpError } from '../http/errors.js';
import { AccessStoreError, type AccessStoreErrorCode } from './store/sqlite-access-store.js';

const STATUS: Record<AccessStoreErrorCode, [number, string]> = {
  USER_EXISTS: [409, ErrorCodes.alreadyExists],
  ROLE_EXISTS: [409, ErrorCodes.alreadyExists],
  GRANT_EXISTS: [409, ErrorCodes.alreadyExists],
  GROUP_EXISTS: [409, ErrorCodes.alreadyExists],
  UNKNOWN_GROUP: [404, ErrorCodes.notFound],
  INVALID_GROUP: [400, ErrorCodes.badRequest],
  ROLE_BUILT_IN: [409, ErrorCodes.roleInUse],
  ROLE_IN_USE: [409, ErrorCodes.roleInUse],
  UNKNOWN_USER: [404, ErrorCodes.notFound],
  UNKNOWN_ROLE: [400, ErrorCodes.badRequest],
  UNKNOWN_PRIVILEGE: [400, ErrorCodes.badRequest],
  INVALID_ROLE: [400, ErrorCodes.badRequest],
  INVALID_PATH: [400, ErrorCodes.badRequest],
  INVALID_TIME: [400, ErrorCodes.badRequest],
  PASSWORD_REQUIRED: [400, ErrorCodes.badRequest],
  SCHEMA_TOO_NEW: [500, ErrorCodes.internal],
};

/** Runs a store call, turning its refusals into HTTP errors with their (secret-free) message. */
export async function storeCall<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AccessStoreError) {
      const [status, code] = STATUS[err.code];
      throw new HttpError(status, code, err.message);
    }
    throw err;
  }
}

export type AccessStoreErrorCode =
  | 'USER_EXISTS'
  | 'UNKNOWN_USER'
  | 'PASSWORD_REQUIRED'
  | 'ROLE_EXISTS'
  | 'UNKNOWN_ROLE'
  | 'UNKNOWN_PRIVILEGE'
  | 'INVALID_ROLE'
  | 'ROLE_BUILT_IN'
  | 'ROLE_IN_USE'
  | 'INVALID_PATH'
  | 'GRANT_EXISTS'
  | 'GROUP_EXISTS'
  | 'UNKNOWN_GROUP'
  | 'INVALID_GROUP'
  | 'INVALID_TIME'
  | 'SCHEMA_TOO_NEW';

/** A refusal by the store: the input breaks a rule (the message is safe to show; it never holds a secret). */
export class AccessStoreError extends Error {
  override readonly name = 'AccessStoreError';
  constructor(
    readonly code: AccessStoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

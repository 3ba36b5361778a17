import { Type, type Static } from 'typebox';

/** Every failed API call answers with this body. libvirt failures keep libvirt's code name and message. */
export const ApiErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    libvirtCode: Type.Optional(Type.Integer()),
    /** The request field the error is about (dotted path in the body: `memoryMiB`, `storage.sizeBytes`). */
    field: Type.Optional(Type.String()),
    /** What is wrong with that field, in words that follow its label ("must be at most 16777216"). */
    reason: Type.Optional(Type.String()),
  }),
});
export type ApiErrorBody = Static<typeof ApiErrorBody>;

/** Error codes virtdeck itself produces (libvirt errors use libvirt's names such as VIR_ERR_NO_DOMAIN). */
export const ErrorCodes = {
  badRequest: 'BAD_REQUEST',
  bodyTooLarge: 'BODY_TOO_LARGE',
  notFound: 'NOT_FOUND',
  hostNotFound: 'HOST_NOT_FOUND',
  hostUnavailable: 'HOST_UNAVAILABLE',
  timeout: 'LIBVIRT_TIMEOUT',
  /** The host's libvirt driver cannot do this (VIR_ERR_NO_SUPPORT); libvirtCode says which error it was. */
  notSupported: 'NOT_SUPPORTED',
  internal: 'INTERNAL',
  /** No valid session cookie or API token. */
  unauthenticated: 'UNAUTHENTICATED',
  /** Logged in, but without the privilege on that path; the message names both. */
  forbidden: 'FORBIDDEN',
  /** A state-changing request or WebSocket upgrade from a foreign browser origin. */
  originRefused: 'ORIGIN_REFUSED',
  /** Wrong user name or password (never says which). */
  loginFailed: 'LOGIN_FAILED',
  /** Too many failed logins for this user or address: wait Retry-After seconds. */
  tooManyAttempts: 'TOO_MANY_ATTEMPTS',
  setupTokenInvalid: 'SETUP_TOKEN_INVALID',
  /** The change would leave no enabled Administrator on '/'. */
  lastAdministrator: 'LAST_ADMINISTRATOR',
  /** A user, role or grant of that name already exists. */
  alreadyExists: 'ALREADY_EXISTS',
  /** A built-in role, or a role still granted, cannot be deleted. */
  roleInUse: 'ROLE_IN_USE',
} as const;

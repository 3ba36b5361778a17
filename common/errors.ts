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
} as const;

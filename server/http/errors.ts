import type { FastifyError } from 'fastify';
import { ErrorCodes, type ApiErrorBody } from '../../common/errors.js';
import { libvirtErrorOf } from './libvirt-errors.js';
import { fieldProblemOf, type FieldProblem } from './validation-field.js';

/** An error with an HTTP status that the error handler sends as `{ error: { code, message } }`. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** The request field at fault, for the form to show the error on it. */
    readonly problem?: FieldProblem,
  ) {
    super(message);
  }
}

export const badRequest = (message: string): HttpError => new HttpError(400, ErrorCodes.badRequest, message);
export const notFound = (message: string): HttpError => new HttpError(404, ErrorCodes.notFound, message);

export interface ApiErrorReply {
  statusCode: number;
  body: ApiErrorBody;
}

function isFastifyError(err: unknown): err is FastifyError {
  return err instanceof Error && typeof (err as Partial<FastifyError>).code === 'string';
}

/** Turns anything thrown by a route into the status and body sent to the client. */
export function toApiError(err: unknown): ApiErrorReply {
  if (err instanceof HttpError) {
    return { statusCode: err.statusCode, body: { error: { code: err.code, message: err.message, ...(err.problem ?? {}) } } };
  }
  const lv = libvirtErrorOf(err);
  if (lv !== undefined) {
    return {
      statusCode: lv.statusCode,
      body: { error: { code: lv.code, message: lv.message, ...(lv.libvirtCode === undefined ? {} : { libvirtCode: lv.libvirtCode }) } },
    };
  }
  if (isFastifyError(err)) {
    if (err.validation !== undefined) {
      const problem = err.validationContext === 'body' || err.validationContext === 'querystring' ? fieldProblemOf(err.validation) : undefined;
      return { statusCode: 400, body: { error: { code: ErrorCodes.badRequest, message: err.message, ...(problem ?? {}) } } };
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return { statusCode: 400, body: { error: { code: ErrorCodes.bodyTooLarge, message: err.message } } };
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return { statusCode: status, body: { error: { code: err.code, message: err.message } } };
    }
  }
  return { statusCode: 500, body: { error: { code: ErrorCodes.internal, message: messageOf(err) } } };
}

/** The message of anything thrown. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

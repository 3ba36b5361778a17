import { LibvirtError, NotConnectedError, StreamOverflowError } from '../libvirt/errors.js';
import {
  VIR_ERR_NO_DOMAIN,
  VIR_ERR_OPERATION_FAILED,
  VIR_ERR_OPERATION_INVALID,
} from '../libvirt/error-codes.js';

export type ConsoleFailure = 'in-use' | 'not-running' | 'not-ready' | 'no-domain' | 'not-connected' | 'overflow' | 'other';

/** Sorts a failure of a console call into what the pane should tell the user. */
export function classifyConsoleError(error: unknown): ConsoleFailure {
  if (error instanceof NotConnectedError) return 'not-connected';
  // The client aborted a stream whose reader (the browser, through the socket) fell too far behind.
  if (error instanceof StreamOverflowError) return 'overflow';
  if (!(error instanceof LibvirtError)) return 'other';
  if (error.code === VIR_ERR_NO_DOMAIN) return 'no-domain';
  if (error.code === VIR_ERR_OPERATION_INVALID && /not running|inactive/i.test(error.message)) return 'not-running';
  // "operation failed: Active console session exists for this domain"
  if (error.code === VIR_ERR_OPERATION_FAILED && /console session/i.test(error.message)) return 'in-use';
  // Right after QEMU (re)starts: "operation failed: PTY device is not yet assigned"
  if (error.code === VIR_ERR_OPERATION_FAILED && /not yet assigned/i.test(error.message)) return 'not-ready';
  return 'other';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

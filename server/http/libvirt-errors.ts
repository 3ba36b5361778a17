import { ErrorCodes } from '../../common/errors.js';
import { CallTimeoutError, LibvirtError, NotConnectedError } from '../libvirt/index.js';

// libvirt's virErrorNumber values that decide the HTTP status (include/libvirt/virterror.h).
const NOT_FOUND = new Set([
  42, // VIR_ERR_NO_DOMAIN
  43, // VIR_ERR_NO_NETWORK
  49, // VIR_ERR_NO_STORAGE_POOL
  50, // VIR_ERR_NO_STORAGE_VOL
  53, // VIR_ERR_NO_NODE_DEVICE
  57, // VIR_ERR_NO_INTERFACE
  66, // VIR_ERR_NO_SECRET
  72, // VIR_ERR_NO_DOMAIN_SNAPSHOT
  80, // VIR_ERR_NO_DOMAIN_METADATA
  103, // VIR_ERR_NO_DOMAIN_CHECKPOINT
]);
const CONFLICT = new Set([
  28, // VIR_ERR_DOM_EXIST
  37, // VIR_ERR_NETWORK_EXIST
  55, // VIR_ERR_OPERATION_INVALID (wrong state)
  76, // VIR_ERR_STORAGE_POOL_BUILT
  83, // VIR_ERR_BLOCK_COPY_ACTIVE
  87, // VIR_ERR_RESOURCE_BUSY
  90, // VIR_ERR_STORAGE_VOL_EXIST
]);
const BAD_REQUEST = new Set([
  8, // VIR_ERR_INVALID_ARG
  27, // VIR_ERR_XML_ERROR
  35, // VIR_ERR_XML_DETAIL
  44, // VIR_ERR_INVALID_MAC
  67, // VIR_ERR_CONFIG_UNSUPPORTED
  74, // VIR_ERR_ARGUMENT_UNSUPPORTED
  92, // VIR_ERR_XML_INVALID_SCHEMA
]);
const UNAVAILABLE = new Set([
  5, // VIR_ERR_NO_CONNECT
  6, // VIR_ERR_INVALID_CONN
  39, // VIR_ERR_RPC
]);

export function statusForLibvirtCode(code: number): number {
  if (NOT_FOUND.has(code)) return 404;
  if (CONFLICT.has(code)) return 409;
  if (BAD_REQUEST.has(code)) return 400;
  if (UNAVAILABLE.has(code)) return 503;
  return 500;
}

export interface MappedLibvirtError {
  statusCode: number;
  code: string;
  message: string;
  libvirtCode?: number;
}

/** Maps errors of the libvirt client to HTTP; undefined when `err` did not come from it. */
export function libvirtErrorOf(err: unknown): MappedLibvirtError | undefined {
  if (err instanceof LibvirtError) {
    return { statusCode: statusForLibvirtCode(err.code), code: err.codeName, message: err.message, libvirtCode: err.code };
  }
  if (err instanceof NotConnectedError) {
    return { statusCode: 503, code: ErrorCodes.hostUnavailable, message: err.message };
  }
  if (err instanceof CallTimeoutError) {
    return { statusCode: 504, code: ErrorCodes.timeout, message: err.message };
  }
  return undefined;
}

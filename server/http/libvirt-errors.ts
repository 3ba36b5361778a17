import { ErrorCodes } from '../../common/errors.js';
import {
  CallTimeoutError,
  LibvirtError,
  NotConnectedError,
  VIR_ERR_ARGUMENT_UNSUPPORTED,
  VIR_ERR_BLOCK_COPY_ACTIVE,
  VIR_ERR_CONFIG_UNSUPPORTED,
  VIR_ERR_DOM_EXIST,
  VIR_ERR_INTERNAL_ERROR,
  VIR_ERR_INVALID_ARG,
  VIR_ERR_INVALID_CONN,
  VIR_ERR_INVALID_MAC,
  VIR_ERR_NETWORK_EXIST,
  VIR_ERR_NO_CONNECT,
  VIR_ERR_NO_DOMAIN,
  VIR_ERR_NO_DOMAIN_CHECKPOINT,
  VIR_ERR_NO_DOMAIN_METADATA,
  VIR_ERR_NO_DOMAIN_SNAPSHOT,
  VIR_ERR_NO_INTERFACE,
  VIR_ERR_NO_NETWORK,
  VIR_ERR_NO_NODE_DEVICE,
  VIR_ERR_NO_SECRET,
  VIR_ERR_NO_STORAGE_POOL,
  VIR_ERR_NO_STORAGE_VOL,
  VIR_ERR_OPERATION_FAILED,
  VIR_ERR_OPERATION_INVALID,
  VIR_ERR_OPERATION_UNSUPPORTED,
  VIR_ERR_RESOURCE_BUSY,
  VIR_ERR_RPC,
  VIR_ERR_STORAGE_POOL_BUILT,
  VIR_ERR_STORAGE_VOL_EXIST,
  VIR_ERR_XML_DETAIL,
  VIR_ERR_XML_ERROR,
  VIR_ERR_XML_INVALID_SCHEMA,
  VIR_FROM_QEMU,
} from '../libvirt/index.js';

/** No such object. */
const NOT_FOUND = new Set([
  VIR_ERR_NO_DOMAIN,
  VIR_ERR_NO_NETWORK,
  VIR_ERR_NO_STORAGE_POOL,
  VIR_ERR_NO_STORAGE_VOL,
  VIR_ERR_NO_NODE_DEVICE,
  VIR_ERR_NO_INTERFACE,
  VIR_ERR_NO_SECRET,
  VIR_ERR_NO_DOMAIN_SNAPSHOT,
  VIR_ERR_NO_DOMAIN_METADATA,
  VIR_ERR_NO_DOMAIN_CHECKPOINT,
]);
/**
 * The object exists but its state refuses the request: it already exists, is busy, is in the
 * wrong state, or the hypervisor refused the operation on it ("operation failed: domain moment
 * s1 already exists", "Operation not supported: …").
 */
const CONFLICT = new Set([
  VIR_ERR_DOM_EXIST,
  VIR_ERR_NETWORK_EXIST,
  VIR_ERR_OPERATION_INVALID,
  VIR_ERR_OPERATION_FAILED,
  VIR_ERR_OPERATION_UNSUPPORTED,
  VIR_ERR_STORAGE_POOL_BUILT,
  VIR_ERR_BLOCK_COPY_ACTIVE,
  VIR_ERR_RESOURCE_BUSY,
  VIR_ERR_STORAGE_VOL_EXIST,
]);
/** The request itself is wrong: bad argument, XML or configuration. */
const BAD_REQUEST = new Set([
  VIR_ERR_INVALID_ARG,
  VIR_ERR_XML_ERROR,
  VIR_ERR_XML_DETAIL,
  VIR_ERR_INVALID_MAC,
  VIR_ERR_CONFIG_UNSUPPORTED,
  VIR_ERR_ARGUMENT_UNSUPPORTED,
  VIR_ERR_XML_INVALID_SCHEMA,
]);
const UNAVAILABLE = new Set([VIR_ERR_NO_CONNECT, VIR_ERR_INVALID_CONN, VIR_ERR_RPC]);

/**
 * libvirt reports QEMU's refusal of a monitor command (a live device or resource change QEMU
 * cannot make) as an internal error; it is QEMU refusing the request, not the daemon failing.
 */
function isQemuRefusal(err: LibvirtError): boolean {
  return err.code === VIR_ERR_INTERNAL_ERROR && err.domain === VIR_FROM_QEMU && /unable to execute QEMU command/.test(err.message);
}

function statusForLibvirtCode(code: number): number {
  if (NOT_FOUND.has(code)) return 404;
  if (CONFLICT.has(code)) return 409;
  if (BAD_REQUEST.has(code)) return 400;
  if (UNAVAILABLE.has(code)) return 503;
  return 500;
}

export function statusForLibvirtError(err: LibvirtError): number {
  return isQemuRefusal(err) ? 409 : statusForLibvirtCode(err.code);
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
    return { statusCode: statusForLibvirtError(err), code: err.codeName, message: err.message, libvirtCode: err.code };
  }
  if (err instanceof NotConnectedError) {
    return { statusCode: 503, code: ErrorCodes.hostUnavailable, message: err.message };
  }
  if (err instanceof CallTimeoutError) {
    return { statusCode: 504, code: ErrorCodes.timeout, message: err.message };
  }
  return undefined;
}

import { ErrorCodes } from '../../common/errors.js';
import {
  CallTimeoutError,
  LibvirtError,
  NotConnectedError,
  VIR_ERR_ACCESS_DENIED,
  VIR_ERR_AGENT_UNRESPONSIVE,
  VIR_ERR_ARGUMENT_UNSUPPORTED,
  VIR_ERR_BLOCK_COPY_ACTIVE,
  VIR_ERR_CONFIG_UNSUPPORTED,
  VIR_ERR_DEVICE_MISSING,
  VIR_ERR_DOM_EXIST,
  VIR_ERR_INTERNAL_ERROR,
  VIR_ERR_INVALID_ARG,
  VIR_ERR_INVALID_CONN,
  VIR_ERR_INVALID_MAC,
  VIR_ERR_NETWORK_EXIST,
  VIR_ERR_NO_CLIENT,
  VIR_ERR_NO_CONNECT,
  VIR_ERR_NO_DOMAIN,
  VIR_ERR_NO_DOMAIN_BACKUP,
  VIR_ERR_NO_DOMAIN_CHECKPOINT,
  VIR_ERR_NO_DOMAIN_METADATA,
  VIR_ERR_NO_DOMAIN_SNAPSHOT,
  VIR_ERR_NO_INTERFACE,
  VIR_ERR_NO_NETWORK,
  VIR_ERR_NO_NETWORK_PORT,
  VIR_ERR_NO_NODE_DEVICE,
  VIR_ERR_NO_NWFILTER,
  VIR_ERR_NO_NWFILTER_BINDING,
  VIR_ERR_NO_SECRET,
  VIR_ERR_NO_SERVER,
  VIR_ERR_NO_STORAGE_POOL,
  VIR_ERR_NO_STORAGE_VOL,
  VIR_ERR_NO_SUPPORT,
  VIR_ERR_OPERATION_ABORTED,
  VIR_ERR_OPERATION_DENIED,
  VIR_ERR_OPERATION_FAILED,
  VIR_ERR_OPERATION_INVALID,
  VIR_ERR_OPERATION_TIMEOUT,
  VIR_ERR_OPERATION_UNSUPPORTED,
  VIR_ERR_RESOURCE_BUSY,
  VIR_ERR_RPC,
  VIR_ERR_SNAPSHOT_REVERT_RISKY,
  VIR_ERR_STORAGE_POOL_BUILT,
  VIR_ERR_STORAGE_VOL_EXIST,
  VIR_ERR_XML_DETAIL,
  VIR_ERR_XML_ERROR,
  VIR_ERR_XML_INVALID_SCHEMA,
  VIR_FROM_QEMU,
} from '../libvirt/index.js';

/** How one libvirt error class answers over HTTP; `code` replaces libvirt's code name when set. */
export interface LibvirtErrorClass {
  readonly status: number;
  readonly code?: string;
}

const notFound: LibvirtErrorClass = { status: 404 };
/** The object exists but its state refuses the request: it already exists, is busy, is in the wrong state. */
const conflict: LibvirtErrorClass = { status: 409 };
/** The request itself is wrong: bad argument, XML or configuration. */
const badRequest: LibvirtErrorClass = { status: 400 };
/** The host's driver cannot do this at all (a limit of libvirt on that host, not a failure). */
const notSupported: LibvirtErrorClass = { status: 501, code: ErrorCodes.notSupported };
const forbidden: LibvirtErrorClass = { status: 403 };
const unavailable: LibvirtErrorClass = { status: 503 };

/**
 * Every libvirt error class with a status of its own, in one table; any other code answers 500.
 * libvirt's message is always kept.
 */
export const LIBVIRT_ERROR_CLASSES: ReadonlyMap<number, LibvirtErrorClass> = new Map([
  // No such object.
  [VIR_ERR_NO_DOMAIN, notFound],
  [VIR_ERR_NO_NETWORK, notFound],
  [VIR_ERR_NO_NETWORK_PORT, notFound],
  [VIR_ERR_NO_STORAGE_POOL, notFound],
  [VIR_ERR_NO_STORAGE_VOL, notFound],
  [VIR_ERR_NO_NODE_DEVICE, notFound],
  [VIR_ERR_NO_INTERFACE, notFound],
  [VIR_ERR_NO_SECRET, notFound],
  [VIR_ERR_NO_NWFILTER, notFound],
  [VIR_ERR_NO_NWFILTER_BINDING, notFound],
  [VIR_ERR_NO_DOMAIN_SNAPSHOT, notFound],
  [VIR_ERR_NO_DOMAIN_METADATA, notFound],
  [VIR_ERR_NO_DOMAIN_CHECKPOINT, notFound],
  [VIR_ERR_NO_DOMAIN_BACKUP, notFound],
  [VIR_ERR_NO_SERVER, notFound],
  [VIR_ERR_NO_CLIENT, notFound],
  [VIR_ERR_DEVICE_MISSING, notFound],
  // The object's state is the reason ("domain is not running", "domain moment s1 already exists",
  // "Operation not supported: …" for this object's configuration).
  [VIR_ERR_OPERATION_INVALID, conflict],
  [VIR_ERR_OPERATION_FAILED, conflict],
  [VIR_ERR_OPERATION_UNSUPPORTED, conflict],
  [VIR_ERR_OPERATION_ABORTED, conflict],
  [VIR_ERR_DOM_EXIST, conflict],
  [VIR_ERR_NETWORK_EXIST, conflict],
  [VIR_ERR_STORAGE_VOL_EXIST, conflict],
  [VIR_ERR_STORAGE_POOL_BUILT, conflict],
  [VIR_ERR_BLOCK_COPY_ACTIVE, conflict],
  [VIR_ERR_RESOURCE_BUSY, conflict],
  [VIR_ERR_SNAPSHOT_REVERT_RISKY, conflict],
  [VIR_ERR_AGENT_UNRESPONSIVE, conflict],
  // The request is wrong.
  [VIR_ERR_INVALID_ARG, badRequest],
  [VIR_ERR_XML_ERROR, badRequest],
  [VIR_ERR_XML_DETAIL, badRequest],
  [VIR_ERR_XML_INVALID_SCHEMA, badRequest],
  [VIR_ERR_INVALID_MAC, badRequest],
  [VIR_ERR_CONFIG_UNSUPPORTED, badRequest],
  [VIR_ERR_ARGUMENT_UNSUPPORTED, badRequest],
  // The driver has no such function (e.g. volume download from a pool type without streaming).
  [VIR_ERR_NO_SUPPORT, notSupported],
  // libvirt refuses this client.
  [VIR_ERR_OPERATION_DENIED, forbidden],
  [VIR_ERR_ACCESS_DENIED, forbidden],
  // The connection to the host.
  [VIR_ERR_NO_CONNECT, unavailable],
  [VIR_ERR_INVALID_CONN, unavailable],
  [VIR_ERR_RPC, unavailable],
  [VIR_ERR_OPERATION_TIMEOUT, { status: 504 }],
]);

const internal: LibvirtErrorClass = { status: 500 };

/**
 * libvirt reports QEMU's refusal of a monitor command (a live device or resource change QEMU
 * cannot make) as an internal error; it is QEMU refusing the request, not the daemon failing.
 */
function isQemuRefusal(err: LibvirtError): boolean {
  return err.code === VIR_ERR_INTERNAL_ERROR && err.domain === VIR_FROM_QEMU && /unable to execute QEMU command/.test(err.message);
}

/** The class of a libvirt error: the table's row, 409 for QEMU's refusals, 500 for the rest. */
export function classOfLibvirtError(err: LibvirtError): LibvirtErrorClass {
  if (isQemuRefusal(err)) return conflict;
  return LIBVIRT_ERROR_CLASSES.get(err.code) ?? internal;
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
    const cls = classOfLibvirtError(err);
    return { statusCode: cls.status, code: cls.code ?? err.codeName, message: err.message, libvirtCode: err.code };
  }
  if (err instanceof NotConnectedError) {
    return { statusCode: 503, code: ErrorCodes.hostUnavailable, message: err.message };
  }
  if (err instanceof CallTimeoutError) {
    return { statusCode: 504, code: ErrorCodes.timeout, message: err.message };
  }
  return undefined;
}

/**
 * Field validators shared by the SPA (as-you-type) and the server (again, before anything reaches
 * libvirt). Each returns null when the value is fine, or the reason it is not.
 */

export type Check = (value: string) => string | null;

export const NAME_MAX = 128;
export const PATH_MAX = 1024;

/** Pool and volume names: a plain file-name-like word. */
export const NAME_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9._+-]*$';
const NAME_RE = new RegExp(NAME_PATTERN);

export function checkObjectName(value: string, what = 'Name'): string | null {
  if (value.length === 0) return `${what} is required`;
  if (value.length > NAME_MAX) return `${what} must be at most ${NAME_MAX} characters`;
  if (value.includes('/')) return `${what} must not contain "/"`;
  if (value.includes('..')) return `${what} must not contain ".."`;
  if (value.startsWith('.')) return `${what} must not start with "."`;
  if (value.startsWith('-')) return `${what} must not start with "-"`;
  if (!NAME_RE.test(value)) return `${what} may only contain letters, digits, ".", "_", "+" and "-"`;
  return null;
}

export const checkPoolName: Check = (v) => checkObjectName(v, 'Pool name');
export const checkVolumeName: Check = (v) => checkObjectName(v, 'Volume name');

const PATH_CHARS_RE = /^[A-Za-z0-9._+\-/@:~,=]+$/;

/** Absolute, normalized path: starts with "/", no "..", ".", empty segments or trailing "/". */
export function checkAbsolutePath(value: string, what = 'Path'): string | null {
  if (value.length === 0) return `${what} is required`;
  if (value.length > PATH_MAX) return `${what} must be at most ${PATH_MAX} characters`;
  if (!value.startsWith('/')) return `${what} must be absolute (start with "/")`;
  if (!PATH_CHARS_RE.test(value)) return `${what} may only contain letters, digits and . _ + - / @ : ~ , =`;
  if (value === '/') return `${what} must not be the root directory`;
  if (value.endsWith('/')) return `${what} must not end with "/"`;
  const segments = value.slice(1).split('/');
  if (segments.some((s) => s === '')) return `${what} must not contain "//"`;
  if (segments.some((s) => s === '..')) return `${what} must not contain ".."`;
  if (segments.some((s) => s === '.')) return `${what} must not contain "." segments`;
  return null;
}

const LABEL_RE = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV4_RE = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6_RE = /^[0-9A-Fa-f:]+(%[A-Za-z0-9]+)?$/;

/** Host name (RFC 1123), IPv4 address or IPv6 address (without brackets). */
export function checkHostname(value: string, what = 'Host'): string | null {
  if (value.length === 0) return `${what} is required`;
  if (value.length > 253) return `${what} must be at most 253 characters`;
  if (IPV4_RE.test(value)) return null;
  if (value.includes(':')) {
    if (IPV6_RE.test(value) && value.split(':').length >= 3 && value.split(':').length <= 8) return null;
    return `${what} is not a valid IPv6 address (write it without brackets or port)`;
  }
  if (/^[\d.]+$/.test(value)) return `${what} is not a valid IPv4 address`;
  const labels = value.split('.');
  if (labels.some((l) => !LABEL_RE.test(l))) {
    return `${what} must be a host name (letters, digits, "-" between dots) or an IP address`;
  }
  return null;
}

const IQN_RE = /^iqn\.\d{4}-(0[1-9]|1[0-2])\.[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[A-Za-z0-9.:_-]+)?$/;
const EUI_RE = /^eui\.[0-9A-Fa-f]{16}$/;
const NAA_RE = /^naa\.([0-9A-Fa-f]{16}|[0-9A-Fa-f]{32})$/;

/** iSCSI qualified name: iqn.YYYY-MM.reversed.domain[:identifier], eui.<16 hex> or naa.<16|32 hex>. */
export function checkIqn(value: string, what = 'IQN'): string | null {
  if (value.length === 0) return `${what} is required`;
  if (value.length > 223) return `${what} must be at most 223 characters`;
  if (IQN_RE.test(value) || EUI_RE.test(value) || NAA_RE.test(value)) return null;
  if (value.startsWith('iqn.') && /[A-Z]/.test(value.split(':')[0] ?? '')) return `${what} must be lower case before the ":"`;
  return `${what} must look like iqn.2004-01.com.example:storage (or eui./naa. form)`;
}

/** A storage-side identifier: volume group, zpool, Ceph pool, user name, secret usage. */
export function checkIdentifier(value: string, what = 'Name'): string | null {
  if (value.length === 0) return `${what} is required`;
  if (value.length > NAME_MAX) return `${what} must be at most ${NAME_MAX} characters`;
  if (!/^[A-Za-z0-9_][A-Za-z0-9._+:@-]*$/.test(value)) {
    return `${what} must start with a letter, digit or "_" and contain only letters, digits and . _ + : @ -`;
  }
  if (value.includes('..')) return `${what} must not contain ".."`;
  return null;
}

export function checkUuid(value: string, what = 'UUID'): string | null {
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value)
    ? null
    : `${what} must be a UUID like 0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f`;
}

export function checkWwn(value: string, what = 'WWN'): string | null {
  return /^(0x)?[0-9a-fA-F]{16}$/.test(value) ? null : `${what} must be 16 hexadecimal digits`;
}

export function checkScsiAdapterName(value: string): string | null {
  return /^(scsi_)?host\d{1,4}$/.test(value) ? null : 'Adapter name must look like host0 or scsi_host0';
}

export function checkPort(value: number): string | null {
  return Number.isInteger(value) && value >= 1 && value <= 65535 ? null : 'Port must be a whole number from 1 to 65535';
}

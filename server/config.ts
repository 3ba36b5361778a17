import { MIN_PASSWORD_LENGTH } from '../common/access.js';
import { LibvirtUriError, parseLibvirtUri } from './libvirt/index.js';

export interface HostConfig {
  id: string;
  uri: string;
}

export interface ServerConfig {
  hosts: HostConfig[];
  listenHost: string;
  port: number;
  /** Where virtdeck keeps its state, e.g. the SSH known_hosts file (VIRTDECK_DATA_DIR, default /var/lib/virtdeck). */
  dataDir?: string;
  /** Allow qemu+tcp:// hosts, which are unencrypted and unauthenticated (VIRTDECK_ALLOW_INSECURE_TCP=1). */
  allowInsecureTcp?: boolean;
  /** Seeds user `admin` (Administrator on '/') when no user `admin` exists (VIRTDECK_ADMIN_PASSWORD). */
  adminPassword?: string;
  /** A session unused this long ends (VIRTDECK_SESSION_IDLE_MINUTES, default 30 min). */
  sessionIdleMs?: number;
  /** A session ends this long after login however busy it is (VIRTDECK_SESSION_MAX_HOURS, default 12 h). */
  sessionMaxMs?: number;
  /** Audit entries older than this many days are removed (VIRTDECK_AUDIT_RETENTION_DAYS, default 90). */
  auditRetentionDays?: number;
  /** Browser origins allowed besides the server's own, normalised (VIRTDECK_ORIGINS, comma-separated). */
  allowedOrigins?: string[];
  /** PEM certificate and key to serve HTTPS with (VIRTDECK_TLS_CERT, VIRTDECK_TLS_KEY). */
  tlsCertPath?: string;
  tlsKeyPath?: string;
  /** Plain HTTP even when listening off loopback (VIRTDECK_INSECURE_HTTP=1). */
  insecureHttp?: boolean;
}

export const DEFAULT_DATA_DIR = '/var/lib/virtdeck';
export const DEFAULT_SESSION_IDLE_MS = 30 * 60_000;
export const DEFAULT_SESSION_MAX_MS = 12 * 3600_000;
export const DEFAULT_AUDIT_RETENTION_DAYS = 90;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const HOST_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
// driver[+transport]://[user@][host[:port]]/path[?query]: what libvirt accepts as a connection URI.
const LIBVIRT_URI = /^[a-z][a-z0-9]*(\+[a-z][a-z0-9]*)?:\/\/([^/\s?#]*)\/[^\s#]*$/;

export const DEFAULT_HOSTS = 'local=qemu:///system';

export function parseHosts(spec: string): HostConfig[] {
  const entries = spec.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (entries.length === 0) {
    throw new ConfigError('VIRTDECK_HOSTS is empty; expected comma-separated id=uri pairs, e.g. local=qemu:///system');
  }
  const hosts: HostConfig[] = [];
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0) {
      throw new ConfigError(`VIRTDECK_HOSTS entry "${entry}" is not of the form id=uri (e.g. local=qemu:///system)`);
    }
    const id = entry.slice(0, eq).trim();
    const uri = entry.slice(eq + 1).trim();
    if (!HOST_ID.test(id)) {
      throw new ConfigError(`VIRTDECK_HOSTS host id "${id}" is invalid: use lower-case letters, digits and '-', starting with a letter or digit`);
    }
    if (!LIBVIRT_URI.test(uri)) {
      throw new ConfigError(`VIRTDECK_HOSTS uri "${uri}" for host "${id}" is not a libvirt URI (e.g. qemu:///system, test:///default)`);
    }
    try {
      parseLibvirtUri(uri);
    } catch (err) {
      if (err instanceof LibvirtUriError) throw new ConfigError(`VIRTDECK_HOSTS uri "${uri}" for host "${id}": ${err.message}`);
      throw err;
    }
    if (hosts.some((h) => h.id === id)) {
      throw new ConfigError(`VIRTDECK_HOSTS names host "${id}" twice`);
    }
    hosts.push({ id, uri });
  }
  return hosts;
}

export function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535) {
    throw new ConfigError(`PORT "${value}" is not a TCP port number (1-65535)`);
  }
  return Number(value);
}

export function parseListenHost(value: string | undefined): string {
  if (value === undefined || value === '') return '127.0.0.1';
  // An IP address or a host name; never anything with spaces, slashes or ports in it.
  if (!/^[A-Za-z0-9.:-]+$/.test(value) || value.length > 253) {
    throw new ConfigError(`HOST "${value}" is not an address or host name to listen on`);
  }
  return value;
}

export function parseDataDir(value: string | undefined): string {
  if (value === undefined || value === '') return DEFAULT_DATA_DIR;
  if (!value.startsWith('/') || value.includes('\0')) throw new ConfigError(`VIRTDECK_DATA_DIR "${value}" is not an absolute path`);
  return value;
}

export function parseFlag(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new ConfigError(`${name} "${value}" must be 1 or 0`);
}

/** A whole number of `unit`s within [min, max], or `fallback` when unset. */
export function parseCount(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(`${name} "${value}" must be a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

export function parseAdminPassword(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length < MIN_PASSWORD_LENGTH) {
    throw new ConfigError(`VIRTDECK_ADMIN_PASSWORD is too short: use at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (value.length > 1024) throw new ConfigError('VIRTDECK_ADMIN_PASSWORD is longer than 1024 characters');
  return value;
}

/** `https://a.example,https://b.example:8443` → normalised origins (scheme://host[:port]). */
export function parseOrigins(name: string, value: string | undefined): string[] {
  const out: string[] = [];
  for (const entry of (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new ConfigError(`${name} entry "${entry}" is not an origin such as https://virt.example.org`);
    }
    const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !bare) {
      throw new ConfigError(`${name} entry "${entry}" is not an origin (http or https scheme, host and optional port, nothing else)`);
    }
    if (!out.includes(url.origin)) out.push(url.origin);
  }
  return out;
}

export function parseFilePath(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!value.startsWith('/') || value.includes('\0')) throw new ConfigError(`${name} "${value}" is not an absolute path`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const adminPassword = parseAdminPassword(env['VIRTDECK_ADMIN_PASSWORD']);
  const tlsCertPath = parseFilePath('VIRTDECK_TLS_CERT', env['VIRTDECK_TLS_CERT']);
  const tlsKeyPath = parseFilePath('VIRTDECK_TLS_KEY', env['VIRTDECK_TLS_KEY']);
  if ((tlsCertPath === undefined) !== (tlsKeyPath === undefined)) throw new ConfigError('VIRTDECK_TLS_CERT and VIRTDECK_TLS_KEY must be given together');
  // VIRTDECK_CONSOLE_ORIGINS predates the general rule and still counts.
  const origins = [...parseOrigins('VIRTDECK_ORIGINS', env['VIRTDECK_ORIGINS']), ...parseOrigins('VIRTDECK_CONSOLE_ORIGINS', env['VIRTDECK_CONSOLE_ORIGINS'])];
  return {
    hosts: parseHosts(env['VIRTDECK_HOSTS'] ?? DEFAULT_HOSTS),
    listenHost: parseListenHost(env['HOST']),
    port: parsePort(env['PORT']),
    dataDir: parseDataDir(env['VIRTDECK_DATA_DIR']),
    allowInsecureTcp: parseFlag('VIRTDECK_ALLOW_INSECURE_TCP', env['VIRTDECK_ALLOW_INSECURE_TCP']),
    ...(adminPassword === undefined ? {} : { adminPassword }),
    sessionIdleMs: parseCount('VIRTDECK_SESSION_IDLE_MINUTES', env['VIRTDECK_SESSION_IDLE_MINUTES'], 30, 1, 7 * 24 * 60) * 60_000,
    sessionMaxMs: parseCount('VIRTDECK_SESSION_MAX_HOURS', env['VIRTDECK_SESSION_MAX_HOURS'], 12, 1, 24 * 365) * 3600_000,
    auditRetentionDays: parseCount('VIRTDECK_AUDIT_RETENTION_DAYS', env['VIRTDECK_AUDIT_RETENTION_DAYS'], DEFAULT_AUDIT_RETENTION_DAYS, 1, 36500),
    allowedOrigins: [...new Set(origins)],
    ...(tlsCertPath === undefined ? {} : { tlsCertPath }),
    ...(tlsKeyPath === undefined ? {} : { tlsKeyPath }),
    insecureHttp: parseFlag('VIRTDECK_INSECURE_HTTP', env['VIRTDECK_INSECURE_HTTP']),
  };
}

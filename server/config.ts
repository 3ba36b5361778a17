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
}

export const DEFAULT_DATA_DIR = '/var/lib/virtdeck';

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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    hosts: parseHosts(env['VIRTDECK_HOSTS'] ?? DEFAULT_HOSTS),
    listenHost: parseListenHost(env['HOST']),
    port: parsePort(env['PORT']),
    dataDir: parseDataDir(env['VIRTDECK_DATA_DIR']),
    allowInsecureTcp: parseFlag('VIRTDECK_ALLOW_INSECURE_TCP', env['VIRTDECK_ALLOW_INSECURE_TCP']),
  };
}

export interface HostConfig {
  id: string;
  uri: string;
}

export interface ServerConfig {
  hosts: HostConfig[];
  listenHost: string;
  port: number;
}

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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    hosts: parseHosts(env['VIRTDECK_HOSTS'] ?? DEFAULT_HOSTS),
    listenHost: parseListenHost(env['HOST']),
    port: parsePort(env['PORT']),
  };
}

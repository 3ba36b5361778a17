import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { knownHostsVerifier, type ConnectOptions } from '../libvirt/index.js';
import type { HostConfig } from '../config.js';

/** What a host's client needs beyond its URI: host-key pinning, credentials, policy. */
export type HostConnectionOptions = Pick<ConnectOptions, 'hostKeys' | 'ssh' | 'tls' | 'allowInsecureTcp'>;

/**
 * Where those come from. For now: URI parameters (keyfile=, pkipath=) and the OpenSSH known_hosts
 * file in the data dir; the embedded store replaces this with per-host records.
 */
export interface HostConnectionSettings {
  optionsFor(host: HostConfig): HostConnectionOptions;
}

export interface FileConnectionSettingsOptions {
  dataDir: string;
  allowInsecureTcp: boolean;
}

/** `<dataDir>/known_hosts`, in OpenSSH's format (`ssh-keyscan -p PORT HOST >> known_hosts` fills it). */
export function knownHostsPath(dataDir: string): string {
  return join(dataDir, 'known_hosts');
}

export function fileConnectionSettings(o: FileConnectionSettingsOptions): HostConnectionSettings {
  const path = knownHostsPath(o.dataDir);
  // Read at every connection attempt, so a line added by an admin applies at the next reconnect.
  const load = (): Promise<string | undefined> =>
    readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
  const hostKeys = knownHostsVerifier(load, path);
  return {
    optionsFor: () => ({ hostKeys, allowInsecureTcp: o.allowInsecureTcp }),
  };
}

// Picks the transport of a libvirt URI and opens its byte stream.
import type { ByteStream } from '../transport.js';
import { transportHost, transportPort, type LibvirtUri } from '../uri.js';
import { TransportConfigError } from './errors.js';
import type { HostKeyVerifier } from './host-keys.js';
import { connectSocket } from './socket.js';
import { connectSsh, type SshCredentials } from './ssh.js';
import { connectTls, type TlsCredentials } from './tls.js';

export interface TransportSettings {
  /** libvirtd's local unix socket (unix transport without socket=). */
  socketPath: string;
  timeoutMs: number;
  /** SSH host-key decision; see HostKeyVerifier. */
  hostKeys?: HostKeyVerifier;
  ssh?: SshCredentials;
  tls?: TlsCredentials;
  /** qemu+tcp:// is cleartext and unauthenticated: refused unless this is true. */
  allowInsecureTcp?: boolean;
}

/** Whether a transport carries the RPC unencrypted over the network. */
export function isInsecureTransport(u: LibvirtUri): boolean {
  return u.transport === 'tcp';
}

export async function openByteStream(u: LibvirtUri, s: TransportSettings): Promise<ByteStream> {
  switch (u.transport) {
    case 'unix': {
      if (u.host !== undefined) throw new TransportConfigError(`${u.uri}: the unix transport reaches this machine only; leave the host out`);
      const path = u.remote.socket ?? s.socketPath;
      return connectSocket({ path }, path, s.timeoutMs);
    }
    case 'tcp': {
      const host = transportHost(u);
      const port = transportPort(u);
      if (s.allowInsecureTcp !== true) {
        throw new TransportConfigError(
          `${u.uri}: qemu+tcp:// sends everything in clear text and libvirtd asks for no login (auth_tcp="none"); ` +
            'it is refused unless allowed explicitly (VIRTDECK_ALLOW_INSECURE_TCP=1). Use qemu+tls:// or qemu+ssh:// instead',
        );
      }
      return connectSocket({ host, port }, `${host}:${port} (TCP)`, s.timeoutMs);
    }
    case 'tls':
      return connectTls(u, { timeoutMs: s.timeoutMs, credentials: s.tls });
    case 'ssh':
    case 'libssh2':
    case 'libssh':
      // libssh2/libssh are libvirt's in-process SSH clients: the same remote command, as here.
      return connectSsh(u, { timeoutMs: s.timeoutMs, hostKeys: s.hostKeys, credentials: s.ssh });
    case 'ext':
      throw new TransportConfigError(`${u.uri}: the ext transport runs a local command; virtdeck does not support it`);
  }
}

// qemu+tls://: TLS straight away on connect (no STARTTLS), client certificate in libvirt's layout,
// then the one status byte libvirtd sends once it has checked our certificate
// (src/rpc/virnetclient.c virNetClientSetTLSSession).
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { NotConnectedError } from '../errors.js';
import type { ByteStream } from '../transport.js';
import { transportHost, transportPort, type LibvirtUri } from '../uri.js';
import { TlsCertificateError, TransportConfigError } from './errors.js';

export interface TlsCredentials {
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
}

export interface TlsFiles {
  ca: string;
  cert: string;
  key: string;
}

/** libvirt's file locations (src/rpc/virnettlsconfig.c): `pkipath=DIR` holds all three files. */
export async function locateTlsFiles(pkipath: string | undefined, isRoot: boolean): Promise<TlsFiles> {
  const system: TlsFiles = { ca: '/etc/pki/CA/cacert.pem', cert: '/etc/pki/libvirt/clientcert.pem', key: '/etc/pki/libvirt/private/clientkey.pem' };
  if (pkipath !== undefined) return { ca: join(pkipath, 'cacert.pem'), cert: join(pkipath, 'clientcert.pem'), key: join(pkipath, 'clientkey.pem') };
  if (isRoot) return system;
  // A non-root client looks in ~/.pki/libvirt first; a missing CA, or a missing cert/key pair, falls back to the system files.
  const user = join(homedir(), '.pki', 'libvirt');
  const exists = (p: string): Promise<boolean> => readFile(p).then(() => true, () => false);
  const ca = (await exists(join(user, 'cacert.pem'))) ? join(user, 'cacert.pem') : system.ca;
  const pair = (await exists(join(user, 'clientcert.pem'))) && (await exists(join(user, 'clientkey.pem')));
  return { ca, cert: pair ? join(user, 'clientcert.pem') : system.cert, key: pair ? join(user, 'clientkey.pem') : system.key };
}

async function readPem(path: string, what: string, pkipath: string | undefined): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const hint = pkipath === undefined ? '(give pkipath=DIR with cacert.pem, clientcert.pem and clientkey.pem)' : `(pkipath=${pkipath} must hold cacert.pem, clientcert.pem and clientkey.pem)`;
    throw new TransportConfigError(`cannot read the TLS ${what} ${path} ${hint}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  }
}

export interface TlsConnectOptions {
  timeoutMs: number;
  credentials: TlsCredentials | undefined;
}

const SERVER_CERT_ERRORS: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'is not signed by our CA',
  SELF_SIGNED_CERT_IN_CHAIN: 'is not signed by our CA',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'is self-signed and not our CA',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'is not signed by our CA',
  CERT_HAS_EXPIRED: 'has expired',
  CERT_NOT_YET_VALID: 'is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'does not name this host',
};

export async function connectTls(u: LibvirtUri, o: TlsConnectOptions): Promise<ByteStream> {
  const host = transportHost(u);
  const port = transportPort(u);
  const label = `${host}:${port} (TLS)`;
  const pkipath = u.remote.pkipath;
  const files = await locateTlsFiles(pkipath, process.getuid?.() === 0);
  const c = o.credentials;
  const ca = c?.ca ?? (await readPem(files.ca, 'CA certificate', pkipath));
  const cert = c?.cert ?? (await readPem(files.cert, 'client certificate', pkipath));
  const key = c?.key ?? (await readPem(files.key, 'client key', pkipath));
  const caFile = c?.ca === undefined ? files.ca : 'the given CA certificate';

  return new Promise<ByteStream>((resolve, reject) => {
    let settled = false;
    const socket = tls.connect({
      host,
      port,
      ca,
      cert,
      key,
      ...(isIP(host) === 0 ? { servername: host } : {}),
      // no_verify=1: "disables client checks of the server's certificate" (libvirtd still checks ours).
      rejectUnauthorized: u.remote.verify,
    });
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      reject(err);
    };
    const timer = setTimeout(() => fail(new NotConnectedError(`connecting to ${label} timed out after ${o.timeoutMs} ms`)), o.timeoutMs);
    socket.once('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === undefined ? undefined : SERVER_CERT_ERRORS[err.code];
      if (why !== undefined) {
        fail(new TlsCertificateError(`the TLS certificate of ${label} ${why} (${caFile}; ${err.message}); connection refused`, { cause: err }));
      } else if (settled === false && socket.authorized === false && /certificate|alert/i.test(err.message)) {
        fail(new TlsCertificateError(`TLS handshake with ${label} failed: ${err.message} (libvirtd checks our client certificate against its CA)`, { cause: err }));
      } else {
        fail(new NotConnectedError(`cannot connect to ${label}: ${err.message}`, { cause: err }));
      }
    });
    const refused = (detail: string): TlsCertificateError =>
      new TlsCertificateError(
        `libvirtd at ${label} refused our client certificate ${c?.cert === undefined ? files.cert : ''} (${detail}): ` +
          "it must be signed by the server's CA, and its DN allowed by tls_allowed_dn_list when that is set",
      );
    socket.once('close', () => fail(refused('it closed the connection instead of confirming it after the TLS handshake')));
    socket.once('secureConnect', () => {
      // libvirtd sends \x01 once our certificate (and address) passed its checks; read it before any RPC.
      socket.once('data', (chunk: Buffer) => {
        socket.pause();
        if (chunk[0] !== 1) {
          fail(refused(`it answered ${chunk[0] ?? 'nothing'} instead of the confirmation byte 1`));
          return;
        }
        if (chunk.length > 1) socket.unshift(chunk.subarray(1));
        settled = true;
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.removeAllListeners('close');
        resolve({ stream: socket });
      });
    });
  });
}

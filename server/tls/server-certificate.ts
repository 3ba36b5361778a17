import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isLoopbackHost } from './loopback.js';

const run = promisify(execFile);

export interface ServerTlsInput {
  /** VIRTDECK_TLS_CERT / VIRTDECK_TLS_KEY: PEM files of a certificate the admin provides. */
  certPath?: string;
  keyPath?: string;
  listenHost: string;
  dataDir: string;
  /** VIRTDECK_INSECURE_HTTP=1: plain HTTP even off loopback. */
  insecureHttp: boolean;
}

export type ServerTls =
  | { kind: 'plain' }
  | { kind: 'given'; cert: Buffer; key: Buffer; fingerprint: string }
  | { kind: 'self-signed'; cert: Buffer; key: Buffer; fingerprint: string; created: boolean };

export class ServerTlsError extends Error {
  override name = 'ServerTlsError';
}

/** `SHA256:AB:CD:…`, what browsers show for the certificate. */
export function certificateFingerprint(cert: Buffer): string {
  return `SHA256:${new X509Certificate(cert).fingerprint256}`;
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new ServerTlsError(`cannot read the TLS ${what} ${path}: ${(err as Error).message}`);
  }
}

/**
 * How the server speaks: the admin's certificate when given; plain HTTP on loopback (or when explicitly
 * allowed); otherwise a self-signed certificate kept in the data dir, as Cockpit does, made once.
 */
export async function resolveServerTls(input: ServerTlsInput): Promise<ServerTls> {
  if ((input.certPath === undefined) !== (input.keyPath === undefined)) {
    throw new ServerTlsError('VIRTDECK_TLS_CERT and VIRTDECK_TLS_KEY must be given together');
  }
  if (input.certPath !== undefined && input.keyPath !== undefined) {
    const cert = readPem(input.certPath, 'certificate');
    const key = readPem(input.keyPath, 'key');
    try {
      return { kind: 'given', cert, key, fingerprint: certificateFingerprint(cert) };
    } catch (err) {
      throw new ServerTlsError(`${input.certPath} is not a PEM certificate: ${(err as Error).message}`);
    }
  }
  if (isLoopbackHost(input.listenHost) || input.insecureHttp) return { kind: 'plain' };
  return selfSigned(input.dataDir, input.listenHost);
}

async function selfSigned(dataDir: string, listenHost: string): Promise<ServerTls> {
  const dir = join(dataDir, 'tls');
  const certFile = join(dir, 'virtdeck.crt');
  const keyFile = join(dir, 'virtdeck.key');
  let created = false;
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const name = hostname();
    const altNames = [`DNS:${name}`, 'DNS:localhost'];
    if (isIP(listenHost) !== 0 && listenHost !== '0.0.0.0' && listenHost !== '::') altNames.push(`IP:${listenHost}`);
    try {
      await run('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '825',
        '-subj', `/CN=${name.replace(/[^A-Za-z0-9.-]/g, '-')}`, '-addext', `subjectAltName=${altNames.join(',')}`,
        '-keyout', keyFile, '-out', certFile,
      ]);
    } catch (err) {
      throw new ServerTlsError(`cannot create a self-signed certificate with openssl: ${(err as Error).message}`);
    }
    created = true;
  }
  chmodSync(keyFile, 0o600);
  const cert = readFileSync(certFile);
  return { kind: 'self-signed', cert, key: readFileSync(keyFile), fingerprint: certificateFingerprint(cert), created };
}

import { NotConnectedError } from '../errors.js';

/** The SSH server refused every key (or agent identity) offered. */
export class SshAuthenticationError extends NotConnectedError {
  override readonly name: string = 'SshAuthenticationError';
}

/** A TLS certificate problem on either side: ours refused by libvirtd, or the server's not trusted by us. */
export class TlsCertificateError extends NotConnectedError {
  override readonly name: string = 'TlsCertificateError';
}

/** The connection's settings cannot work (missing credentials, a transport not allowed or not supported). */
export class TransportConfigError extends NotConnectedError {
  override readonly name: string = 'TransportConfigError';
}

/** libvirtd asked for an authentication this transport cannot offer (e.g. SASL on plain TCP). */
export class AuthenticationUnavailableError extends NotConnectedError {
  override readonly name: string = 'AuthenticationUnavailableError';
}

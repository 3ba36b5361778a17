import { EventEmitter } from 'node:events';
import { NotConnectedError, ProtocolError } from './errors.js';
import { REMOTE_AUTH_NONE, REMOTE_AUTH_POLKIT, REMOTE_AUTH_SASL, VIR_DRV_FEATURE_PROGRAM_KEEPALIVE } from './protocol.js';
import type { CallOptions, MethodsOf, Procedure, ProcedureTable } from './procedure.js';
import { allProcedures } from './procedures/index.js';
import { Transport } from './transport.js';
import { openByteStream } from './transports/connect.js';
import { AuthenticationUnavailableError } from './transports/errors.js';
import type { HostKeyVerifier } from './transports/host-keys.js';
import { saslScramLogin, type SaslCredentials } from './transports/sasl.js';
import type { SshCredentials } from './transports/ssh.js';
import type { TlsCredentials } from './transports/tls.js';
import { parseLibvirtUri, type LibvirtUri } from './uri.js';
import { decode, encode, type In, type Out } from './xdr/index.js';

export const DEFAULT_SOCKET_PATH = '/run/libvirt/libvirt-sock';

export interface KeepaliveSettings {
  /** Idle time before we ping the daemon (ms, default 2000). */
  intervalMs?: number;
  /** Unanswered intervals before the connection counts as dead (default 2). */
  count?: number;
}

export interface ReconnectSettings {
  /** First retry delay (ms, default 200); doubles per attempt. */
  initialDelayMs?: number;
  /** Longest delay between attempts (ms, default 5000). */
  maxDelayMs?: number;
}

export interface ConnectOptions {
  /**
   * libvirt URI, e.g. `qemu:///system`, `test:///default`, `qemu+ssh://root@host/system`,
   * `qemu+tls://host/system?pkipath=/dir`: the transport is chosen from it as libvirt does.
   */
  uri: string;
  /** Unix socket of libvirtd (default `/run/libvirt/libvirt-sock`) for URIs without a host. */
  socketPath?: string;
  /** Decides on SSH host keys (throw to refuse); without it only `no_verify=1` lets an SSH connection through. */
  hostKeys?: HostKeyVerifier;
  /** SSH login: a private key (else `keyfile=`, else ~/.ssh/id_*) and/or an agent. */
  ssh?: SshCredentials;
  /** TLS client credentials (else the files of `pkipath=` or libvirt's default locations). */
  tls?: TlsCredentials;
  /** Allow `qemu+tcp://` (cleartext, no authentication); refused otherwise. */
  allowInsecureTcp?: boolean;
  /** SASL SCRAM-SHA-256 login, for daemons with auth_tls = "sasl" (never sent on plain TCP). */
  sasl?: SaslCredentials;
  /** Timeout of each call (ms, default 30000; 0 = none). */
  callTimeoutMs?: number;
  /** Timeout of socket connect plus handshake (ms, default 10000). */
  connectTimeoutMs?: number;
  /** Keepalive pings (default on); `false` disables them. */
  keepalive?: KeepaliveSettings | false;
  /** Automatic reconnect with back-off (default on, off when `dedicated`); `false` disables it. */
  reconnect?: ReconnectSettings | false;
  /**
   * Unread bytes a stream may hold before it is aborted with StreamOverflowError (default
   * 4 MiB). Streams never pause a shared socket; see `dedicated`.
   */
  streamBufferBytes?: number;
  /**
   * Where storageVolUpload/storageVolDownload run: `'dedicated'` (default) opens a short-lived
   * connection per transfer, closed when the stream closes; `'shared'` uses this connection.
   */
  bulkStreams?: 'dedicated' | 'shared';
  /**
   * This connection carries one bulk stream: a slow reader pauses the socket (true backpressure
   * instead of the bounded buffer). Keepalive and reconnect default to off.
   */
  dedicated?: boolean;
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface ReconnectInfo {
  attempt: number;
  delayMs: number;
  error: Error | undefined;
}

export interface ClientEvents {
  connected: [];
  disconnected: [error: Error | undefined];
  reconnecting: [info: ReconnectInfo];
  /** The daemon sent a keepalive PING and the client answered it. */
  daemonPing: [];
  /** Failures that have no caller to report to (e.g. re-registering an event after reconnect). */
  error: [error: Error];
}

/** Hooks run on every new connection before it is announced as connected. */
export type ConnectHook = (transport: Transport) => Promise<void>;
export type DisconnectHook = (error: Error | undefined) => void;

type TransportOptions = Pick<ConnectOptions, 'hostKeys' | 'ssh' | 'tls' | 'allowInsecureTcp' | 'sasl'>;

type Resolved = Required<Omit<ConnectOptions, 'keepalive' | 'reconnect' | keyof TransportOptions>> & TransportOptions & {
  keepalive: Required<KeepaliveSettings> | false;
  reconnect: Required<ReconnectSettings> | false;
};

function resolveOptions(o: ConnectOptions): Resolved {
  return {
    uri: o.uri,
    socketPath: o.socketPath ?? DEFAULT_SOCKET_PATH,
    hostKeys: o.hostKeys,
    ssh: o.ssh,
    tls: o.tls,
    allowInsecureTcp: o.allowInsecureTcp,
    sasl: o.sasl,
    callTimeoutMs: o.callTimeoutMs ?? 30_000,
    connectTimeoutMs: o.connectTimeoutMs ?? 10_000,
    keepalive: o.keepalive === false || (o.dedicated && o.keepalive === undefined) ? false : { intervalMs: 2000, count: 2, ...o.keepalive },
    reconnect: o.reconnect === false || (o.dedicated && o.reconnect === undefined) ? false : { initialDelayMs: 200, maxDelayMs: 5000, ...o.reconnect },
    streamBufferBytes: o.streamBufferBytes ?? 4 * 1024 * 1024,
    bulkStreams: o.bulkStreams ?? 'dedicated',
    dedicated: o.dedicated ?? false,
  };
}

/** Encodes args, sends the call on `t`, decodes the reply. */
export async function callOn<P extends Procedure>(
  t: Transport,
  p: P,
  name: string,
  args: In<P['args']>,
  timeoutMs: number,
): Promise<Out<P['ret']>> {
  const body = encode(p.args, args);
  const reply = await t.call(p.number, body, timeoutMs, name);
  try {
    return decode(p.ret, reply) as Out<P['ret']>;
  } catch (err) {
    throw new ProtocolError(`${name}: undecodable reply`, { cause: err });
  }
}

/**
 * The connection machinery of LibvirtClient: handshake, state, reconnect.
 * Procedure methods are installed on the prototype from the procedure tables.
 */
export class ClientCore extends EventEmitter<ClientEvents> {
  readonly options: Resolved;
  protected transport: Transport | undefined;
  private currentState: ConnectionState = 'connecting';
  private closing = false;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly connectHooks: ConnectHook[] = [];
  private readonly disconnectHooks: DisconnectHook[] = [];

  constructor(options: ConnectOptions) {
    super();
    this.options = resolveOptions(options);
    // Without a listener EventEmitter would throw on 'error'; callers may still listen.
    this.on('error', () => undefined);
  }

  get uri(): string {
    return this.options.uri;
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  /** Registers work to do on every (re)connection, e.g. re-registering events. */
  addConnectHook(hook: ConnectHook): void {
    this.connectHooks.push(hook);
  }

  addDisconnectHook(hook: DisconnectHook): void {
    this.disconnectHooks.push(hook);
  }

  /** The live transport, or NotConnectedError. */
  requireTransport(name: string): Transport {
    const t = this.transport;
    if (!t || !t.isOpen || this.currentState !== 'connected') {
      throw new NotConnectedError(`${name}: not connected to libvirtd (${this.options.uri} is ${this.currentState})`);
    }
    return t;
  }

  /** Runs one procedure; used by the generated methods. */
  async invoke<P extends Procedure>(p: P, name: string, args: In<P['args']>, options?: CallOptions): Promise<Out<P['ret']>> {
    const t = this.requireTransport(name);
    return callOn(t, p, name, args, options?.timeoutMs ?? this.options.callTimeoutMs);
  }

  /** Closes the connection for good (no reconnect). */
  async close(): Promise<void> {
    this.closing = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const t = this.transport;
    if (t?.isOpen) {
      try {
        await callOn(t, allProcedures.connectClose, 'connectClose', undefined, 2000);
      } catch {
        // The daemon may already be gone; closing the socket is what matters.
      }
      t.end();
    }
    this.transport = undefined;
    if (this.currentState !== 'disconnected') {
      this.currentState = 'disconnected';
      this.emit('disconnected', undefined);
    }
  }

  /** Opens the socket and runs the handshake: AUTH_LIST, AUTH_POLKIT if asked, CONNECT_OPEN. */
  protected async establish(): Promise<void> {
    const o = this.options;
    const target = parseLibvirtUri(o.uri);
    const timeout = o.connectTimeoutMs;
    const t = Transport.over(
      await openByteStream(target, {
        socketPath: o.socketPath,
        timeoutMs: timeout,
        hostKeys: o.hostKeys,
        ssh: o.ssh,
        tls: o.tls,
        allowInsecureTcp: o.allowInsecureTcp,
      }),
    );
    try {
      const { types } = await callOn(t, allProcedures.authList, 'authList', undefined, timeout);
      if (types.length > 0 && !types.includes(REMOTE_AUTH_NONE)) {
        if (types.includes(REMOTE_AUTH_POLKIT)) {
          const { complete } = await callOn(t, allProcedures.authPolkit, 'authPolkit', undefined, timeout);
          if (!complete) throw new NotConnectedError('polkit authentication did not complete');
        } else if (types.includes(REMOTE_AUTH_SASL)) {
          if (target.transport === 'tcp' || o.sasl === undefined) throw saslUnavailable(target);
          await saslScramLogin(
            {
              init: () => callOn(t, allProcedures.authSaslInit, 'authSaslInit', undefined, timeout),
              start: (mech, data) => callOn(t, allProcedures.authSaslStart, 'authSaslStart', { mech, nil: 0, data }, timeout),
              step: (data) => callOn(t, allProcedures.authSaslStep, 'authSaslStep', { nil: 0, data }, timeout),
            },
            o.sasl,
            target.uri,
          );
        } else {
          throw new NotConnectedError(`libvirtd asks for an unsupported authentication (types ${types.join(',')})`);
        }
      }
      await callOn(t, allProcedures.connectOpen, 'connectOpen', { name: target.name, flags: 0 }, timeout);
      if (o.keepalive) {
        const { supported } = await callOn(
          t,
          allProcedures.connectSupportsFeature,
          'connectSupportsFeature',
          { feature: VIR_DRV_FEATURE_PROGRAM_KEEPALIVE },
          timeout,
        );
        if (supported) t.startKeepalive(o.keepalive);
      }
      if (this.closing) throw new NotConnectedError('client closed');
      this.transport = t;
      this.currentState = 'connected';
      t.on('close', (err) => this.onTransportClose(t, err));
      t.on('ping', () => this.emit('daemonPing'));
      for (const hook of this.connectHooks) {
        try {
          await hook(t);
        } catch (err) {
          this.emit('error', err instanceof Error ? err : new Error(String(err)));
        }
      }
      // Lost again while re-registering: the close handler has already taken over.
      if (this.transport !== t) return;
    } catch (err) {
      t.destroy();
      if (this.transport === t) this.transport = undefined;
      throw err;
    }
    this.attempt = 0;
    this.emit('connected');
  }

  /** First connection for connect(): failure closes the client. */
  protected async start(): Promise<void> {
    try {
      await this.establish();
    } catch (err) {
      this.closing = true;
      this.currentState = 'disconnected';
      throw err;
    }
  }

  /** First connection for open(): failure starts the reconnect loop. */
  protected startInBackground(): void {
    this.establish().catch((err: unknown) => this.lost(err instanceof Error ? err : new Error(String(err))));
  }

  private onTransportClose(t: Transport, err: Error | undefined): void {
    if (this.transport !== t) return;
    this.transport = undefined;
    for (const hook of this.disconnectHooks) hook(err);
    if (this.closing) return;
    this.currentState = 'disconnected';
    this.emit('disconnected', err);
    this.lost(err);
  }

  private lost(err: Error | undefined): void {
    if (this.closing) return;
    if (!this.options.reconnect) {
      this.currentState = 'disconnected';
      return;
    }
    const { initialDelayMs, maxDelayMs } = this.options.reconnect;
    this.attempt += 1;
    const delayMs = Math.min(initialDelayMs * 2 ** (this.attempt - 1), maxDelayMs);
    this.currentState = 'reconnecting';
    this.emit('reconnecting', { attempt: this.attempt, delayMs, error: err });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.closing) return;
      this.establish().catch((e: unknown) => this.lost(e instanceof Error ? e : new Error(String(e))));
    }, delayMs);
  }
}

/** The error for a daemon that wants SASL where this client cannot do it. */
export function saslUnavailable(target: LibvirtUri): AuthenticationUnavailableError {
  if (target.transport === 'tcp') {
    return new AuthenticationUnavailableError(
      `libvirtd at ${target.uri} asks for SASL authentication on plain TCP (auth_tcp="sasl"). There libvirt accepts only ` +
        'mechanisms with their own encryption layer (SSF ≥ 56, i.e. Kerberos/GSSAPI), which virtdeck does not speak: ' +
        'use qemu+tls:// (client certificates) or qemu+ssh:// instead',
    );
  }
  return new AuthenticationUnavailableError(
    `libvirtd at ${target.uri} asks for SASL authentication: give a username and password (SCRAM-SHA-256), ` +
      'or use client certificates alone (auth_tls="none") or qemu+ssh://',
  );
}

/** Installs one method per procedure of `table` on `target`. */
export function installProcedures(target: object, table: ProcedureTable, stream: StreamOpener | undefined): void {
  for (const [name, p] of Object.entries(table)) {
    if (name in target) throw new Error(`procedure ${name} collides with a client member`);
    const value =
      p.kind === 'call'
        ? function (this: ClientCore, args: unknown, options?: CallOptions) {
            return this.invoke(p, name, args, options);
          }
        : function (this: ClientCore, args: unknown, options?: CallOptions) {
            if (!stream) throw new Error(`${name}: streams are not available`);
            return stream(this, p, name, args, options);
          };
    Object.defineProperty(target, name, { value, writable: false, enumerable: false, configurable: false });
  }
}

export type StreamOpener = (
  client: ClientCore,
  p: Extract<ProcedureTable[string], { kind: 'stream' }>,
  name: string,
  args: unknown,
  options: CallOptions | undefined,
) => Promise<unknown>;

export type ProcedureMethods<S> = MethodsOf<typeof allProcedures, S>;

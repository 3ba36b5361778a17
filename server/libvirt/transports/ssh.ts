// qemu+ssh://: an SSH connection (ssh2, pure JavaScript) running libvirt's own remote command on an
// exec channel; the channel's stdin/stdout carry the RPC.
import { readFile } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import type { AnyAuthMethod, ClientChannel, ConnectConfig, ParsedKey } from 'ssh2';
import { NotConnectedError } from '../errors.js';
import type { ByteStream } from '../transport.js';
import { transportHost, transportPort, type LibvirtUri } from '../uri.js';
import { SshAuthenticationError, TransportConfigError } from './errors.js';
import { presentedKey, UnknownHostKeyError, type HostKeyVerifier } from './host-keys.js';
import { sshCommandFor } from './ssh-command.js';

export interface SshCredentials {
  /** A private key (OpenSSH or PEM text); wins over `keyfile=`. */
  privateKey?: string | Buffer;
  /** Passphrase of an encrypted private key. */
  passphrase?: string;
  /** ssh-agent socket (default: $SSH_AUTH_SOCK when set). */
  agent?: string;
}

export interface SshConnectOptions {
  timeoutMs: number;
  /** Decides on the server's host key; without one, only `no_verify=1` lets a connection through. */
  hostKeys: HostKeyVerifier | undefined;
  credentials: SshCredentials | undefined;
}

/** The keys OpenSSH tries when none is named. */
const DEFAULT_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa'];
const STDERR_KEPT = 2048;

interface KeySource {
  key: ParsedKey;
  from: string;
}

async function loadKey(text: string | Buffer, passphrase: string | undefined, from: string): Promise<KeySource> {
  const parsed = ssh2.utils.parseKey(text, passphrase);
  if (parsed instanceof Error) {
    const why = /encrypted|passphrase|bad decrypt/i.test(parsed.message)
      ? passphrase === undefined
        ? 'it is encrypted and no passphrase was given'
        : 'the passphrase is wrong'
      : parsed.message;
    throw new TransportConfigError(`cannot use the SSH private key ${from}: ${why}`);
  }
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (key === undefined) throw new TransportConfigError(`${from} holds no SSH private key`);
  return { key, from };
}

async function collectKeys(u: LibvirtUri, c: SshCredentials | undefined): Promise<KeySource[]> {
  if (c?.privateKey !== undefined) return [await loadKey(c.privateKey, c.passphrase, 'given')];
  const keyfile = u.remote.keyfile;
  if (keyfile !== undefined) {
    let text: Buffer;
    try {
      text = await readFile(keyfile);
    } catch (err) {
      throw new TransportConfigError(`cannot read the SSH key keyfile=${keyfile}: ${(err as Error).message}`, { cause: err });
    }
    return [await loadKey(text, c?.passphrase, `keyfile=${keyfile}`)];
  }
  const found: KeySource[] = [];
  for (const name of DEFAULT_KEYS) {
    const path = join(homedir(), '.ssh', name);
    const text = await readFile(path).catch(() => undefined);
    if (text === undefined) continue;
    const parsed = ssh2.utils.parseKey(text, c?.passphrase);
    if (!(parsed instanceof Error)) found.push({ key: Array.isArray(parsed) ? (parsed[0] as ParsedKey) : parsed, from: path });
  }
  return found;
}

/** Opens the SSH connection, checks the host key, logs in and starts libvirt's remote command. */
export async function connectSsh(u: LibvirtUri, o: SshConnectOptions): Promise<ByteStream> {
  if (u.remote.command !== undefined) {
    throw new TransportConfigError(`command=${u.remote.command}: virtdeck speaks SSH itself and runs no local ssh binary; leave command= out`);
  }
  const host = transportHost(u);
  const port = transportPort(u);
  const username = u.user ?? userInfo().username;
  const label = `ssh ${username}@${host}:${port}`;
  const remoteCommand = sshCommandFor(u);
  const keys = await collectKeys(u, o.credentials);
  const agent = o.credentials?.agent ?? process.env['SSH_AUTH_SOCK'];
  const methods: AnyAuthMethod[] = [
    ...(agent === undefined || agent === '' ? [] : [{ type: 'agent' as const, username, agent }]),
    ...keys.map((k) => ({ type: 'publickey' as const, username, key: k.key })),
  ];
  if (methods.length === 0) {
    throw new TransportConfigError(`${label}: no SSH key to log in with (give keyfile=/path/to/key in the URI, or run an ssh-agent)`);
  }

  let verdict: Error | undefined;
  const verify = (blob: Buffer, done: (ok: boolean) => void): void => {
    const key = presentedKey(host, port, blob);
    const check: HostKeyVerifier =
      o.hostKeys ??
      ((k) => {
        throw new UnknownHostKeyError(k, 'the known-hosts store');
      });
    Promise.resolve()
      .then(() => check(key))
      .then(
        () => done(true),
        (err: unknown) => {
          // no_verify=1 (ssh -o StrictHostKeyChecking=no) accepts a key never seen; a changed key stays refused.
          if (!u.remote.verify && err instanceof UnknownHostKeyError) {
            done(true);
            return;
          }
          verdict = err instanceof Error ? err : new NotConnectedError(String(err));
          done(false);
        },
      );
  };

  const client = new ssh2.Client();
  const config: ConnectConfig = {
    host,
    port,
    username,
    readyTimeout: o.timeoutMs,
    // SSH-level keepalive on top of libvirt's: a dead TCP peer is noticed even while the channel is idle.
    keepaliveInterval: 5000,
    keepaliveCountMax: 2,
    hostVerifier: verify,
    authHandler: methods,
  };

  await new Promise<void>((resolve, reject) => {
    const fail = (err: Error): void => {
      client.removeAllListeners('ready');
      client.end();
      reject(err);
    };
    client.once('ready', () => {
      client.removeAllListeners('error');
      resolve();
    });
    client.once('error', (err: Error & { level?: string }) => {
      if (verdict !== undefined) {
        fail(verdict);
      } else if (err.level === 'client-authentication') {
        fail(new SshAuthenticationError(`${label}: the server refused our key (${keys.map((k) => k.from).join(', ') || 'ssh-agent'}): ${err.message}`, { cause: err }));
      } else if (err.level === 'client-timeout') {
        fail(new NotConnectedError(`${label}: no SSH handshake within ${o.timeoutMs} ms`, { cause: err }));
      } else {
        fail(new NotConnectedError(`cannot connect to ${label}: ${err.message}`, { cause: err }));
      }
    });
    client.connect(config);
  });

  const channel = await new Promise<ClientChannel>((resolve, reject) => {
    client.exec(remoteCommand, (err, ch) => {
      if (err) {
        client.end();
        reject(new NotConnectedError(`${label}: the server refused to run libvirt's remote command: ${err.message}`, { cause: err }));
      } else resolve(ch);
    });
  });

  let stderr = '';
  channel.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEPT);
  });
  let exit: string | undefined;
  channel.on('exit', (code: number | null, signal?: string) => {
    exit = signal === undefined || signal === null ? `remote command exited with status ${code ?? '?'}` : `remote command killed by ${signal}`;
  });
  client.on('error', (err: Error) => {
    exit = `SSH connection failed: ${err.message}`;
    channel.destroy();
  });
  client.on('close', () => channel.destroy());
  return {
    stream: channel,
    dispose: () => client.end(),
    closeDetail: () => {
      const text = stderr.trim();
      const parts = [text === '' ? undefined : text, exit].filter((p) => p !== undefined);
      return parts.length === 0 ? undefined : `${label}: ${parts.join('; ')}`;
    },
  };
}

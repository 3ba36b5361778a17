// The refusals a user meets, each with its exact error and no connection, and an SSH host that
// goes away and comes back (an sshd of this file's own, so nobody else's connection is touched).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AuthenticationUnavailableError,
  HostKeyMismatchError,
  knownHostsVerifier,
  LibvirtClient,
  NotConnectedError,
  SshAuthenticationError,
  TlsCertificateError,
  TransportConfigError,
  UnknownHostKeyError,
} from '../index.js';
import { waitFor } from '../test-support.test-helpers.js';
import { PKI_DIR, pinnedTestSshd, SSH_DIR, SSH_KEY, SSH_KEY_UNKNOWN, SSHD_CONFIG } from './test-hosts.test-helpers.js';

const run = promisify(execFile);

/** Clients libvirtd has over one transport (`tls`, `tcp`, `unix`), seen with virt-admin. */
async function daemonClients(transport: string): Promise<number> {
  const { stdout } = await run('virt-admin', ['srv-clients-list', 'libvirtd']);
  return stdout.split('\n').filter((line) => line.trim().split(/\s+/)[1] === transport).length;
}

async function refusal(options: Parameters<typeof LibvirtClient.connect>[0]): Promise<Error> {
  const err = await LibvirtClient.connect({ connectTimeoutMs: 8000, ...options }).then(
    async (c) => {
      await c.close();
      return new Error('connected although it should have been refused');
    },
    (e: unknown) => e as Error,
  );
  return err;
}

describe('refused connections say why', () => {
  it('a key the SSH server does not know → SshAuthenticationError', async () => {
    const err = await refusal({ uri: `qemu+ssh://root@127.0.0.1:2222/system?keyfile=${SSH_KEY_UNKNOWN}`, hostKeys: pinnedTestSshd() });
    expect(err).toBeInstanceOf(SshAuthenticationError);
    expect(err.message).toBe(`ssh root@127.0.0.1:2222: the server refused our key (keyfile=${SSH_KEY_UNKNOWN}): All configured authentication methods failed`);
  });

  it('an unknown host key → UnknownHostKeyError with the fingerprint ssh-keygen shows; no_verify=1 accepts it', async () => {
    const err = await refusal({ uri: `qemu+ssh://root@127.0.0.1:2222/system?keyfile=${SSH_KEY}` });
    expect(err).toBeInstanceOf(UnknownHostKeyError);
    const { stdout } = await run('ssh-keygen', ['-lf', `${SSH_DIR}/ssh_host_ed25519_key.pub`]);
    const fingerprint = stdout.split(' ')[1];
    expect((err as UnknownHostKeyError).key.fingerprint).toBe(fingerprint);
    expect(err.message).toContain(`is not known: ssh-ed25519 ${fingerprint}`);

    const accepted = await LibvirtClient.connect({ uri: `qemu+ssh://root@127.0.0.1:2222/system?keyfile=${SSH_KEY}&no_verify=1` });
    expect((await accepted.connectGetUri()).uri).toBe('qemu:///system');
    await accepted.close();
  });

  it('a changed host key → HostKeyMismatchError, even with no_verify=1', async () => {
    const [type, blob] = readFileSync(`${SSH_KEY_UNKNOWN}.pub`, 'utf8').split(' ');
    const pinnedElsewhere = knownHostsVerifier(async () => `[127.0.0.1]:2222 ${type} ${blob}`, '/data/known_hosts');
    for (const extra of ['', '&no_verify=1']) {
      const err = await refusal({ uri: `qemu+ssh://root@127.0.0.1:2222/system?keyfile=${SSH_KEY}${extra}`, hostKeys: pinnedElsewhere });
      expect(err).toBeInstanceOf(HostKeyMismatchError);
      expect(err.message).toMatch(/^WARNING: THE SSH HOST KEY OF \[127\.0\.0\.1\]:2222 HAS CHANGED\..*Connection refused/);
    }
  });

  it('a client certificate from another CA → TlsCertificateError, and libvirtd keeps no TLS client', async () => {
    const err = await refusal({ uri: `qemu+tls://localhost/system?pkipath=${PKI_DIR}/untrusted` });
    expect(err).toBeInstanceOf(TlsCertificateError);
    expect(err.message).toMatch(/^libvirtd at localhost:16514 \(TLS\) refused our client certificate .*untrusted\/clientcert\.pem/);
    expect(await daemonClients('tls')).toBe(0);
  });

  it('a server certificate our CA did not sign → TlsCertificateError', async () => {
    const err = await refusal({ uri: `qemu+tls://localhost/system?pkipath=${PKI_DIR}/wrong-ca` });
    expect(err).toBeInstanceOf(TlsCertificateError);
    expect(err.message).toMatch(/^the TLS certificate of localhost:16514 \(TLS\) is not signed by our CA/);
  });

  it('a missing pkipath file is named', async () => {
    const err = await refusal({ uri: 'qemu+tls://localhost/system?pkipath=/nonexistent/pki' });
    expect(err).toBeInstanceOf(TransportConfigError);
    expect(err.message).toContain('cannot read the TLS CA certificate /nonexistent/pki/cacert.pem');
  });

  it('a TCP host that asks for SASL → AuthenticationUnavailableError saying to use TLS or SSH', async () => {
    // scripts/setup-test-hosts: a session libvirtd with auth_tcp = "sasl" on 127.0.0.1:16519.
    const err = await refusal({ uri: 'test+tcp://127.0.0.1:16519/default', allowInsecureTcp: true });
    expect(err).toBeInstanceOf(AuthenticationUnavailableError);
    expect(err.message).toBe(
      'libvirtd at test+tcp://127.0.0.1:16519/default asks for SASL authentication on plain TCP (auth_tcp="sasl"). There libvirt accepts only ' +
        'mechanisms with their own encryption layer (SSF ≥ 56, i.e. Kerberos/GSSAPI), which virtdeck does not speak: use qemu+tls:// (client certificates) or qemu+ssh:// instead',
    );
  });

  it('qemu+tcp:// is refused unless allowed, before any byte is sent', async () => {
    const before = await daemonClients('tcp');
    const err = await refusal({ uri: 'qemu+tcp://127.0.0.1/system' });
    expect(err).toBeInstanceOf(TransportConfigError);
    expect(err.message).toMatch(/clear text.*VIRTDECK_ALLOW_INSECURE_TCP=1.*qemu\+tls:\/\/ or qemu\+ssh:\/\//);
    expect(await daemonClients('tcp')).toBe(before);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** Every process below `pid` (sshd's per-connection children, and what they run). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number): void => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

describe('an SSH host that goes down and comes back', () => {
  let sshd: ChildProcess | undefined;
  let client: LibvirtClient | undefined;
  let local: LibvirtClient | undefined;
  let port = 0;
  const startSshd = async (): Promise<ChildProcess> => {
    const child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', SSHD_CONFIG, '-o', `Port=${port}`, '-o', 'PidFile=none'], { stdio: 'ignore' });
    await waitFor(
      () =>
        new Promise<true | undefined>((resolve) => {
          const probe = createServer();
          probe.once('error', () => resolve(true));
          probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(undefined)));
        }),
      10_000,
      'sshd to listen',
    );
    return child;
  };
  const killAll = (child: ChildProcess | undefined): void => {
    if (child?.pid === undefined) return;
    for (const pid of [...descendants(child.pid), child.pid]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  afterAll(async () => {
    await client?.close();
    await local?.close();
    killAll(sshd);
  });

  it('is seen dead within 15 s (frozen, then stopped), keeps the local host answering, and reconnects by itself', async () => {
    port = await freePort();
    sshd = await startSshd();
    client = LibvirtClient.open({ uri: `qemu+ssh://root@127.0.0.1:${port}/system?keyfile=${SSH_KEY}`, hostKeys: pinnedTestSshd(port) });
    local = await LibvirtClient.connect({ uri: 'qemu:///system' });
    await waitFor(() => (client?.state === 'connected' ? true : undefined), 15_000, 'the SSH host to connect');
    const sshdPid = sshd.pid ?? 0;

    // Frozen: the TCP connection stays open but nothing answers; keepalive must notice.
    const sessions = descendants(sshdPid);
    expect(sessions.length).toBeGreaterThan(0);
    for (const pid of sessions) process.kill(pid, 'SIGSTOP');
    const frozenAt = Date.now();
    const pending = client.connectGetHostname().catch((e: unknown) => e);
    const started = Date.now();
    await local.connectGetHostname();
    expect(Date.now() - started).toBeLessThan(1000);
    await waitFor(() => (client?.state !== 'connected' ? true : undefined), 15_000, 'the frozen SSH host to be seen dead');
    const detectedMs = Date.now() - frozenAt;
    expect(detectedMs).toBeLessThan(15_000);
    expect(await pending).toBeInstanceOf(NotConnectedError);
    await expect(client.connectGetHostname()).rejects.toBeInstanceOf(NotConnectedError);

    // Stopped: sshd and its sessions gone; reconnect attempts fail until it is back.
    killAll(sshd);
    await new Promise((r) => setTimeout(r, 1500));
    expect(client.state).not.toBe('connected');
    const localStarted = Date.now();
    await local.connectGetHostname();
    expect(Date.now() - localStarted).toBeLessThan(1000);

    sshd = await startSshd();
    const restartedAt = Date.now();
    await waitFor(() => (client?.state === 'connected' ? true : undefined), 15_000, 'the SSH host to come back');
    const backMs = Date.now() - restartedAt;
    const { hostname } = await client.connectGetHostname();
    expect(hostname).toBe((await local.connectGetHostname()).hostname);
    console.log(`ssh host: frozen peer detected after ${detectedMs} ms, back ${backMs} ms after sshd restarted`);
  }, 60_000);
});

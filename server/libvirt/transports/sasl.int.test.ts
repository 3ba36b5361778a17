// SASL SCRAM-SHA-256 over TLS against the session libvirtd of scripts/setup-test-hosts
// (auth_tls = "sasl", user made with saslpasswd2 -a libvirt).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AuthenticationUnavailableError, LibvirtClient, SaslAuthenticationError } from '../index.js';
import { SASL_HOME, SASL_PASSWORD, SASL_TLS_URI, SASL_USER } from './test-hosts.test-helpers.js';

const run = promisify(execFile);

/** virt-admin on the session daemon, as its user. */
async function sessionAdmin(...args: string[]): Promise<string> {
  const { stdout } = await run('runuser', ['-u', 'virtdeck-sasl', '--', 'env', `HOME=${SASL_HOME}`, `XDG_RUNTIME_DIR=${SASL_HOME}/run`, 'virt-admin', '-c', 'libvirtd:///session', ...args]);
  return stdout;
}

async function tlsClientIds(): Promise<string[]> {
  return (await sessionAdmin('srv-clients-list', 'libvirtd'))
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[1] === 'tls')
    .map((f) => f[0] ?? '');
}

describe('SASL SCRAM-SHA-256 over TLS', () => {
  it('logs in; libvirtd knows the client by its SASL name and certificate', async () => {
    const client = await LibvirtClient.connect({ uri: SASL_TLS_URI, sasl: { username: SASL_USER, password: SASL_PASSWORD } });
    try {
      expect((await client.connectGetUri()).uri).toBe('test:///default');
      const { domains } = await client.connectListAllDomains({ flags: 0 });
      expect(domains.map((d) => d.name)).toContain('test');
      const infos = await Promise.all((await tlsClientIds()).map((id) => sessionAdmin('client-info', 'libvirtd', id)));
      expect(infos.some((i) => /sasl_user_name\s*:\s*virtdeck\n/.test(i) && i.includes('CN=virtdeck-test-client'))).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('a wrong password → SaslAuthenticationError, and libvirtd keeps no client', async () => {
    const before = (await tlsClientIds()).length;
    const err = await LibvirtClient.connect({ uri: SASL_TLS_URI, sasl: { username: SASL_USER, password: 'not-the-password' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SaslAuthenticationError);
    expect((err as Error).message).toBe(
      `libvirtd at ${SASL_TLS_URI} refused the SASL login of "virtdeck" (authentication failed: authentication failed): wrong password, or the user is not in its sasldb (saslpasswd2 -a libvirt virtdeck)`,
    );
    expect((await tlsClientIds()).length).toBe(before);
  });

  it('no credentials → AuthenticationUnavailableError saying what to give', async () => {
    const err = await LibvirtClient.connect({ uri: SASL_TLS_URI }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationUnavailableError);
    expect((err as Error).message).toContain('asks for SASL authentication: give a username and password (SCRAM-SHA-256)');
  });
});

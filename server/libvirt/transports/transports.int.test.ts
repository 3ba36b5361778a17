// Every transport against the real libvirtd through the loopback test hosts (scripts/setup-test-hosts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGuest, type TestGuest } from '../../../test/helpers/guest.js';
import { SerialShell } from '../../../test/helpers/serial-shell.js';
import { LibvirtClient, type ConnectOptions, type DomainLifecycleEvent } from '../index.js';
import { QEMU_URI, TEST_VIRSH_URI, testDomainXml, uniqueName, virsh, waitFor } from '../test-support.test-helpers.js';
import { PKI_DIR, pinnedTestSshd, SSH_KEY, SSH_KEY_PASSPHRASE } from './test-hosts.test-helpers.js';

interface Case {
  name: string;
  options: (path: 'system' | 'default') => ConnectOptions;
}

const driver = (path: 'system' | 'default'): string => (path === 'system' ? 'qemu' : 'test');

const cases: Case[] = [
  {
    name: 'ssh (proxy=auto: virt-ssh-helper, ed25519 key, pinned host key)',
    options: (p) => ({ uri: `${driver(p)}+ssh://root@127.0.0.1:2222/${p}?keyfile=${SSH_KEY}`, hostKeys: pinnedTestSshd() }),
  },
  {
    name: 'ssh (proxy=netcat: the nc -q probe, RSA key with passphrase)',
    options: (p) => ({
      uri: `${driver(p)}+ssh://root@127.0.0.1:2222/${p}?keyfile=${SSH_KEY_PASSPHRASE}&proxy=netcat`,
      hostKeys: pinnedTestSshd(),
      ssh: { passphrase: 'virtdeck-test' },
    }),
  },
  { name: 'tls (client certificate, pkipath=)', options: (p) => ({ uri: `${driver(p)}+tls://localhost/${p}?pkipath=${PKI_DIR}/client` }) },
  { name: 'tcp (auth none, allowed explicitly)', options: (p) => ({ uri: `${driver(p)}+tcp://127.0.0.1/${p}`, allowInsecureTcp: true }) },
];

async function virshNames(uri: string): Promise<string[]> {
  return (await virsh(uri, 'list', '--all', '--name')).split('\n').map((s) => s.trim()).filter((s) => s !== '').sort();
}

describe.each(cases)('transport $name', ({ options }) => {
  const clients: LibvirtClient[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
  });
  const connect = async (path: 'system' | 'default'): Promise<LibvirtClient> => {
    const c = await LibvirtClient.connect(options(path));
    clients.push(c);
    return c;
  };

  it('lists the domains of qemu:///system and test:///default as virsh does', async () => {
    for (const [path, virshUri] of [['system', QEMU_URI], ['default', TEST_VIRSH_URI]] as const) {
      const c = await connect(path);
      expect((await c.connectGetUri()).uri).toBe(path === 'system' ? 'qemu:///system' : 'test:///default');
      const { domains } = await c.connectListAllDomains({ flags: 0 });
      expect(domains.map((d) => d.name).sort()).toEqual(await virshNames(virshUri));
    }
  });

  it('delivers events through the transport', async () => {
    const c = await connect('default');
    const name = uniqueName('transport');
    const seen: DomainLifecycleEvent[] = [];
    const off = await c.onDomainEvent('lifecycle', (e) => {
      if (e.dom.name === name) seen.push(e);
    });
    try {
      const { dom } = await c.domainDefineXml({ xml: testDomainXml(name) });
      await waitFor(() => (seen.some((e) => e.eventName === 'defined') ? true : undefined), 10_000, 'the defined event');
      expect(await virshNames(TEST_VIRSH_URI)).toContain(name);
      await c.domainUndefine({ dom });
      await waitFor(() => (seen.some((e) => e.eventName === 'undefined') ? true : undefined), 10_000, 'the undefined event');
      expect(await virshNames(TEST_VIRSH_URI)).not.toContain(name);
    } finally {
      await off();
      await virsh(TEST_VIRSH_URI, 'undefine', name).catch(() => undefined);
    }
  });
});

describe('a serial console through each remote transport', () => {
  let guest: TestGuest;
  beforeAll(async () => {
    guest = await createTestGuest({ prefix: 'transport', start: true });
    await guest.waitForBanner(90_000);
  }, 120_000);
  afterAll(async () => {
    await guest?.cleanup();
  });

  it.each(cases)('echoes over $name', async ({ options }) => {
    const c = await LibvirtClient.connect(options('system'));
    try {
      const { dom } = await c.domainLookupByName({ name: guest.name });
      const shell = await SerialShell.open(c, dom);
      await shell.ready();
      const token = `vt-${Math.random().toString(36).slice(2, 10)}`;
      // The typed line shows $((6*7)); only the shell's answer has 42.
      expect(await shell.run(`echo ${token}-$((6*7))`)).toContain(`${token}-42`);
      shell.close();
    } finally {
      await c.close();
    }
  });
});

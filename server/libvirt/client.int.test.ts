import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibvirtClient, LibvirtError, NotConnectedError, VIR_ERR_NO_DOMAIN, versionToString, uuidToString } from './index.js';
import { QEMU_URI, TEST_URI, TEST_VIRSH_URI, virsh } from './test-support.test-helpers.js';

describe.each([
  { uri: QEMU_URI, virshUri: QEMU_URI },
  { uri: TEST_URI, virshUri: TEST_VIRSH_URI },
])('LibvirtClient on $uri', ({ uri, virshUri }) => {
  let client: LibvirtClient;

  beforeAll(async () => {
    client = await LibvirtClient.connect({ uri });
  });
  afterAll(async () => {
    await client.close();
  });

  it('is connected to the URI it asked for', async () => {
    expect(client.state).toBe('connected');
    const { uri: actual } = await client.connectGetUri();
    expect(actual).toBe(uri);
  });

  it('reports the same hostname and versions as virsh', async () => {
    const { hostname } = await client.connectGetHostname();
    expect(hostname).toBe(await virsh(virshUri, 'hostname'));

    const text = await virsh(virshUri, 'version');
    const { libVer } = await client.connectGetLibVersion();
    expect(text).toContain(`Using library: libvirt ${versionToString(libVer)}`);
    const { type } = await client.connectGetType();
    const { hvVer } = await client.connectGetVersion();
    expect(text).toContain(`Running hypervisor: ${type} ${versionToString(hvVer)}`);
  });

  it('returns node info and capabilities like virsh', async () => {
    const info = await client.nodeGetInfo();
    const nodeinfo = await virsh(virshUri, 'nodeinfo');
    expect(nodeinfo).toMatch(new RegExp(`CPU\\(s\\):\\s+${info.cpus}\\b`));
    expect(nodeinfo).toMatch(new RegExp(`Memory size:\\s+${info.memory} KiB`));
    expect(typeof info.memory).toBe('bigint');
    const { capabilities } = await client.connectGetCapabilities();
    expect(capabilities).toContain('<capabilities>');
    expect(capabilities).toContain(`<arch>${info.model}</arch>`);
  });

  it('decodes error replies with libvirt code, domain and message', async () => {
    const err = await client.domainLookupByName({ name: 'vt-client-no-such-domain' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibvirtError);
    const lerr = err as LibvirtError;
    expect(lerr.code).toBe(VIR_ERR_NO_DOMAIN);
    expect(lerr.codeName).toBe('VIR_ERR_NO_DOMAIN');
    expect(lerr.message).toMatch(/not found/i);
    expect(lerr.level).toBe(2);
    // The connection stays usable after an error reply.
    expect((await client.connectGetHostname()).hostname.length).toBeGreaterThan(0);
  });

  it('answers 50 concurrent calls, each with its own reply', async () => {
    const { domains } = await client.connectListAllDomains({ flags: 0 });
    const calls = Array.from({ length: 50 }, (_, i) => {
      switch (i % 4) {
        case 0:
          return client.connectGetHostname().then((r) => `host:${r.hostname}`);
        case 1:
          return client.connectGetLibVersion().then((r) => `lib:${r.libVer}`);
        case 2:
          return client
            .domainLookupByName({ name: `vt-client-missing-${i}` })
            .then(() => 'found', (e: unknown) => {
              // qemu names the domain in the message, the test driver does not.
              const named = /missing-(\d+)/.exec((e as LibvirtError).message)?.[1];
              return `err:${(e as LibvirtError).code}:${named === undefined || named === String(i)}`;
            });
        default:
          return client.connectListAllDomains({ flags: 0 }).then((r) => `doms:${r.domains.map((d) => uuidToString(d.uuid)).sort().join(',')}`);
      }
    });
    const results = await Promise.all(calls);
    const { hostname } = await client.connectGetHostname();
    const { libVer } = await client.connectGetLibVersion();
    const doms = `doms:${domains.map((d) => uuidToString(d.uuid)).sort().join(',')}`;
    results.forEach((r, i) => {
      if (i % 4 === 0) expect(r).toBe(`host:${hostname}`);
      if (i % 4 === 1) expect(r).toBe(`lib:${libVer}`);
      if (i % 4 === 2) expect(r).toBe(`err:${VIR_ERR_NO_DOMAIN}:true`);
      // Other suites create domains concurrently: only check the shape there.
      if (i % 4 === 3) expect(r.startsWith('doms:')).toBe(true);
    });
    expect(doms.startsWith('doms:')).toBe(true);
  });
});

describe('LibvirtClient connection errors', () => {
  it('rejects connect() to a socket that does not exist with NotConnectedError', async () => {
    await expect(LibvirtClient.connect({ uri: TEST_URI, socketPath: '/run/libvirt/vt-no-such-sock' })).rejects.toBeInstanceOf(NotConnectedError);
  });

  it('fails calls fast with NotConnectedError after close()', async () => {
    const client = await LibvirtClient.connect({ uri: TEST_URI });
    await client.close();
    expect(client.state).toBe('disconnected');
    const started = Date.now();
    await expect(client.connectGetHostname()).rejects.toBeInstanceOf(NotConnectedError);
    expect(Date.now() - started).toBeLessThan(50);
  });
});

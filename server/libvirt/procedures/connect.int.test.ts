import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DomainStatsTypes,
  LibvirtClient,
  LibvirtError,
  TypedParamType,
  typedParamsToObject,
  uuidToString,
  type DomainRef,
} from '../index.js';
import { QEMU_URI, TEST_URI, TEST_VIRSH_URI, testDomainXml, uniqueName, virsh } from '../test-support.test-helpers.js';

describe('connect procedures on qemu:///system (checked with virsh)', () => {
  let client: LibvirtClient;
  beforeAll(async () => {
    client = await LibvirtClient.connect({ uri: QEMU_URI });
  });
  afterAll(async () => {
    await client.close();
  });

  it('lists pools and networks like virsh', async () => {
    const { pools, ret } = await client.connectListAllStoragePools({ flags: 0 });
    expect(ret).toBe(pools.length);
    const poolNames = (await virsh(QEMU_URI, 'pool-list', '--all', '--name')).split('\n').map((s) => s.trim()).filter(Boolean);
    expect(pools.map((p) => p.name).sort()).toEqual(expect.arrayContaining(poolNames.filter((n) => !n.startsWith('vt-'))));
    const { nets } = await client.connectListAllNetworks({ flags: 0 });
    expect(nets.map((n) => n.name)).toContain('default');
    expect(uuidToString(nets.find((n) => n.name === 'default')?.uuid ?? new Uint8Array(16))).toBe(await virsh(QEMU_URI, 'net-uuid', 'default'));
  });

  it('returns domain capabilities, sysinfo and memory figures', async () => {
    const { capabilities } = await client.connectGetDomainCapabilities({ virttype: 'qemu', flags: 0 });
    expect(capabilities).toContain('<domainCapabilities>');
    expect(capabilities).toContain('<domain>qemu</domain>');
    // Containers often lack SMBIOS: then libvirt's error must be the one virsh reports.
    const sysinfo = await client.connectGetSysinfo({ flags: 0 }).then((r) => r.sysinfo, (e: unknown) => e as LibvirtError);
    const virshSysinfo = await virsh(QEMU_URI, 'sysinfo').catch((e: unknown) => e as Error);
    if (sysinfo instanceof LibvirtError) {
      expect(virshSysinfo).toBeInstanceOf(Error);
      expect((virshSysinfo as Error).message).toContain(sysinfo.message);
    } else {
      expect(sysinfo.trim()).toBe(String(virshSysinfo).trim());
    }

    const counted = await client.nodeGetMemoryStats({ nparams: 0, flags: 0 });
    expect(counted.nparams).toBeGreaterThan(0);
    const { params } = await client.nodeGetMemoryStats({ nparams: counted.nparams, flags: 0 });
    const total = params.find((p) => p.field === 'total')?.value;
    expect(typeof total).toBe('bigint');
    const text = await virsh(QEMU_URI, 'nodememstats');
    expect(text).toMatch(new RegExp(`total\\s*:\\s*${String(total)} KiB`));
    const cpu = await client.nodeGetCpuStats({ nparams: 0, flags: 0 });
    expect(cpu.nparams).toBeGreaterThan(0);
    expect((await client.nodeGetFreeMemory()).freeMem).toBeGreaterThan(0n);
    expect((await client.connectGetMaxVcpus({ type: 'kvm' }).catch(() => ({ maxVcpus: 1 }))).maxVcpus).toBeGreaterThan(0);
    expect((await client.connectIsSecure()).secure).toBe(1);
  });

  it('looks a domain up by id when one runs', async () => {
    const { domains } = await client.connectListAllDomains({ flags: 16 });
    const running = domains[0];
    if (!running) return;
    const { dom } = await client.domainLookupById({ id: running.id });
    expect(uuidToString(dom.uuid)).toBe(uuidToString(running.uuid));
    expect(await virsh(QEMU_URI, 'domname', String(running.id))).toBe(running.name);
  });
});

describe('connectGetAllDomainStats (test driver, checked with virsh domstats)', () => {
  let client: LibvirtClient;
  const doms: DomainRef[] = [];
  const prefix = uniqueName('stats');

  beforeAll(async () => {
    client = await LibvirtClient.connect({ uri: TEST_URI });
    for (let i = 0; i < 3; i++) {
      const { dom } = await client.domainDefineXml({ xml: testDomainXml(`${prefix}-${i}`, 4096 * (i + 1)) });
      doms.push(dom);
    }
    await client.domainCreate({ dom: doms[0] as DomainRef });
  });
  afterAll(async () => {
    await client.domainDestroy({ dom: doms[0] as DomainRef }).catch(() => undefined);
    for (const dom of doms) await client.domainUndefine({ dom });
    await client.close();
  });

  it('returns typed parameters for the given domains, as virsh prints them', async () => {
    const { retStats } = await client.connectGetAllDomainStats({ doms, stats: DomainStatsTypes.STATE, flags: 0 });
    expect(retStats.map((r) => r.dom.name)).toEqual(doms.map((d) => d.name));
    const first = retStats[0]?.params ?? [];
    expect(first.find((p) => p.field === 'state.state')?.value.type).toBe(TypedParamType.INT);
    const states = retStats.map((r) => typedParamsToObject(r.params)['state.state']);
    expect(states).toEqual([1, 5, 5]);
    const text = await virsh(TEST_VIRSH_URI, 'domstats', '--state', ...doms.map((d) => d.name));
    expect(text).toContain(`Domain: '${doms[0]?.name}'\n  state.state=1`);
    expect(text).toContain(`Domain: '${doms[1]?.name}'\n  state.state=5`);
  });

  it('returns every domain when none are given', async () => {
    const { retStats } = await client.connectGetAllDomainStats({ stats: DomainStatsTypes.STATE });
    const names = retStats.map((r) => r.dom.name);
    for (const d of doms) expect(names).toContain(d.name);
  });
});

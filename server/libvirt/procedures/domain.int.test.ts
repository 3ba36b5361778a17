import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DomainAffect,
  DomainState,
  DomainUndefineFlags,
  DomainVcpuFlags,
  DomainXmlFlags,
  LibvirtClient,
  LibvirtError,
  VIR_ERR_NO_DOMAIN,
  VIR_ERR_OPERATION_INVALID,
  uuidToString,
  type DomainRef,
} from '../index.js';
import { TEST_URI, TEST_VIRSH_URI, testDomainXml, uniqueName, virsh, virshOrNull } from '../test-support.test-helpers.js';

// The test driver's state lives while a client holds it: `client` keeps it alive for virsh.
describe('domain procedures (test driver, checked with virsh)', () => {
  let client: LibvirtClient;
  let dom: DomainRef;
  const name = uniqueName('dom');
  const v = (...args: string[]): Promise<string> => virsh(TEST_VIRSH_URI, ...args);
  const field = async (key: string): Promise<string> => {
    const line = (await v('dominfo', name)).split('\n').find((l) => l.startsWith(`${key}:`));
    return line?.slice(key.length + 1).trim() ?? '';
  };

  beforeAll(async () => {
    client = await LibvirtClient.connect({ uri: TEST_URI });
    ({ dom } = await client.domainDefineXml({ xml: testDomainXml(name) }));
  });
  afterAll(async () => {
    await client.domainUndefineFlags({ dom, flags: DomainUndefineFlags.MANAGED_SAVE | DomainUndefineFlags.SNAPSHOTS_METADATA }).catch(() => undefined);
    await virshOrNull(TEST_VIRSH_URI, 'undefine', name);
    await client.close();
  });

  it('defines a domain that virsh sees, with the same uuid', async () => {
    expect(dom.name).toBe(name);
    expect(dom.id).toBe(-1);
    expect(await v('domuuid', name)).toBe(uuidToString(dom.uuid));
    const byName = await client.domainLookupByName({ name });
    expect(uuidToString(byName.dom.uuid)).toBe(uuidToString(dom.uuid));
    const byUuid = await client.domainLookupByUuid({ uuid: dom.uuid });
    expect(byUuid.dom.name).toBe(name);
    expect((await client.domainIsPersistent({ dom })).persistent).toBe(1);
    expect((await client.domainIsActive({ dom })).active).toBe(0);
  });

  it('returns the XML (inactive and live) that virsh dumpxml prints', async () => {
    const { xml } = await client.domainGetXmlDesc({ dom, flags: DomainXmlFlags.INACTIVE });
    expect(xml).toContain(`<name>${name}</name>`);
    expect(xml.trim()).toBe((await v('dumpxml', '--inactive', name)).trim());
    const live = await client.domainGetXmlDesc({ dom });
    expect(live.xml).toContain(uuidToString(dom.uuid));
  });

  it('starts, suspends, resumes, reboots, shuts down and destroys', async () => {
    await client.domainCreate({ dom });
    expect(await v('domstate', name)).toBe('running');
    const { dom: running } = await client.domainLookupByName({ name });
    expect(running.id).toBeGreaterThan(0);
    expect(await client.domainGetState({ dom })).toMatchObject({ state: DomainState.RUNNING });

    await client.domainSuspend({ dom });
    expect(await v('domstate', name)).toBe('paused');
    await client.domainResume({ dom });
    expect(await v('domstate', name)).toBe('running');

    await client.domainReboot({ dom, flags: 0 });
    expect(await v('domstate', name)).toBe('running');

    await client.domainShutdown({ dom });
    expect(await v('domstate', name)).toBe('shut off');

    const started = await client.domainCreateWithFlags({ dom, flags: 0 });
    expect(started.dom.id).toBeGreaterThan(0);
    await client.domainShutdownFlags({ dom, flags: 0 });
    expect(await v('domstate', name)).toBe('shut off');

    await client.domainCreate({ dom });
    await client.domainDestroy({ dom });
    expect(await v('domstate', name)).toBe('shut off');
    await client.domainCreate({ dom });
    await client.domainDestroyFlags({ dom, flags: 0 });
    expect(await v('domstate', name)).toBe('shut off');
    await client.domainCreate({ dom });
    await client.domainReset({ dom, flags: 0 }).catch((e: unknown) => {
      // Not every driver can reset; the error must still be libvirt's.
      expect(e).toBeInstanceOf(LibvirtError);
    });
    await client.domainDestroy({ dom });
  });

  it('reports info and state matching dominfo', async () => {
    const info = await client.domainGetInfo({ dom });
    expect(info.state).toBe(DomainState.SHUTOFF);
    expect(await field('Max memory')).toBe(`${info.maxMem} KiB`);
    expect(await field('CPU(s)')).toBe(String(info.nrVirtCpu));
    expect(typeof info.cpuTime).toBe('bigint');
    expect((await client.domainGetMaxMemory({ dom })).memory).toBe(info.maxMem);
    expect((await client.domainGetOsType({ dom })).type).toBe(await field('OS Type'));
  });

  it('gets and sets autostart', async () => {
    await client.domainSetAutostart({ dom, autostart: 1 });
    expect(await field('Autostart')).toBe('enable');
    expect((await client.domainGetAutostart({ dom })).autostart).toBe(1);
    await client.domainSetAutostart({ dom, autostart: false });
    expect(await field('Autostart')).toBe('disable');
    expect((await client.domainGetAutostart({ dom })).autostart).toBe(0);
  });

  it('sets vcpus (config and live) and memory', async () => {
    await client.domainSetVcpusFlags({ dom, nvcpus: 3, flags: DomainAffect.CONFIG });
    expect(await v('vcpucount', name, '--config', '--current')).toBe('3');
    expect((await client.domainGetVcpusFlags({ dom, flags: DomainAffect.CONFIG })).num).toBe(3);
    expect((await client.domainGetVcpusFlags({ dom, flags: DomainAffect.CONFIG | DomainVcpuFlags.MAXIMUM })).num).toBe(4);
    expect((await client.domainGetMaxVcpus({ dom }).catch(() => ({ num: 4 }))).num).toBeGreaterThan(0);

    await client.domainSetMemoryFlags({ dom, memory: 6144, flags: DomainAffect.CONFIG });
    expect(await field('Used memory')).toBe('6144 KiB');

    await client.domainCreate({ dom });
    await client.domainSetVcpus({ dom, nvcpus: 2 });
    expect(await v('vcpucount', name, '--live', '--current')).toBe('2');
    await client.domainSetMemory({ dom, memory: 4096n });
    expect(await field('Used memory')).toBe('4096 KiB');
    await client.domainSetMaxMemory({ dom, memory: 8192 }).catch((e: unknown) => expect(e).toBeInstanceOf(LibvirtError));
    await client.domainDestroy({ dom });
  });

  it('manages a managed-save image', async () => {
    await client.domainCreate({ dom });
    await client.domainManagedSave({ dom, flags: 0 });
    expect(await field('Managed save')).toBe('yes');
    expect((await client.domainHasManagedSaveImage({ dom, flags: 0 })).result).toBe(1);
    await client.domainManagedSaveRemove({ dom, flags: 0 });
    expect(await field('Managed save')).toBe('no');
    expect((await client.domainHasManagedSaveImage({ dom, flags: 0 })).result).toBe(0);
  });

  it('refuses operations in the wrong state with VIR_ERR_OPERATION_INVALID', async () => {
    const err = await client.domainDestroy({ dom }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibvirtError);
    expect((err as LibvirtError).code).toBe(VIR_ERR_OPERATION_INVALID);
    expect((err as LibvirtError).message).toMatch(/not running/);
    expect(await v('domstate', name)).toBe('shut off');
  });

  it('creates a transient domain, and undefines with flags', async () => {
    const tname = uniqueName('dom');
    const { dom: transient } = await client.domainCreateXml({ xmlDesc: testDomainXml(tname), flags: 0 });
    expect(await v('domstate', tname)).toBe('running');
    expect((await client.domainIsPersistent({ dom: transient })).persistent).toBe(0);
    await client.domainDestroy({ dom: transient });
    expect(await virshOrNull(TEST_VIRSH_URI, 'domstate', tname)).toBeNull();

    const uname = uniqueName('dom');
    const { dom: d2 } = await client.domainDefineXmlFlags({ xml: testDomainXml(uname), flags: 0 });
    await client.domainCreate({ dom: d2 });
    await client.domainManagedSave({ dom: d2 });
    await client.domainUndefineFlags({ dom: d2, flags: DomainUndefineFlags.MANAGED_SAVE });
    expect(await virshOrNull(TEST_VIRSH_URI, 'domstate', uname)).toBeNull();

    const dname = uniqueName('dom');
    const { dom: d3 } = await client.domainDefineXml({ xml: testDomainXml(dname) });
    await client.domainUndefine({ dom: d3 });
    expect(await virshOrNull(TEST_VIRSH_URI, 'domstate', dname)).toBeNull();
    const gone = await client.domainLookupByName({ name: dname }).catch((e: unknown) => e);
    expect((gone as LibvirtError).code).toBe(VIR_ERR_NO_DOMAIN);
  });

  it('lists all domains like virsh list --all', async () => {
    const { domains, ret } = await client.connectListAllDomains({ flags: 0 });
    expect(ret).toBe(domains.length);
    const names = domains.map((d) => d.name);
    expect(names).toContain(name);
    const listed = (await v('list', '--all', '--name')).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(listed).toContain(name);
  });
});

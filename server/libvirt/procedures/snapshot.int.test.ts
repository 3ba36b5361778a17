import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DomainUndefineFlags,
  LibvirtClient,
  LibvirtError,
  SnapshotDeleteFlags,
  SnapshotRevertFlags,
  VIR_ERR_NO_DOMAIN_SNAPSHOT,
  type DomainRef,
} from '../index.js';
import { TEST_URI, TEST_VIRSH_URI, testDomainXml, uniqueName, virsh } from '../test-support.test-helpers.js';

const snapXml = (name: string, description = ''): string =>
  `<domainsnapshot><name>${name}</name><description>${description}</description></domainsnapshot>`;

describe('snapshot procedures (test driver, checked with virsh)', () => {
  let client: LibvirtClient;
  let dom: DomainRef;
  const name = uniqueName('snap');
  const v = (...args: string[]): Promise<string> => virsh(TEST_VIRSH_URI, ...args);
  const listed = async (...extra: string[]): Promise<string[]> =>
    (await v('snapshot-list', name, '--name', ...extra)).split('\n').map((l) => l.trim()).filter(Boolean);

  beforeAll(async () => {
    client = await LibvirtClient.connect({ uri: TEST_URI });
    ({ dom } = await client.domainDefineXml({ xml: testDomainXml(name) }));
    await client.domainCreate({ dom });
  });
  afterAll(async () => {
    await client.domainDestroy({ dom }).catch(() => undefined);
    await client.domainUndefineFlags({ dom, flags: DomainUndefineFlags.SNAPSHOTS_METADATA }).catch(() => undefined);
    await client.close();
  });

  it('creates snapshots that virsh lists, with parent and current', async () => {
    const { snap: s1 } = await client.domainSnapshotCreateXml({ dom, xmlDesc: snapXml('s1', 'first'), flags: 0 });
    expect(s1.name).toBe('s1');
    expect(s1.dom.name).toBe(name);
    const { snap: s2 } = await client.domainSnapshotCreateXml({ dom, xmlDesc: snapXml('s2'), flags: 0 });
    expect(await listed()).toEqual(['s1', 's2']);
    expect((await v('snapshot-current', name, '--name')).trim()).toBe('s2');
    expect((await v('snapshot-parent', name, 's2')).trim()).toBe('s1');

    expect((await client.domainSnapshotNum({ dom, flags: 0 })).num).toBe(2);
    const { snapshots, ret } = await client.domainListAllSnapshots({ dom, flags: 0 });
    expect(ret).toBe(2);
    expect(snapshots.map((s) => s.name).sort()).toEqual(['s1', 's2']);
    expect((await client.domainSnapshotCurrent({ dom, flags: 0 })).snap.name).toBe('s2');
    expect((await client.domainHasCurrentSnapshot({ dom, flags: 0 })).result).toBe(1);
    expect((await client.domainSnapshotGetParent({ snap: s2, flags: 0 })).snap.name).toBe('s1');
    expect((await client.domainSnapshotIsCurrent({ snap: s2, flags: 0 })).current).toBe(1);
    expect((await client.domainSnapshotIsCurrent({ snap: s1, flags: 0 })).current).toBe(0);
    expect((await client.domainSnapshotHasMetadata({ snap: s1, flags: 0 })).metadata).toBe(1);
    const children = await client.domainSnapshotListAllChildren({ snapshot: s1, flags: 0 });
    expect(children.snapshots.map((s) => s.name)).toEqual(['s2']);
  });

  it('looks snapshots up by name and returns their XML', async () => {
    const { snap } = await client.domainSnapshotLookupByName({ dom, name: 's1', flags: 0 });
    const { xml } = await client.domainSnapshotGetXmlDesc({ snap, flags: 0 });
    expect(xml).toContain('<name>s1</name>');
    expect(xml).toContain('<description>first</description>');
    expect(xml.trim()).toBe((await v('snapshot-dumpxml', name, 's1')).trim());
    const missing = await client.domainSnapshotLookupByName({ dom, name: 'nope', flags: 0 }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(LibvirtError);
    expect((missing as LibvirtError).code).toBe(VIR_ERR_NO_DOMAIN_SNAPSHOT);
  });

  it('reverts to a snapshot and makes it current', async () => {
    const { snap } = await client.domainSnapshotLookupByName({ dom, name: 's1', flags: 0 });
    await client.domainRevertToSnapshot({ snap, flags: SnapshotRevertFlags.RUNNING });
    expect((await v('snapshot-current', name, '--name')).trim()).toBe('s1');
    expect(await v('domstate', name)).toBe('running');
  });

  it('deletes a snapshot, then one with its children', async () => {
    // (METADATA_ONLY is covered on qemu in guest.int.test.ts; the test driver refuses it.)
    const { snap: s3 } = await client.domainSnapshotCreateXml({ dom, xmlDesc: snapXml('s3'), flags: 0 });
    expect(await listed()).toContain('s3');
    await client.domainSnapshotDelete({ snap: s3, flags: 0 });
    expect(await listed()).not.toContain('s3');

    const { snap: s1 } = await client.domainSnapshotLookupByName({ dom, name: 's1', flags: 0 });
    await client.domainSnapshotDelete({ snap: s1, flags: SnapshotDeleteFlags.CHILDREN });
    expect(await listed()).toEqual([]);
    expect((await client.domainHasCurrentSnapshot({ dom, flags: 0 })).result).toBe(0);
  });
});

/** Which VMs use a volume: every disk source (and backing store) of every domain, by path or pool+volume. */
import { DomainXmlFlags, uuidToString } from '../libvirt/index.js';
import type { VmRef } from '../../common/storage.js';
import { attr, child, children, isNode, parseRoot, type XmlNode } from '../xml/pool-volume-util.js';
import type { StorageClient } from './client.js';

export interface DiskUse {
  vm: VmRef;
  paths: Set<string>;
  poolVolumes: Set<string>;
}

const poolVolKey = (pool: string, vol: string): string => `${pool}\u0000${vol}`;

function collectSources(disk: XmlNode, use: DiskUse): void {
  for (const source of children(disk, 'source')) {
    for (const a of ['file', 'dev', 'dir']) {
      const p = attr(source, a);
      if (p) use.paths.add(p);
    }
    const pool = attr(source, 'pool');
    const volume = attr(source, 'volume');
    if (pool && volume) use.poolVolumes.add(poolVolKey(pool, volume));
  }
  const backing = child(disk, 'backingStore');
  if (backing && isNode(backing)) collectSources(backing, use);
}

function usesOf(xml: string, use: DiskUse): void {
  const domain = parseRoot(xml, 'domain');
  for (const disk of children(child(domain, 'devices'), 'disk')) collectSources(disk, use);
}

/** Disk uses of all domains; a running domain's live and persistent XML both count. */
export async function scanDiskUses(client: StorageClient): Promise<DiskUse[]> {
  const { domains } = await client.connectListAllDomains({ needResults: 1, flags: 0 });
  const results = await Promise.allSettled(domains.map(async (dom) => {
    const vm: VmRef = { uuid: uuidToString(dom.uuid), name: dom.name, active: dom.id > 0 };
    const use: DiskUse = { vm, paths: new Set(), poolVolumes: new Set() };
    usesOf((await client.domainGetXmlDesc({ dom, flags: 0 })).xml, use);
    if (vm.active) {
      const inactive = await client.domainGetXmlDesc({ dom, flags: DomainXmlFlags.INACTIVE }).catch(() => undefined);
      if (inactive) usesOf(inactive.xml, use);
    }
    return use;
  }));
  // A domain undefined during the scan no longer uses anything.
  return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}

export function usersOf(uses: readonly DiskUse[], pool: string, volume: string, path: string): VmRef[] {
  const key = poolVolKey(pool, volume);
  return uses.filter((u) => u.paths.has(path) || u.poolVolumes.has(key)).map((u) => u.vm);
}

/** VMs with a disk in the pool: a volume of it by name, or a file under its target directory. */
export function poolUsersOf(uses: readonly DiskUse[], pool: string, targetPath: string | undefined): VmRef[] {
  const prefix = poolVolKey(pool, '');
  const dir = targetPath === undefined || targetPath === '' ? undefined : `${targetPath.replace(/\/+$/, '')}/`;
  return uses
    .filter((u) => [...u.poolVolumes].some((k) => k.startsWith(prefix)) || (dir !== undefined && [...u.paths].some((p) => p.startsWith(dir))))
    .map((u) => u.vm);
}

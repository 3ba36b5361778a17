/**
 * Which volumes would break if a file went away: every volume of every active pool whose backing
 * file (qcow2 overlay → base) is that file, directly or further down the chain, with the VMs that
 * use those volumes.
 */
import { ListStoragePoolsFlags } from '../libvirt/index.js';
import type { BackingDependant } from '../../common/storage.js';
import { parseVolumeXml } from '../xml/volume.js';
import type { StorageClient } from './client.js';
import { scanDiskUses, usersOf } from './used-by.js';

interface BackedVolume {
  pool: string;
  name: string;
  path: string;
  backingPath: string;
}

export interface BackingScan {
  dependantsOf(path: string): BackingDependant[];
  /** Dependants of any file under `dir` that are not themselves under it. */
  dependantsUnder(dir: string): BackingDependant[];
}

async function backedVolumes(client: StorageClient): Promise<BackedVolume[]> {
  const { pools } = await client.connectListAllStoragePools({ needResults: 1, flags: ListStoragePoolsFlags.ACTIVE });
  const perPool = await Promise.allSettled(
    pools.map(async (pool) => {
      const { vols } = await client.storagePoolListAllVolumes({ pool, needResults: 1, flags: 0 });
      const parsed = await Promise.allSettled(vols.map(async (vol) => ({ vol, v: parseVolumeXml((await client.storageVolGetXmlDesc({ vol, flags: 0 })).xml) })));
      return parsed.flatMap((p) =>
        p.status === 'fulfilled' && p.value.v.backing !== undefined
          ? [{ pool: pool.name, name: p.value.vol.name, path: p.value.v.path || p.value.vol.key, backingPath: p.value.v.backing.path }]
          : [],
      );
    }),
  );
  // A pool stopped or a volume deleted during the scan holds no dependants any more.
  return perPool.flatMap((p) => (p.status === 'fulfilled' ? p.value : []));
}

/** One pass over the host's volumes and domains; then any number of questions. */
export async function scanBackingDependants(client: StorageClient): Promise<BackingScan> {
  const [backed, uses] = await Promise.all([backedVolumes(client), scanDiskUses(client)]);
  const toDependant = (b: BackedVolume): BackingDependant => ({ pool: b.pool, name: b.name, path: b.path, usedBy: usersOf(uses, b.pool, b.name, b.path) });
  const closure = (starts: readonly string[], inside: (path: string) => boolean): BackingDependant[] => {
    const found = new Map<string, BackedVolume>();
    const queue = [...starts];
    while (queue.length > 0) {
      const path = queue.shift() ?? '';
      for (const b of backed) {
        if (b.backingPath !== path || found.has(b.path) || inside(b.path)) continue;
        found.set(b.path, b);
        queue.push(b.path);
      }
    }
    return [...found.values()].map(toDependant);
  };
  return {
    dependantsOf: (path) => closure([path], (p) => p === path),
    dependantsUnder: (dir) => {
      const prefix = `${dir.replace(/\/+$/, '')}/`;
      const under = (p: string): boolean => p.startsWith(prefix);
      const starts = [...new Set(backed.map((b) => b.backingPath).filter(under))];
      return closure(starts, under);
    },
  };
}

/** "virtdeck/overlay.qcow2 (a disk of VM "web")", for refusals. */
export function describeDependants(dependants: readonly BackingDependant[]): string {
  return dependants
    .map((d) => `"${d.pool}/${d.name}"${d.usedBy.length === 0 ? '' : ` (a disk of VM ${d.usedBy.map((v) => `"${v.name}"`).join(', ')})`}`)
    .join(', ');
}

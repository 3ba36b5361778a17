import { DomainStatsTypes, GetAllDomainStatsFlags, typedParamsToObject, type DomainRef, type TypedParamScalar } from '../libvirt/index.js';
import type { SnapshotClient } from './client.js';

// Block stats with BACKING: one entry per image of each disk's backing chain, so every external
// overlay in use has its size.

/** Size on disk of each image path in `block.<n>.*` stats (physical, else allocation). */
export function imageSizesFromStats(stats: Record<string, TypedParamScalar>): Map<string, number> {
  const sizes = new Map<string, number>();
  const count = Number(stats['block.count'] ?? 0);
  for (let i = 0; i < count; i++) {
    const path = stats[`block.${i}.path`];
    const size = stats[`block.${i}.physical`] ?? stats[`block.${i}.allocation`];
    if (typeof path === 'string' && (typeof size === 'bigint' || typeof size === 'number')) sizes.set(path, Number(size));
  }
  return sizes;
}

/** Sizes of the images in the VM's disk chains; empty when libvirt cannot tell (sizes are extra facts). */
export async function imageSizes(client: SnapshotClient, dom: DomainRef): Promise<Map<string, number>> {
  try {
    const { retStats } = await client.connectGetAllDomainStats({ doms: [dom], stats: DomainStatsTypes.BLOCK, flags: GetAllDomainStatsFlags.BACKING });
    return imageSizesFromStats(typedParamsToObject(retStats[0]?.params ?? []));
  } catch {
    return new Map();
  }
}

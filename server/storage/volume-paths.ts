/** Fills in the path of `<disk type='volume'>` sources whose pool is active (libvirt's XML names only pool and volume). */
import { isLibvirtCode, VIR_ERR_NO_STORAGE_POOL, VIR_ERR_NO_STORAGE_VOL, type LibvirtClient } from '../libvirt/index.js';
import type { VmDiskSource } from '../../common/disk-source.js';

type VolumePathClient = Pick<LibvirtClient, 'storagePoolLookupByName' | 'storagePoolIsActive' | 'storageVolLookupByName' | 'storageVolGetPath'>;

async function volumePath(client: VolumePathClient, poolName: string, volumeName: string): Promise<string | undefined> {
  try {
    const { pool } = await client.storagePoolLookupByName({ name: poolName });
    if ((await client.storagePoolIsActive({ pool })).active !== 1) return undefined;
    const { vol } = await client.storageVolLookupByName({ pool, name: volumeName });
    return (await client.storageVolGetPath({ vol })).name;
  } catch (err) {
    // A disk may name a pool or volume that is gone: it is shown without a path.
    if (isLibvirtCode(err, VIR_ERR_NO_STORAGE_POOL) || isLibvirtCode(err, VIR_ERR_NO_STORAGE_VOL)) return undefined;
    throw err;
  }
}

/** The disks with each volume source's `path` set where it resolves; other disks unchanged. */
export async function withVolumePaths<D extends { source?: VmDiskSource }>(client: VolumePathClient, disks: readonly D[]): Promise<D[]> {
  const lookups = new Map<string, Promise<string | undefined>>();
  return Promise.all(
    disks.map(async (d) => {
      const s = d.source;
      if (s?.type !== 'volume' || !s.supported || s.pool === undefined || s.volume === undefined || s.path !== undefined) return d;
      const key = JSON.stringify([s.pool, s.volume]);
      let lookup = lookups.get(key);
      if (lookup === undefined) {
        lookup = volumePath(client, s.pool, s.volume);
        lookups.set(key, lookup);
      }
      const path = await lookup;
      return path === undefined ? d : { ...d, source: { ...s, path } };
    }),
  );
}

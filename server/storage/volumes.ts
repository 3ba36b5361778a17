/** Storage volumes: list, details (what qemu-img info tells + users), create, delete, wipe, resize, clone. */
import type { VmRef, VolumeCreateBody, VolumeDetails, VolumeResizeBody, VolumeSummary, BackingEntry } from '../../common/storage.js';
import { checkVolumeName } from '../../common/storage-validate.js';
import { buildVolumeXml, parseVolumeXml, type ParsedVolume } from '../xml/volume.js';
import { isLibvirtCode, StorageVolCreateFlags, StorageVolResizeFlags, VIR_ERR_NO_STORAGE_VOL, type StoragePoolRef, type StorageVolRef } from '../libvirt/index.js';
import type { StorageClient } from './client.js';
import { conflict, invalid, noSpaceRefusal, StorageErrorCodes } from './errors.js';
import { formatBytes } from '../../common/format.js';
import { reportedBytes } from '../../common/exact-bytes.js';
import { lookupPool } from './pools.js';
import { scanDiskUses, usersOf } from './used-by.js';
import { describeDependants, scanBackingDependants } from './dependants.js';

const MAX_CHAIN = 16;

export async function lookupVolume(client: StorageClient, poolName: string, name: string): Promise<{ pool: StoragePoolRef; vol: StorageVolRef }> {
  const pool = await lookupPool(client, poolName);
  const { vol } = await client.storageVolLookupByName({ pool, name });
  return { pool, vol };
}

function summaryOf(ref: StorageVolRef, v: ParsedVolume, usedBy: VmRef[]): VolumeSummary {
  return {
    name: ref.name,
    key: ref.key,
    path: v.path || ref.key,
    type: v.type,
    ...(v.format !== undefined ? { format: v.format } : {}),
    capacityBytes: v.capacityBytes,
    allocationBytes: v.allocationBytes,
    ...(v.physicalBytes !== undefined ? { physicalBytes: v.physicalBytes } : {}),
    ...(v.exactBytes !== undefined ? { exactBytes: v.exactBytes } : {}),
    ...(v.backing !== undefined ? { backingPath: v.backing.path } : {}),
    usedBy,
  };
}

export async function listVolumes(client: StorageClient, poolName: string): Promise<VolumeSummary[]> {
  const pool = await lookupPool(client, poolName);
  const [{ vols }, uses] = await Promise.all([
    client.storagePoolListAllVolumes({ pool, needResults: 1, flags: 0 }),
    scanDiskUses(client),
  ]);
  const settled = await Promise.allSettled(vols.map(async (ref) => {
    const v = parseVolumeXml((await client.storageVolGetXmlDesc({ vol: ref, flags: 0 })).xml);
    return summaryOf(ref, v, usersOf(uses, poolName, ref.name, v.path || ref.key));
  }));
  const out: VolumeSummary[] = [];
  for (const s of settled) {
    if (s.status === 'fulfilled') out.push(s.value);
    else if (!isLibvirtCode(s.reason, VIR_ERR_NO_STORAGE_VOL)) throw s.reason;
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The backing chain below a volume, following each backing file libvirt knows as a volume. */
async function backingChain(client: StorageClient, first: ParsedVolume['backing']): Promise<BackingEntry[]> {
  const chain: BackingEntry[] = [];
  let next = first;
  while (next && chain.length < MAX_CHAIN) {
    chain.push({ path: next.path, ...(next.format !== undefined ? { format: next.format } : {}) });
    try {
      const { vol } = await client.storageVolLookupByPath({ path: next.path });
      next = parseVolumeXml((await client.storageVolGetXmlDesc({ vol, flags: 0 })).xml).backing;
    } catch {
      next = undefined; // outside any pool: the chain as far as libvirt knows it
    }
  }
  return chain;
}

export async function getVolume(client: StorageClient, poolName: string, name: string): Promise<VolumeDetails> {
  const { vol } = await lookupVolume(client, poolName, name);
  const xml = (await client.storageVolGetXmlDesc({ vol, flags: 0 })).xml;
  const v = parseVolumeXml(xml);
  const [uses, backing] = await Promise.all([scanDiskUses(client), scanBackingDependants(client)]);
  return {
    ...summaryOf(vol, v, usersOf(uses, poolName, vol.name, v.path || vol.key)),
    pool: poolName,
    ...(v.compat !== undefined ? { compat: v.compat } : {}),
    backingChain: await backingChain(client, v.backing),
    dependants: backing.dependantsOf(v.path || vol.key),
    xml,
  };
}

async function refuseExistingVolume(client: StorageClient, pool: StoragePoolRef, name: string): Promise<void> {
  try {
    await client.storageVolLookupByName({ pool, name });
  } catch (err) {
    if (isLibvirtCode(err, VIR_ERR_NO_STORAGE_VOL)) return;
    throw err;
  }
  throw conflict(StorageErrorCodes.exists, `A volume named "${name}" already exists in pool "${pool.name}"`);
}

function checkName(name: string): void {
  const reason = checkVolumeName(name);
  if (reason !== null) throw invalid(reason);
}

export async function createVolume(client: StorageClient, poolName: string, body: VolumeCreateBody): Promise<VolumeDetails> {
  checkName(body.name);
  const prealloc = body.preallocation ?? 'off';
  if (body.allocationBytes !== undefined && body.allocationBytes > body.capacityBytes) {
    throw invalid('Allocation must not exceed the capacity');
  }
  if (prealloc === 'metadata' && body.format !== 'qcow2') throw invalid('Metadata preallocation is only for qcow2 volumes');
  if (body.backingVolume !== undefined) {
    if (body.format !== 'qcow2') throw invalid('Only a qcow2 volume can have a backing volume');
    if (prealloc !== 'off') throw invalid('An overlay on a backing volume cannot be preallocated');
  }
  const pool = await lookupPool(client, poolName);
  await refuseExistingVolume(client, pool, body.name);
  let backing: { path: string; format: string } | undefined;
  if (body.backingVolume !== undefined) {
    const b = await client.storageVolLookupByName({ pool, name: body.backingVolume }).catch((err: unknown) => {
      if (isLibvirtCode(err, VIR_ERR_NO_STORAGE_VOL)) throw invalid(`Backing volume "${body.backingVolume}" is not in pool "${poolName}"`);
      throw err;
    });
    const bv = parseVolumeXml((await client.storageVolGetXmlDesc({ vol: b.vol, flags: 0 })).xml);
    if (body.capacityBytes < bv.capacityBytes) {
      throw invalid(`An overlay must be at least as large as its backing volume (${bv.capacityBytes} bytes)`);
    }
    backing = { path: bv.path || b.vol.key, format: bv.format ?? 'raw' };
  }
  const allocationBytes = body.allocationBytes ?? (prealloc === 'full' ? body.capacityBytes : 0);
  await refuseWhatDoesNotFit(client, pool, body.name, allocationBytes);
  const xml = buildVolumeXml({
    name: body.name, capacityBytes: body.capacityBytes, allocationBytes, format: body.format,
    ...(backing ? { backing } : {}),
  });
  await client
    .storageVolCreateXml({ pool, xml, flags: prealloc === 'metadata' ? StorageVolCreateFlags.PREALLOC_METADATA : 0 })
    .catch((err: unknown) => Promise.reject(noSpaceRefusal(err)));
  return getVolume(client, poolName, body.name);
}

/** Space allocated at creation (preallocated, or an allocation up to the capacity) must fit in what the pool says is free. */
async function refuseWhatDoesNotFit(client: StorageClient, pool: StoragePoolRef, name: string, allocationBytes: number): Promise<void> {
  if (allocationBytes === 0) return;
  const info = await client.storagePoolGetInfo({ pool });
  const available = reportedBytes(info.available);
  // A free space libvirt cannot report meaningfully (above 2^53: an underflow) is left for libvirt to judge.
  if (available === null || allocationBytes <= available) return;
  throw conflict(
    StorageErrorCodes.poolFull,
    `Volume "${name}" needs ${allocationBytes} bytes (${formatBytes(allocationBytes)}) allocated now, but pool "${pool.name}" has ` +
      `${available} bytes (${formatBytes(available)}) free of ${Number(info.capacity)} bytes (${formatBytes(Number(info.capacity))}).`,
  );
}

async function usersOfVolume(client: StorageClient, poolName: string, vol: StorageVolRef): Promise<{ users: VmRef[]; parsed: ParsedVolume }> {
  const parsed = parseVolumeXml((await client.storageVolGetXmlDesc({ vol, flags: 0 })).xml);
  const users = usersOf(await scanDiskUses(client), poolName, vol.name, parsed.path || vol.key);
  return { users, parsed };
}

const names = (vms: readonly VmRef[]): string => vms.map((v) => `"${v.name}"`).join(', ');

function refuseRunningUsers(users: readonly VmRef[], name: string, doing: string): void {
  const running = users.filter((u) => u.active);
  if (running.length > 0) {
    throw conflict(StorageErrorCodes.inUse, `Cannot ${doing} volume "${name}": it is in use by running VM ${names(running)}`);
  }
}

export async function deleteVolume(client: StorageClient, poolName: string, name: string, force: boolean): Promise<void> {
  const { vol } = await lookupVolume(client, poolName, name);
  const { users, parsed } = await usersOfVolume(client, poolName, vol);
  refuseRunningUsers(users, name, 'delete');
  if (users.length > 0 && !force) {
    throw conflict(StorageErrorCodes.inUse, `Volume "${name}" is a disk of VM ${names(users)}; confirm with force=1 to delete it anyway`);
  }
  const dependants = (await scanBackingDependants(client)).dependantsOf(parsed.path || vol.key);
  if (dependants.length > 0 && !force) {
    throw conflict(
      StorageErrorCodes.hasDependants,
      `Volume "${name}" is the backing file of ${describeDependants(dependants)}: deleting it breaks them. Confirm with force=1 to delete it anyway`,
    );
  }
  await client.storageVolDelete({ vol, flags: 0 });
}

export async function wipeVolume(client: StorageClient, poolName: string, name: string): Promise<VolumeDetails> {
  const { vol } = await lookupVolume(client, poolName, name);
  refuseRunningUsers((await usersOfVolume(client, poolName, vol)).users, name, 'wipe');
  await client.storageVolWipe({ vol, flags: 0 });
  return getVolume(client, poolName, name);
}

export async function resizeVolume(client: StorageClient, poolName: string, name: string, body: VolumeResizeBody): Promise<VolumeDetails> {
  const { vol } = await lookupVolume(client, poolName, name);
  const { users, parsed } = await usersOfVolume(client, poolName, vol);
  const shrinking = body.capacityBytes < parsed.capacityBytes;
  if (shrinking && !body.allowShrink) {
    throw invalid(`Shrinking volume "${name}" from ${parsed.capacityBytes} to ${body.capacityBytes} bytes loses the data past the new end; send allowShrink to do it anyway`);
  }
  if (shrinking) refuseRunningUsers(users, name, 'shrink');
  refuseRunningUsers(users, name, 'resize (use the VM\'s disk resize, virsh blockresize, for a running VM)');
  if (body.capacityBytes === parsed.capacityBytes) return getVolume(client, poolName, name);
  await client.storageVolResize({ vol, capacity: body.capacityBytes, flags: shrinking ? StorageVolResizeFlags.SHRINK : 0 });
  return getVolume(client, poolName, name);
}

export async function cloneVolume(client: StorageClient, poolName: string, name: string, newName: string): Promise<VolumeDetails> {
  checkName(newName);
  const { pool, vol } = await lookupVolume(client, poolName, name);
  const { users, parsed } = await usersOfVolume(client, poolName, vol);
  refuseRunningUsers(users, name, 'clone (its content is changing)');
  await refuseExistingVolume(client, pool, newName);
  const format = parsed.format === 'qcow2' ? 'qcow2' : 'raw';
  const xml = buildVolumeXml({ name: newName, capacityBytes: parsed.capacityBytes, format });
  await client.storageVolCreateXmlFrom({ pool, xml, clonevol: vol, flags: 0 });
  return getVolume(client, poolName, newName);
}

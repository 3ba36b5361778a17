/**
 * Delete a VM with (some of) its storage: the plan lists each disk with who else uses it; the
 * delete undefines the VM (with snapshot metadata, managed-save image, NVRAM as asked) and then
 * deletes exactly the volumes the caller checked, all of which must be disks of this VM.
 */
import type { DeletePlan, DeletePlanDisk, DeleteVmBody, DeleteVmResult } from '../../common/provisioning.js';
import { DomainUndefineFlags, DomainXmlFlags, type DomainRef, type LibvirtClient, type StorageVolRef, uuidFromString, uuidToString } from '../libvirt/index.js';
import { parseDomainXml } from '../xml/domain.js';
import { scanDiskUses, usersOf } from '../storage/used-by.js';
import { describeDependants, scanBackingDependants } from '../storage/dependants.js';
import { messageOf } from '../http/errors.js';
import { conflict, invalid, ProvisioningErrorCodes } from './errors.js';
import { diskSourceText } from '../../common/disk-source.js';

/** The NVRAM file of a UEFI VM (`<os><nvram>path</nvram>`). */
function nvramOf(xml: string): string | undefined {
  const m = /<nvram(?:\s[^>]*)?>([^<]+)<\/nvram>/.exec(xml);
  return m?.[1]?.trim();
}

interface PlannedDisk extends DeletePlanDisk {
  vol?: StorageVolRef;
}

async function lookupVolume(client: LibvirtClient, disk: { sourceFile?: string; sourceDev?: string; sourcePool?: string; sourceVolume?: string }): Promise<{ vol: StorageVolRef; path: string } | undefined> {
  try {
    if (disk.sourcePool !== undefined && disk.sourceVolume !== undefined) {
      const { pool } = await client.storagePoolLookupByName({ name: disk.sourcePool });
      const { vol } = await client.storageVolLookupByName({ pool, name: disk.sourceVolume });
      return { vol, path: (await client.storageVolGetPath({ vol })).name };
    }
    const path = disk.sourceFile ?? disk.sourceDev;
    if (path === undefined) return undefined;
    return { vol: (await client.storageVolLookupByPath({ path })).vol, path };
  } catch {
    return undefined; // not a volume of any (active) pool
  }
}

async function planFor(client: LibvirtClient, dom: DomainRef): Promise<{ plan: DeletePlan; disks: PlannedDisk[] }> {
  const [{ xml }, live, { state }, managed, snaps, uses, backing] = await Promise.all([
    client.domainGetXmlDesc({ dom, flags: DomainXmlFlags.INACTIVE }),
    client.domainGetXmlDesc({ dom, flags: 0 }),
    client.domainGetState({ dom, flags: 0 }),
    client.domainHasManagedSaveImage({ dom, flags: 0 }),
    client.domainSnapshotNum({ dom, flags: 0 }),
    scanDiskUses(client),
    scanBackingDependants(client),
  ]);
  const uuid = uuidToString(dom.uuid);
  const def = parseDomainXml(xml);
  // Disks of the live config too (a hot-plugged disk is still this VM's).
  const liveDisks = parseDomainXml(live.xml).disks.filter((d) => !def.disks.some((p) => p.target === d.target));
  const disks: PlannedDisk[] = [];
  for (const d of [...def.disks, ...liveDisks]) {
    const found = await lookupVolume(client, d);
    const path = found?.path ?? d.sourceFile ?? d.sourceDev;
    const others = found === undefined && path === undefined ? [] : usersOf(uses, found?.vol.pool ?? d.sourcePool ?? '', found?.vol.name ?? d.sourceVolume ?? '', path ?? '').filter((u) => u.uuid !== uuid);
    const readonlyOrShared = d.device !== 'disk' || d.readonly || d.shareable;
    const dependants = found === undefined ? [] : backing.dependantsOf(found.path);
    const source = diskSourceText(path !== undefined && d.source?.type === 'volume' ? { ...d.source, path } : d.source);
    const entry: PlannedDisk = {
      target: d.target,
      device: d.device,
      ...(path === undefined ? {} : { path }),
      ...(source === undefined ? {} : { source }),
      ...(found === undefined ? {} : { pool: found.vol.pool, volume: found.vol.name, vol: found.vol }),
      deletable: found !== undefined,
      sharedWith: others.map((o) => o.name),
      readonlyOrShared,
      dependants,
      defaultChecked: found !== undefined && !readonlyOrShared && others.length === 0 && dependants.length === 0,
    };
    disks.push(entry);
  }
  const nvram = nvramOf(xml);
  const plan: DeletePlan = {
    uuid,
    name: dom.name,
    active: state !== 5 && state !== 0,
    disks: disks.map(({ vol: _vol, ...rest }) => rest),
    snapshots: snaps.num,
    managedSave: managed.result !== 0,
    ...(nvram === undefined ? {} : { nvram }),
  };
  return { plan, disks };
}

export async function deletePlan(client: LibvirtClient, uuid: string): Promise<DeletePlan> {
  const { dom } = await client.domainLookupByUuid({ uuid: uuidFromString(uuid) });
  return (await planFor(client, dom)).plan;
}

export async function deleteVm(client: LibvirtClient, uuid: string, body: DeleteVmBody): Promise<DeleteVmResult> {
  const { dom } = await client.domainLookupByUuid({ uuid: uuidFromString(uuid) });
  const { plan, disks } = await planFor(client, dom);
  const wanted = [...new Set(body.volumes ?? [])];
  const chosen: PlannedDisk[] = [];
  for (const path of wanted) {
    const disk = disks.find((d) => d.path === path || (d.pool !== undefined && `${d.pool}/${d.volume ?? ''}` === path));
    if (disk === undefined) throw invalid(`"${path}" is not a disk of VM "${plan.name}"; only its own disks can be deleted with it`);
    if (disk.vol === undefined) throw invalid(`Disk ${disk.target} (${path}) is not a volume of a storage pool and cannot be deleted here`);
    chosen.push(disk);
  }
  const chosenPaths = new Set(chosen.map((d) => d.path));
  const breaking = chosen.flatMap((d) => d.dependants).filter((dep) => !chosenPaths.has(dep.path));
  if (breaking.length > 0 && body.breakDependants !== true) {
    throw conflict(
      'HAS_BACKING_DEPENDANTS',
      `Deleting the disks of VM "${plan.name}" breaks ${describeDependants(breaking)}, whose backing file they are; include breakDependants to delete them anyway`,
    );
  }
  if (plan.snapshots > 0 && body.snapshots !== true) {
    throw conflict('HAS_SNAPSHOTS', `VM "${plan.name}" has ${plan.snapshots} snapshot(s); include snapshots to remove their metadata with it`);
  }
  if (plan.managedSave && body.managedSave !== true) {
    throw conflict('HAS_MANAGED_SAVE', `VM "${plan.name}" has a saved memory state; include managedSave to discard it`);
  }
  if (plan.active && body.force !== true) {
    throw conflict(ProvisioningErrorCodes.running, `VM "${plan.name}" is running: confirm forcing it off (force) to delete it`);
  }

  let forcedOff = false;
  if (plan.active) {
    await client.domainDestroy({ dom });
    forcedOff = true;
  }
  let flags = 0;
  if (body.snapshots === true) flags |= DomainUndefineFlags.SNAPSHOTS_METADATA;
  if (body.managedSave === true) flags |= DomainUndefineFlags.MANAGED_SAVE;
  if (plan.nvram !== undefined) flags |= body.nvram === true ? DomainUndefineFlags.NVRAM : DomainUndefineFlags.KEEP_NVRAM;
  await client.domainUndefineFlags({ dom, flags });

  const removedVolumes: string[] = [];
  const failures: { path: string; message: string }[] = [];
  for (const disk of chosen) {
    const label = disk.path ?? `${disk.pool ?? ''}/${disk.volume ?? ''}`;
    try {
      if (disk.vol !== undefined) await client.storageVolDelete({ vol: disk.vol, flags: 0 });
      removedVolumes.push(label);
    } catch (err) {
      failures.push({ path: label, message: messageOf(err) });
    }
  }
  const keptVolumes = disks.filter((d) => d.deletable && !chosen.includes(d)).map((d) => d.path ?? `${d.pool ?? ''}/${d.volume ?? ''}`);
  return {
    name: plan.name,
    forcedOff,
    undefined: true,
    removedVolumes,
    keptVolumes,
    snapshotsMetadata: body.snapshots === true ? plan.snapshots : 0,
    managedSave: body.managedSave === true && plan.managedSave,
    nvram: body.nvram === true && plan.nvram !== undefined,
    failures,
  };
}

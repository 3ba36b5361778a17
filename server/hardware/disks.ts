/** Disks of a VM: attach (new or existing volume, ISO), detach, CD-ROM media, grow. */
import { DomainBlockResizeFlags, DomainDeviceModifyFlags, type LibvirtClient } from '../libvirt/index.js';
import { HttpError, badRequest } from '../http/errors.js';
import { buildDiskXml } from '../xml/device.js';
import { createVolume, getVolume, lookupVolume, resizeVolume } from '../storage/volumes.js';
import type { VolumeDetails } from '../../common/storage.js';
import { diskSourcePath } from '../../common/disk-source.js';
import {
  appliesText, virshAttachDisk, virshBlockResize, virshChangeMedia, virshDetachDisk, virshVolResize,
  type ChangeResult, type DiskAddBody, type HwDisk, type MediaBody,
} from '../../common/hardware.js';
import { HardwareErrorCodes, hardwareView, loadVm, resolveApply, resolveDeviceApply, type VmContext } from './context.js';
import { freeTarget } from './targets.js';

async function result(client: LibvirtClient, uuid: string, applies: ChangeResult['applies'], virsh: string, what: string): Promise<ChangeResult> {
  return { applies, virsh, summary: `${what}; ${appliesText(applies)}`, hardware: hardwareView(await loadVm(client, uuid), uuid) };
}

const driverFormat = (format: string | undefined): string => (format === undefined || format === 'iso' ? 'raw' : format);

function diskOf(vm: VmContext, target: string): { disk: HwDisk; inLive: boolean; inConfig: boolean } {
  const view = hardwareView(vm, '');
  const disk = view.disks.find((d) => d.target === target);
  if (disk === undefined) throw new HttpError(404, HardwareErrorCodes.noDevice, `VM "${vm.name}" has no disk "${target}"`);
  return { disk, inLive: disk.live, inConfig: disk.config };
}

function defaultBus(vm: VmContext, device: 'disk' | 'cdrom', live: boolean): string {
  if (device === 'disk') return 'virtio';
  // QEMU hot-plugs CD-ROMs only on SCSI.
  if (live) return 'scsi';
  const machine = (vm.config ?? vm.live)?.def.os.machine ?? '';
  return machine.includes('q35') ? 'sata' : 'ide';
}

export async function addDisk(client: LibvirtClient, uuid: string, body: DiskAddBody): Promise<ChangeResult> {
  const vm = await loadVm(client, uuid);
  const where = resolveApply(vm, body.apply);
  const device = body.device ?? 'disk';
  const bus = body.bus ?? defaultBus(vm, device, where.live);
  const target = freeTarget(vm, bus);
  if (where.live && (bus === 'ide' || bus === 'sata')) {
    throw new HttpError(409, HardwareErrorCodes.wrongState, `A ${bus} disk cannot be plugged into a running VM (QEMU has no ${bus} hot-plug); use virtio, scsi or usb, or add it at next boot`);
  }

  let volume: VolumeDetails;
  let created = false;
  if (body.source.kind === 'new') {
    volume = await createVolume(client, body.source.pool, { name: body.source.name, capacityBytes: body.source.capacityBytes, format: body.source.format });
    created = true;
  } else {
    volume = await getVolume(client, body.source.pool, body.source.volume);
    const others = volume.usedBy.filter((u) => u.uuid !== uuid && u.active);
    const readonly = device === 'cdrom' || body.readonly === true;
    if (others.length > 0 && !readonly) {
      throw new HttpError(409, HardwareErrorCodes.inUse, `Volume "${volume.name}" is a disk of running VM ${others.map((o) => `"${o.name}"`).join(', ')}; attach it read-only or stop that VM first`);
    }
  }
  const xml = buildDiskXml({
    type: volume.type === 'block' ? 'block' : 'file',
    device,
    path: volume.path,
    format: driverFormat(volume.format),
    ...(body.cache === undefined ? {} : { cache: body.cache }),
    target,
    bus,
    readonly: body.readonly === true,
  });
  try {
    await client.domainAttachDeviceFlags({ dom: vm.dom, xml, flags: where.flags });
  } catch (err) {
    // The request failed as a whole: do not leave the new volume behind.
    if (created) await lookupVolume(client, volume.pool, volume.name).then(({ vol }) => client.storageVolDelete({ vol, flags: 0 })).catch(() => undefined);
    throw err;
  }
  const virsh = virshAttachDisk({
    vm: vm.name, sourcePath: volume.path, target, bus, format: driverFormat(volume.format), cdrom: device === 'cdrom', readonly: body.readonly === true,
    live: where.live, config: where.config,
    ...(body.cache === undefined ? {} : { cache: body.cache }),
    ...(body.source.kind === 'new' ? { create: { pool: body.source.pool, name: body.source.name, capacityBytes: body.source.capacityBytes, format: body.source.format } } : {}),
  });
  return result(client, uuid, where.applies, virsh, `Attached ${volume.path} as ${target} (${bus})`);
}

function minimalDiskXml(disk: HwDisk, path: string | undefined): string {
  return buildDiskXml({
    type: disk.type === 'block' ? 'block' : 'file',
    device: disk.device === 'cdrom' ? 'cdrom' : 'disk',
    ...(path === undefined ? {} : { path }),
    ...(disk.format === undefined ? {} : { format: disk.format }),
    target: disk.target,
    bus: disk.bus ?? 'virtio',
    readonly: disk.readonly,
  });
}

export async function detachDisk(client: LibvirtClient, uuid: string, target: string, apply: DiskAddBody['apply']): Promise<ChangeResult> {
  const vm = await loadVm(client, uuid);
  const { disk, inLive, inConfig } = diskOf(vm, target);
  const where = resolveDeviceApply(vm, apply, inLive, inConfig, `disk "${target}"`);
  const path = disk.type === 'file' || disk.type === 'block' ? diskSourcePath(disk.sourceDetail) : undefined;
  await client.domainDetachDeviceFlags({ dom: vm.dom, xml: minimalDiskXml(disk, path), flags: where.flags });
  return result(client, uuid, where.applies, virshDetachDisk(vm.name, target, where.live, where.config), `Detached ${target}`);
}

/** Inserts a volume (ISO) into a CD-ROM drive, or ejects its media when `media` is undefined. */
export async function changeMedia(client: LibvirtClient, uuid: string, target: string, media: MediaBody | undefined, apply: MediaBody['apply']): Promise<ChangeResult> {
  const vm = await loadVm(client, uuid);
  const { disk, inLive, inConfig } = diskOf(vm, target);
  if (disk.device !== 'cdrom' && disk.device !== 'floppy') throw badRequest(`Disk "${target}" of VM "${vm.name}" is a ${disk.device}, not a removable-media drive`);
  const where = resolveDeviceApply(vm, apply ?? media?.apply, inLive, inConfig, `drive "${target}"`);
  const volume = media === undefined ? undefined : await getVolume(client, media.pool, media.volume);
  const xml = buildDiskXml({
    type: volume?.type === 'block' ? 'block' : 'file',
    device: 'cdrom',
    ...(volume === undefined ? {} : { path: volume.path, format: driverFormat(volume.format) }),
    target,
    bus: disk.bus ?? 'ide',
    readonly: true,
  });
  // FORCE: eject even when the guest has locked the tray (what the user asked for).
  await client.domainUpdateDeviceFlags({ dom: vm.dom, xml, flags: where.flags | (where.live ? DomainDeviceModifyFlags.FORCE : 0) });
  const what = volume === undefined ? `Ejected the media of ${target}` : `Inserted ${volume.path} into ${target}`;
  return result(client, uuid, where.applies, virshChangeMedia(vm.name, target, volume?.path, where.live, where.config), what);
}

/** Grows a disk: block resize while the VM runs (the guest sees it at once), volume resize while it is off. */
export async function resizeDisk(client: LibvirtClient, uuid: string, target: string, capacityBytes: number): Promise<ChangeResult> {
  const vm = await loadVm(client, uuid);
  const { disk, inLive } = diskOf(vm, target);
  if (disk.device !== 'disk') throw badRequest(`Only disks can grow; "${target}" is a ${disk.device}`);
  const path = diskSourcePath(disk.sourceDetail);
  if (path === undefined) throw badRequest(`Disk "${target}" (${disk.source ?? 'no source'}) has no file, device or volume path to grow`);
  const { vol } = await client.storageVolLookupByPath({ path }).catch(() => {
    throw badRequest(`Disk "${target}" (${path}) is not a volume of a storage pool virtdeck knows`);
  });
  const current = await getVolume(client, vol.pool, vol.name);
  if (capacityBytes <= current.capacityBytes) {
    throw badRequest(`Disk "${target}" is ${current.capacityBytes} bytes; a disk can only grow (shrinking loses data)`);
  }
  if (vm.active && inLive) {
    await client.domainBlockResize({ dom: vm.dom, disk: target, size: capacityBytes, flags: DomainBlockResizeFlags.BYTES });
    return result(client, uuid, 'both', virshBlockResize(vm.name, target, capacityBytes), `Grew ${target} to ${capacityBytes} bytes`);
  }
  await resizeVolume(client, vol.pool, vol.name, { capacityBytes });
  return result(client, uuid, 'both', virshVolResize(vol.pool, vol.name, capacityBytes), `Grew ${target} to ${capacityBytes} bytes`);
}

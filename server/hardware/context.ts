/** One VM as the Hardware tab sees it: running and persistent definitions side by side, and where a change may go. */
import { DomainAffect, DomainXmlFlags, uuidFromString, type DomainRef, type LibvirtClient } from '../libvirt/index.js';
import { HttpError } from '../http/errors.js';
import { parseDomainXml, type DomainDefinition } from '../xml/domain.js';
import { parseDeviceExtras, type DeviceExtras } from '../xml/device.js';
import { withVolumePaths } from '../storage/volume-paths.js';
import { diskSourceText } from '../../common/disk-source.js';
import { appliesOf, type Applies, type ApplyMode, type HardwareView, type HwDisk, type HwNic } from '../../common/hardware.js';

export const HardwareErrorCodes = {
  wrongState: 'WRONG_STATE',
  noDevice: 'NO_SUCH_DEVICE',
  duplicateMac: 'DUPLICATE_MAC',
  overMaximum: 'OVER_MAXIMUM',
  inUse: 'VOLUME_IN_USE',
} as const;

export interface VmContext {
  client: LibvirtClient;
  dom: DomainRef;
  name: string;
  active: boolean;
  persistent: boolean;
  live?: { def: DomainDefinition; extras: DeviceExtras };
  config?: { def: DomainDefinition; extras: DeviceExtras };
}

export async function loadVm(client: LibvirtClient, uuid: string): Promise<VmContext> {
  const { dom } = await client.domainLookupByUuid({ uuid: uuidFromString(uuid) });
  const [{ active }, { persistent }] = await Promise.all([client.domainIsActive({ dom }), client.domainIsPersistent({ dom })]);
  const read = async (flags: number) => {
    const { xml } = await client.domainGetXmlDesc({ dom, flags });
    const def = parseDomainXml(xml);
    return { def: { ...def, disks: await withVolumePaths(client, def.disks) }, extras: parseDeviceExtras(xml) };
  };
  const [live, config] = await Promise.all([active !== 0 ? read(0) : undefined, persistent !== 0 ? read(DomainXmlFlags.INACTIVE) : undefined]);
  return {
    client,
    dom,
    name: dom.name,
    active: active !== 0,
    persistent: persistent !== 0,
    ...(live === undefined ? {} : { live }),
    ...(config === undefined ? {} : { config }),
  };
}

export interface Target {
  live: boolean;
  config: boolean;
  flags: number;
  applies: Applies;
}

function target(live: boolean, config: boolean): Target {
  return { live, config, flags: (live ? DomainAffect.LIVE : 0) | (config ? DomainAffect.CONFIG : 0), applies: appliesOf(live, config) };
}

/** Where a change goes: as asked, or (when not asked) wherever the VM's state allows. */
export function resolveApply(vm: VmContext, requested: ApplyMode | undefined): Target {
  if (requested === undefined) return target(vm.active, vm.persistent);
  const live = requested !== 'config';
  const config = requested !== 'live';
  if (live && !vm.active) throw new HttpError(409, HardwareErrorCodes.wrongState, `VM "${vm.name}" is not running: a change now is impossible; apply it at next boot instead`);
  if (config && !vm.persistent) throw new HttpError(409, HardwareErrorCodes.wrongState, `VM "${vm.name}" is transient (no persistent config): the change can only apply now`);
  return target(live, config);
}

/** For a device that exists: the places it is in (or those asked, if it is there). */
export function resolveDeviceApply(vm: VmContext, requested: ApplyMode | undefined, inLive: boolean, inConfig: boolean, what: string): Target {
  if (requested === undefined) {
    if (!inLive && !inConfig) throw new HttpError(404, HardwareErrorCodes.noDevice, `VM "${vm.name}" has no ${what}`);
    return target(inLive, inConfig);
  }
  const t = resolveApply(vm, requested);
  if (t.live && !inLive) throw new HttpError(404, HardwareErrorCodes.noDevice, `The running VM "${vm.name}" has no ${what}`);
  if (t.config && !inConfig) throw new HttpError(404, HardwareErrorCodes.noDevice, `The persistent config of VM "${vm.name}" has no ${what}`);
  return t;
}

export function hardwareView(vm: VmContext, uuid: string): HardwareView {
  const primary = vm.live ?? vm.config;
  if (primary === undefined) throw new Error(`VM ${vm.name} has neither a running nor a persistent definition`);
  const disks = new Map<string, HwDisk>();
  const nics = new Map<string, HwNic>();
  for (const [where, side] of [['live', vm.live], ['config', vm.config]] as const) {
    if (side === undefined) continue;
    for (const d of side.def.disks) {
      const known = disks.get(d.target);
      if (known !== undefined) {
        known[where] = true;
        continue;
      }
      const source = diskSourceText(d.source);
      const cache = side.extras.cache.get(d.target);
      disks.set(d.target, {
        target: d.target,
        device: d.device,
        type: d.type,
        readonly: d.readonly,
        ...(d.bus === undefined ? {} : { bus: d.bus }),
        ...(d.format === undefined ? {} : { format: d.format }),
        ...(source === undefined ? {} : { source }),
        ...(d.source === undefined ? {} : { sourceDetail: d.source }),
        ...(cache === undefined ? {} : { cache }),
        live: where === 'live',
        config: where === 'config',
      });
    }
    for (const i of side.def.interfaces) {
      const mac = (i.mac ?? '').toLowerCase();
      const known = nics.get(mac);
      if (known !== undefined) {
        known[where] = true;
        continue;
      }
      const source = i.sourceNetwork ?? i.sourceBridge ?? i.sourceDev;
      nics.set(mac, {
        mac,
        type: i.type,
        link: side.extras.link.get(mac) ?? 'up',
        ...(source === undefined ? {} : { source }),
        ...(i.model === undefined ? {} : { model: i.model }),
        ...(i.targetDev === undefined ? {} : { targetDev: i.targetDev }),
        live: where === 'live',
        config: where === 'config',
      });
    }
  }
  const counts = (def: DomainDefinition) => ({ current: def.vcpus.current, max: def.vcpus.max });
  const mem = (def: DomainDefinition) => ({ currentBytes: def.memory.currentBytes, maxBytes: def.memory.maxBytes });
  const boot = (vm.config ?? primary).def.os;
  return {
    uuid,
    name: vm.name,
    active: vm.active,
    persistent: vm.persistent,
    vcpus: {
      ...(vm.live === undefined ? {} : { live: counts(vm.live.def) }),
      ...(vm.config === undefined ? {} : { config: counts(vm.config.def) }),
    },
    memory: {
      ...(vm.live === undefined ? {} : { live: mem(vm.live.def) }),
      ...(vm.config === undefined ? {} : { config: mem(vm.config.def) }),
    },
    disks: [...disks.values()],
    interfaces: [...nics.values()],
    bootDevices: boot.bootDevices,
    directKernelBoot: boot.kernel !== undefined,
  };
}

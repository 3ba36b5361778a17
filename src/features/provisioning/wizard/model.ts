/** The New VM wizard's state, its checks per step, and the request it sends. Pure: tested on its own. */
import type { CreateVmBody, DiskBus, NicModel, OsEntry, ProvisioningOptions } from '../../../../common/provisioning.js';
import { checkVmName, GENERIC_LINUX, MAX_MEMORY_MIB } from '../../../../common/provisioning.js';
import { checkAbsolutePath } from '../../../../common/storage-validate.js';
import { parseSizeValue, sizeValueOf, type SizeValue } from '../../../../common/storage-units.js';
import { formatBytes } from '../../../../common/format.js';

export const STEPS = ['source', 'os', 'resources', 'storage', 'network', 'review'] as const;
export type StepId = (typeof STEPS)[number];
export const STEP_LABELS: Record<StepId, string> = {
  source: 'Source',
  os: 'Operating system',
  resources: 'Memory and CPUs',
  storage: 'Storage',
  network: 'Network',
  review: 'Review',
};

export type SourceKind = 'iso' | 'iso-path' | 'import' | 'kernel' | 'pxe';
export type StorageKind = 'new' | 'existing' | 'none';
export type NetworkKind = 'network' | 'bridge' | 'none';

export interface WizardState {
  source: SourceKind;
  isoPool: string;
  isoVolume: string;
  isoPath: string;
  kernel: string;
  initrd: string;
  cmdline: string;
  os: OsEntry;
  memoryMiB: string;
  vcpus: string;
  storage: StorageKind;
  pool: string;
  diskSize: SizeValue;
  diskFormat: 'qcow2' | 'raw';
  /** '' = chosen from the OS (virtio when it supports it). */
  diskBus: '' | DiskBus;
  existingPool: string;
  existingVolume: string;
  network: NetworkKind;
  networkName: string;
  bridge: string;
  /** '' = chosen from the OS (virtio when it supports it). */
  nicModel: '' | NicModel;
  /** The MAC the review's dry run generated ('' before it): Create sends it, so the VM gets the MAC shown. */
  mac: string;
  name: string;
  firmware: 'bios' | 'efi';
  graphics: 'vnc' | 'none';
  start: boolean;
}

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

export function initialState(): WizardState {
  return {
    source: 'iso',
    isoPool: '',
    isoVolume: '',
    isoPath: '',
    kernel: '',
    initrd: '',
    cmdline: 'console=ttyS0',
    os: GENERIC_LINUX,
    memoryMiB: '1024',
    vcpus: '1',
    storage: 'new',
    pool: '',
    diskSize: { amount: '10', unit: 'GiB' },
    diskFormat: 'qcow2',
    diskBus: '',
    existingPool: '',
    existingVolume: '',
    network: 'network',
    networkName: 'default',
    bridge: '',
    nicModel: '',
    mac: '',
    name: '',
    firmware: 'bios',
    graphics: 'vnc',
    start: true,
  };
}

/** Picking an OS fills memory, vCPUs and disk size with what osinfo-db recommends (memory capped at half the host). */
export function applyOs(state: WizardState, os: OsEntry, options: ProvisioningOptions | undefined): WizardState {
  const hostHalf = options === undefined ? Infinity : options.hostMemoryBytes / 2;
  const ram = Math.min(os.recommendedRamBytes ?? GiB, Math.max(hostHalf, 128 * MiB));
  const cpus = Math.min(os.recommendedVcpus ?? 1, options?.hostCpus ?? Infinity);
  return {
    ...state,
    os,
    memoryMiB: String(Math.round(ram / MiB)),
    vcpus: String(Math.max(1, cpus)),
    diskSize: sizeValueOf(os.recommendedStorageBytes ?? 10 * GiB),
  };
}

export interface StepCheck {
  errors: string[];
  warnings: string[];
}

function positiveInt(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) && Number(text) >= 1 ? Number(text) : undefined;
}

export function checkStep(step: StepId, s: WizardState, options: ProvisioningOptions | undefined): StepCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const path = (value: string, what: string, required: boolean) => {
    if (value === '' && !required) return;
    const reason = checkAbsolutePath(value, what);
    if (reason !== null) errors.push(reason);
  };
  switch (step) {
    case 'source':
      if (s.source === 'iso' && (s.isoPool === '' || s.isoVolume === '')) errors.push('Choose the ISO volume');
      if (s.source === 'iso-path') path(s.isoPath, 'ISO path', true);
      if (s.source === 'kernel') {
        path(s.kernel, 'Kernel path', true);
        path(s.initrd, 'Initrd path', false);
        if ([...s.cmdline].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) errors.push('The command line must not contain control characters');
      }
      break;
    case 'os':
      break;
    case 'resources': {
      const mem = positiveInt(s.memoryMiB);
      const cpus = positiveInt(s.vcpus);
      if (mem === undefined) errors.push('Memory must be a whole number of MiB, at least 1');
      else if (mem > MAX_MEMORY_MIB) errors.push(`Memory must be at most ${MAX_MEMORY_MIB} MiB`);
      if (cpus === undefined) errors.push('vCPUs must be a whole number, at least 1');
      if (options !== undefined) {
        const hostMiB = Math.floor(options.hostMemoryBytes / MiB);
        if (mem !== undefined && mem > hostMiB) errors.push(`Memory must be at most ${hostMiB} MiB: the host has ${formatBytes(options.hostMemoryBytes)}`);
        if (cpus !== undefined && cpus > options.maxVcpus) errors.push(`At most ${options.maxVcpus} vCPUs on this hypervisor`);
        else if (cpus !== undefined && cpus > options.hostCpus) warnings.push(`More vCPUs than the host's ${options.hostCpus} CPUs`);
      }
      if (mem !== undefined && s.os.minimumRamBytes !== undefined && mem * MiB < s.os.minimumRamBytes) {
        warnings.push(`${s.os.name} needs at least ${formatBytes(s.os.minimumRamBytes)}`);
      }
      break;
    }
    case 'storage':
      if (s.source === 'import' && s.storage !== 'existing') errors.push('Importing a disk image needs an existing volume');
      if (s.storage === 'new') {
        if (s.pool === '') errors.push('Choose a storage pool');
        const size = parseSizeValue(s.diskSize);
        if (!size.ok) errors.push(size.reason);
        const pool = options?.pools.find((p) => p.name === s.pool);
        if (size.ok && pool !== undefined && pool.availableBytes !== null && size.bytes > pool.availableBytes) errors.push(`Only ${formatBytes(pool.availableBytes)} free in pool ${pool.name}`);
      }
      if (s.storage === 'existing' && (s.existingPool === '' || s.existingVolume === '')) errors.push('Choose the volume');
      break;
    case 'network':
      if (s.source === 'pxe' && s.network === 'none') errors.push('Network boot needs a network interface');
      if (s.network === 'network' && s.networkName === '') errors.push('Choose a virtual network');
      if (s.network === 'bridge' && !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}$/.test(s.bridge)) errors.push('Bridge must be an interface name such as br0');
      {
        const net = options?.networks.find((n) => n.name === s.networkName);
        if (s.network === 'network' && net !== undefined && !net.active) warnings.push(`Network ${net.name} is not active: the VM cannot start until it is`);
      }
      break;
    case 'review': {
      const reason = checkVmName(s.name);
      if (reason !== null) errors.push(reason);
      break;
    }
  }
  return { errors, warnings };
}

export function toBody(s: WizardState): CreateVmBody {
  const source: CreateVmBody['source'] =
    s.source === 'iso'
      ? { kind: 'iso', pool: s.isoPool, volume: s.isoVolume }
      : s.source === 'iso-path'
        ? { kind: 'iso-path', path: s.isoPath }
        : s.source === 'kernel'
          ? { kind: 'kernel', kernel: s.kernel, ...(s.initrd === '' ? {} : { initrd: s.initrd }), ...(s.cmdline === '' ? {} : { cmdline: s.cmdline }) }
          : { kind: s.source };
  const size = parseSizeValue(s.diskSize);
  const storage: CreateVmBody['storage'] =
    s.storage === 'new'
      ? { kind: 'new', pool: s.pool, format: s.diskFormat, ...(size.ok ? { sizeBytes: size.bytes } : {}) }
      : s.storage === 'existing'
        ? { kind: 'existing', pool: s.existingPool, volume: s.existingVolume }
        : { kind: 'none' };
  const model = { ...(s.nicModel === '' ? {} : { model: s.nicModel }), ...(s.mac === '' ? {} : { mac: s.mac }) };
  const network: CreateVmBody['network'] =
    s.network === 'network' ? { kind: 'network', network: s.networkName, ...model } : s.network === 'bridge' ? { kind: 'bridge', bridge: s.bridge, ...model } : { kind: 'none' };
  return {
    name: s.name,
    source,
    ...(s.os.id === GENERIC_LINUX.id ? {} : { os: s.os.id }),
    memoryMiB: positiveInt(s.memoryMiB) ?? 1,
    vcpus: positiveInt(s.vcpus) ?? 1,
    storage,
    ...(s.diskBus === '' || s.storage === 'none' ? {} : { diskBus: s.diskBus }),
    network,
    firmware: s.firmware,
    graphics: s.graphics,
    start: s.start,
  };
}

/** API contract of VM provisioning: create (wizard), clone, delete with storage, managed save, OS catalog. */
import { Type, type Static } from 'typebox';
import { ReportedBytes } from './exact-bytes.js';
import { MAX_SIZE_BYTES } from './storage-units.js';
import { BackingDependantSchema } from './storage.js';
import { NAME_PATTERN } from './storage-validate.js';

/** VM names: like volume names (they become file names: `<name>.qcow2`, serial logs). */
export const VM_NAME_PATTERN = NAME_PATTERN;
export const VM_NAME_MAX = 64;
const RE = new RegExp(VM_NAME_PATTERN);

export function checkVmName(value: string): string | null {
  if (value.length === 0) return 'Name is required';
  if (value.length > VM_NAME_MAX) return `Name must be at most ${VM_NAME_MAX} characters`;
  if (!RE.test(value)) return 'Name may only contain letters, digits, ".", "_", "+" and "-" and must not start with "." , "+" or "-"';
  if (value.includes('..')) return 'Name must not contain ".."';
  return null;
}

export const VmNameSchema = Type.String({ minLength: 1, maxLength: VM_NAME_MAX, pattern: VM_NAME_PATTERN });
const PoolOrVolName = Type.String({ minLength: 1, maxLength: 128, pattern: NAME_PATTERN });
const AbsPath = Type.String({ minLength: 2, maxLength: 1024, pattern: '^/' });
/** Network names are libvirt object names; bridges are Linux interface names (at most 15 characters). */
const NetworkName = Type.String({ minLength: 1, maxLength: 128, pattern: NAME_PATTERN });
const BridgeName = Type.String({ minLength: 1, maxLength: 15, pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]*$' });
/** The most memory a New VM request may ask for (16 TiB); the host's own memory is the real limit. */
export const MAX_MEMORY_MIB = 16 * 1024 * 1024;
export const MAC_PATTERN = '^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$';

export const JobId = Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' });

export const DISK_BUSES = ['virtio', 'sata', 'scsi', 'ide'] as const;
export type DiskBus = (typeof DISK_BUSES)[number];
export const NIC_MODELS = ['virtio', 'e1000', 'e1000e', 'rtl8139'] as const;
export type NicModel = (typeof NIC_MODELS)[number];

export const InstallSource = Type.Union([
  Type.Object({ kind: Type.Literal('iso'), pool: PoolOrVolName, volume: PoolOrVolName }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('iso-path'), path: AbsPath }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('import') }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('kernel'),
      kernel: AbsPath,
      initrd: Type.Optional(AbsPath),
      cmdline: Type.Optional(Type.String({ maxLength: 2048, pattern: '^[^\\u0000-\\u001f\\u007f]*$' })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('pxe') }, { additionalProperties: false }),
]);
export type InstallSource = Static<typeof InstallSource>;

export const StorageChoice = Type.Union([
  Type.Object({ kind: Type.Literal('none') }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('new'),
      pool: PoolOrVolName,
      /** Defaults to `<vm name>.<format>`. */
      name: Type.Optional(PoolOrVolName),
      /** Defaults to the OS's recommended storage (or 10 GiB). */
      sizeBytes: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SIZE_BYTES })),
      format: Type.Optional(Type.Union([Type.Literal('qcow2'), Type.Literal('raw')])),
    },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('existing'), pool: PoolOrVolName, volume: PoolOrVolName }, { additionalProperties: false }),
]);
export type StorageChoice = Static<typeof StorageChoice>;

export const NetworkChoice = Type.Union([
  Type.Object({ kind: Type.Literal('none') }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('network'), network: NetworkName, model: Type.Optional(Type.Enum(NIC_MODELS)), mac: Type.Optional(Type.String({ pattern: MAC_PATTERN })) },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('bridge'), bridge: BridgeName, model: Type.Optional(Type.Enum(NIC_MODELS)), mac: Type.Optional(Type.String({ pattern: MAC_PATTERN })) },
    { additionalProperties: false },
  ),
]);
export type NetworkChoice = Static<typeof NetworkChoice>;

export const CreateVmBody = Type.Object(
  {
    name: VmNameSchema,
    source: InstallSource,
    /** An osinfo-db id (`http://debian.org/debian/11`) or `generic-linux` / `other`; fills the defaults below. */
    os: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    /** Defaults to the OS's recommended RAM (at most half the host's), 1 GiB when unknown. */
    memoryMiB: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_MEMORY_MIB })),
    vcpus: Type.Optional(Type.Integer({ minimum: 1, maximum: 4096 })),
    storage: StorageChoice,
    diskBus: Type.Optional(Type.Enum(DISK_BUSES)),
    network: NetworkChoice,
    firmware: Type.Optional(Type.Union([Type.Literal('bios'), Type.Literal('efi')])),
    graphics: Type.Optional(Type.Union([Type.Literal('vnc'), Type.Literal('none')])),
    /** Keep the serial console output in /var/log/libvirt/qemu/<name>-serial.log (default true). */
    serialLog: Type.Optional(Type.Boolean()),
    start: Type.Optional(Type.Boolean()),
    /** Only build the XML and the virt-install line; nothing is created. */
    dryRun: Type.Optional(Type.Boolean()),
    /** Echoed in the `provisioning` progress events of this request. */
    job: Type.Optional(JobId),
  },
  { additionalProperties: false },
);
export type CreateVmBody = Static<typeof CreateVmBody>;

export const CreateVmResult = Type.Object({
  dryRun: Type.Boolean(),
  /** Empty on a dry run. */
  uuid: Type.String(),
  name: Type.String(),
  xml: Type.String(),
  virtInstall: Type.String(),
  /** What was done, in order ("created volume virtdeck/x.qcow2", "defined VM x", "started VM x"). */
  steps: Type.Array(Type.String()),
  /** Values chosen by the server (from the OS, the host or capabilities), for the review step. */
  resolved: Type.Object({
    memoryMiB: Type.Integer(),
    vcpus: Type.Integer(),
    domainType: Type.String(),
    machine: Type.Optional(Type.String()),
    emulator: Type.Optional(Type.String()),
    arch: Type.String(),
    diskBus: Type.String(),
    nicModel: Type.Optional(Type.String()),
    /** The NIC's MAC: send it back as network.mac so that the VM gets this one. */
    mac: Type.Optional(Type.String()),
    diskSizeBytes: Type.Optional(Type.Number()),
    diskFormat: Type.Optional(Type.String()),
    firmware: Type.String(),
  }),
  warnings: Type.Array(Type.String()),
});
export type CreateVmResult = Static<typeof CreateVmResult>;

/** Host facts the wizard needs: limits and what firmware can be offered. */
export const ProvisioningOptions = Type.Object({
  domainType: Type.String(),
  arch: Type.String(),
  machine: Type.Optional(Type.String()),
  emulator: Type.Optional(Type.String()),
  maxVcpus: Type.Integer(),
  hostCpus: Type.Integer(),
  hostMemoryBytes: Type.Number(),
  firmware: Type.Array(Type.String()),
  networks: Type.Array(Type.Object({ name: Type.String(), active: Type.Boolean() })),
  pools: Type.Array(Type.Object({ name: Type.String(), active: Type.Boolean(), availableBytes: ReportedBytes })),
});
export type ProvisioningOptions = Static<typeof ProvisioningOptions>;

export const CloneVmBody = Type.Object(
  {
    name: VmNameSchema,
    job: Type.Optional(JobId),
    /** One per NIC of the original, in order (as a dry run previewed them); generated when absent. */
    macs: Type.Optional(Type.Array(Type.String({ pattern: MAC_PATTERN }), { maxItems: 64 })),
    /** Only plan: the MACs and new volume names the clone would get; nothing is copied or defined. */
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CloneVmBody = Static<typeof CloneVmBody>;

export const ClonedDisk = Type.Object({
  target: Type.String(),
  /** "cloned" into a new volume, or "shared" (read-only/shareable disks and CD-ROMs). */
  action: Type.Union([Type.Literal('cloned'), Type.Literal('shared')]),
  from: Type.String(),
  to: Type.String(),
});
export type ClonedDisk = Static<typeof ClonedDisk>;

export const CloneVmResult = Type.Object({
  dryRun: Type.Boolean(),
  /** Empty on a dry run. */
  uuid: Type.String(),
  name: Type.String(),
  macs: Type.Array(Type.String()),
  disks: Type.Array(ClonedDisk),
  steps: Type.Array(Type.String()),
});
export type CloneVmResult = Static<typeof CloneVmResult>;

export const DeletePlanDisk = Type.Object({
  target: Type.String(),
  device: Type.String(),
  /** The file or block path; absent for network disks. */
  path: Type.Optional(Type.String()),
  /** The source in words (diskSourceText), for disks of every type; absent for an empty drive. */
  source: Type.Optional(Type.String()),
  pool: Type.Optional(Type.String()),
  volume: Type.Optional(Type.String()),
  /** Only volumes (known to a pool) can be deleted. */
  deletable: Type.Boolean(),
  /** Other VMs using this disk. */
  sharedWith: Type.Array(Type.String()),
  /** CD-ROM, read-only or shareable. */
  readonlyOrShared: Type.Boolean(),
  /** Volumes backed by this disk's volume (overlays on it): deleting it breaks them. */
  dependants: Type.Array(BackingDependantSchema),
  /** Pre-checked in the dialog: a writable volume that only this VM uses and no other volume is backed by. */
  defaultChecked: Type.Boolean(),
});
export type DeletePlanDisk = Static<typeof DeletePlanDisk>;

export const DeletePlan = Type.Object({
  uuid: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
  disks: Type.Array(DeletePlanDisk),
  snapshots: Type.Integer(),
  managedSave: Type.Boolean(),
  nvram: Type.Optional(Type.String()),
});
export type DeletePlan = Static<typeof DeletePlan>;

export const DeleteVmBody = Type.Object(
  {
    /** Paths (as listed in the delete plan) of the volumes to delete with the VM. */
    volumes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 1024 }), { maxItems: 64 })),
    snapshots: Type.Optional(Type.Boolean()),
    managedSave: Type.Optional(Type.Boolean()),
    nvram: Type.Optional(Type.Boolean()),
    /** Force off a running VM first. */
    force: Type.Optional(Type.Boolean()),
    /** Delete volumes even though other volumes have them as backing file (those break). */
    breakDependants: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DeleteVmBody = Static<typeof DeleteVmBody>;

export const DeleteVmResult = Type.Object({
  name: Type.String(),
  forcedOff: Type.Boolean(),
  undefined: Type.Boolean(),
  removedVolumes: Type.Array(Type.String()),
  keptVolumes: Type.Array(Type.String()),
  snapshotsMetadata: Type.Integer(),
  managedSave: Type.Boolean(),
  nvram: Type.Boolean(),
  /** Volumes that could not be deleted after the VM was undefined, with libvirt's reason. */
  failures: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
});
export type DeleteVmResult = Static<typeof DeleteVmResult>;

export const SaveVmResult = Type.Object({ name: Type.String(), saved: Type.Boolean(), state: Type.String() });
export type SaveVmResult = Static<typeof SaveVmResult>;

export const OsEntry = Type.Object({
  id: Type.String(),
  shortId: Type.String(),
  name: Type.String(),
  vendor: Type.Optional(Type.String()),
  family: Type.Optional(Type.String()),
  releaseDate: Type.Optional(Type.String()),
  eol: Type.Boolean(),
  minimumRamBytes: Type.Optional(Type.Number()),
  recommendedRamBytes: Type.Optional(Type.Number()),
  minimumStorageBytes: Type.Optional(Type.Number()),
  recommendedStorageBytes: Type.Optional(Type.Number()),
  recommendedVcpus: Type.Optional(Type.Integer()),
  virtioDisk: Type.Boolean(),
  virtioNet: Type.Boolean(),
});
export type OsEntry = Static<typeof OsEntry>;

/** The catalog's first entry and the wizard's default: any modern Linux, virtio devices. */
export const GENERIC_LINUX: OsEntry = {
  id: 'generic-linux',
  shortId: 'generic-linux',
  name: 'Generic Linux',
  family: 'linux',
  eol: false,
  recommendedRamBytes: 1024 ** 3,
  recommendedStorageBytes: 10 * 1024 ** 3,
  recommendedVcpus: 1,
  virtioDisk: true,
  virtioNet: true,
};

export const OsSearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type OsSearchQuery = Static<typeof OsSearchQuery>;

export const OsSearchResult = Type.Object({ total: Type.Integer(), oses: Type.Array(OsEntry) });
export type OsSearchResult = Static<typeof OsSearchResult>;

/** The `provisioning` SSE event: progress of a create or clone. */
export interface ProvisioningEventData {
  host: string;
  /** The request's job id, echoed from the `x-virtdeck-job` header when given. */
  job: string;
  op: 'create' | 'clone';
  step: string;
  done: boolean;
}

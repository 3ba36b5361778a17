import { Type, type Static } from 'typebox';
import { HostIdPattern } from './hosts.js';
import { VmDiskSource } from './disk-source.js';

export const UuidPattern = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const VmParams = Type.Object({
  host: Type.String({ pattern: HostIdPattern }),
  uuid: Type.String({ pattern: UuidPattern }),
});
export type VmParams = Static<typeof VmParams>;

// Enums rather than unions of literals: the response serializer checks anyOf branches one by one.
export const VmActionName = Type.Enum(['start', 'shutdown', 'reboot', 'destroy', 'suspend', 'resume']);
export type VmActionName = Static<typeof VmActionName>;
export const VM_ACTIONS: readonly VmActionName[] = ['start', 'shutdown', 'reboot', 'destroy', 'suspend', 'resume'];

export const VmActionParams = Type.Object({
  host: Type.String({ pattern: HostIdPattern }),
  uuid: Type.String({ pattern: UuidPattern }),
  action: VmActionName,
});
export type VmActionParams = Static<typeof VmActionParams>;

/** libvirt's virDomainState, in words. */
export const VmState = Type.Enum(['nostate', 'running', 'blocked', 'paused', 'shutdown', 'shutoff', 'crashed', 'pmsuspended']);
export type VmState = Static<typeof VmState>;

/** Rates over the last sampling interval; absent when not measurable (stopped VM, first sample). */
export const VmStats = Type.Object({
  /** Milliseconds since the epoch of the sample. */
  at: Type.Number(),
  /** Share of the VM's vCPUs in use (100 % = all vCPUs busy). */
  cpuPercent: Type.Optional(Type.Number()),
  memUsedBytes: Type.Optional(Type.Number()),
  /** guest: what the guest's balloon driver reports as in use; host: QEMU's resident memory on the host. */
  memSource: Type.Optional(Type.Enum(['guest', 'host'])),
  memAvailableBytes: Type.Optional(Type.Number()),
  diskReadBps: Type.Optional(Type.Number()),
  diskWriteBps: Type.Optional(Type.Number()),
  netRxBps: Type.Optional(Type.Number()),
  netTxBps: Type.Optional(Type.Number()),
});
export type VmStats = Static<typeof VmStats>;

export const VmSummary = Type.Object({
  uuid: Type.String(),
  name: Type.String(),
  /** libvirt's domain id while running, -1 otherwise. */
  id: Type.Integer(),
  state: VmState,
  /** The reason libvirt gives for the state (booted, user, destroyed …). */
  stateReason: Type.Optional(Type.String()),
  autostart: Type.Boolean(),
  persistent: Type.Boolean(),
  /** libvirt keeps a managed-save image (virsh dominfo's "Managed save: yes"): Start restores it. */
  managedSave: Type.Boolean(),
  vcpus: Type.Object({ current: Type.Integer(), max: Type.Integer() }),
  memory: Type.Object({ currentBytes: Type.Number(), maxBytes: Type.Number() }),
  stats: Type.Optional(VmStats),
});
export type VmSummary = Static<typeof VmSummary>;

export const VmList = Type.Object({ vms: Type.Array(VmSummary) });
export type VmList = Static<typeof VmList>;

export const VmDisk = Type.Object({
  /** disk, cdrom, floppy, lun */
  device: Type.String(),
  /** file, block, dir, network, volume, nvme, vhostuser (DISK_SOURCE_TYPES), or what a newer libvirt adds */
  type: Type.String(),
  target: Type.String(),
  bus: Type.Optional(Type.String()),
  format: Type.Optional(Type.String()),
  /** Everything about where the data lives, of every type; absent for a drive without media. */
  source: Type.Optional(VmDiskSource),
  // The flat fields below predate `source` and stay for the code that reads them.
  sourceFile: Type.Optional(Type.String()),
  sourcePool: Type.Optional(Type.String()),
  sourceVolume: Type.Optional(Type.String()),
  sourceDev: Type.Optional(Type.String()),
  sourceProtocol: Type.Optional(Type.String()),
  sourceName: Type.Optional(Type.String()),
  readonly: Type.Boolean(),
  shareable: Type.Boolean(),
  bootOrder: Type.Optional(Type.Integer()),
});
export type VmDisk = Static<typeof VmDisk>;

export const VmInterface = Type.Object({
  /** network, bridge, user, direct … */
  type: Type.String(),
  mac: Type.Optional(Type.String()),
  sourceNetwork: Type.Optional(Type.String()),
  sourceBridge: Type.Optional(Type.String()),
  sourceDev: Type.Optional(Type.String()),
  model: Type.Optional(Type.String()),
  targetDev: Type.Optional(Type.String()),
  bootOrder: Type.Optional(Type.Integer()),
});
export type VmInterface = Static<typeof VmInterface>;

export const VmGraphics = Type.Object({
  type: Type.String(),
  listen: Type.Optional(Type.String()),
  port: Type.Optional(Type.Integer()),
  autoport: Type.Boolean(),
  socket: Type.Optional(Type.String()),
});
export type VmGraphics = Static<typeof VmGraphics>;

export const VmCharDevice = Type.Object({
  /** serial or console */
  kind: Type.String(),
  /** pty, file, unix, tcp … */
  type: Type.String(),
  targetType: Type.Optional(Type.String()),
  port: Type.Optional(Type.Integer()),
  sourcePath: Type.Optional(Type.String()),
  logFile: Type.Optional(Type.String()),
});
export type VmCharDevice = Static<typeof VmCharDevice>;

export const VmDetail = Type.Object({
  ...VmSummary.properties,
  domainType: Type.String(),
  title: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  os: Type.Object({
    type: Type.String(),
    arch: Type.Optional(Type.String()),
    machine: Type.Optional(Type.String()),
    /** bios, efi, or absent when libvirt chooses the default (BIOS). */
    firmware: Type.Optional(Type.String()),
    loader: Type.Optional(Type.String()),
    kernel: Type.Optional(Type.String()),
    initrd: Type.Optional(Type.String()),
    cmdline: Type.Optional(Type.String()),
    /** <boot dev=…/> entries in order (hd, cdrom, network, fd). */
    bootDevices: Type.Array(Type.String()),
  }),
  disks: Type.Array(VmDisk),
  interfaces: Type.Array(VmInterface),
  graphics: Type.Array(VmGraphics),
  consoles: Type.Array(VmCharDevice),
  /** Seconds since the VM started (seen by the server, or from QEMU's pid file on this machine); absent when unknown. */
  uptimeSeconds: Type.Optional(Type.Number()),
});
export type VmDetail = Static<typeof VmDetail>;

export const VmXmlQuery = Type.Object({
  inactive: Type.Optional(Type.Enum(['1', '0', 'true', 'false'])),
});
export type VmXmlQuery = Static<typeof VmXmlQuery>;

export const VmXml = Type.Object({ xml: Type.String() });
export type VmXml = Static<typeof VmXml>;

export const AutostartBody = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });
export type AutostartBody = Static<typeof AutostartBody>;

export const VmActionResult = Type.Object({
  vm: VmSummary,
  /** The action ended a transient VM: libvirt no longer knows it (vm is its last summary, shut off). */
  gone: Type.Optional(Type.Boolean()),
});
export type VmActionResult = Static<typeof VmActionResult>;

/**
 * States in which libvirt accepts each action (the SPA enables buttons by it, the server explains refusals with it).
 * libvirt counts a crashed domain as active: it must be forced off before it can start again.
 */
const ACTION_STATES: Record<VmActionName, readonly VmState[]> = {
  start: ['shutoff'],
  shutdown: ['running', 'blocked', 'paused'],
  reboot: ['running', 'blocked', 'crashed'],
  destroy: ['running', 'blocked', 'paused', 'shutdown', 'crashed', 'pmsuspended'],
  suspend: ['running', 'blocked'],
  resume: ['paused'],
};

/**
 * Only libvirt's test driver reboots a crashed domain; QEMU's reboot asks the guest (ACPI or
 * agent), which a crashed guest cannot answer, and libvirt would report success with nothing done.
 */
export function crashedRebootProblem(domainType: string | undefined): string | null {
  if (domainType === 'test') return null;
  return 'A crashed guest cannot answer a reboot request: force it off, then start it.';
}

/** `domainType` (kvm, qemu, test …) where known: some actions depend on the driver, not just the state. */
export function actionAllowed(action: VmActionName, state: VmState, domainType?: string): boolean {
  if (action === 'reboot' && state === 'crashed') return crashedRebootProblem(domainType) === null;
  return ACTION_STATES[action].includes(state);
}

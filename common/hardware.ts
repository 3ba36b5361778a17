/** A VM's hardware (Hardware tab): API schemas and the virsh command each change equals. */
import { Type, type Static } from 'typebox';
import { HostIdPattern } from './hosts.js';
import { MacPattern, NetworkNamePattern, InterfaceNamePattern } from './networks.js';
import { UuidPattern } from './vms.js';
import { VmDiskSource } from './disk-source.js';

export const DiskTargetPattern = '^(vd|sd|hd|xvd)[a-z]{1,2}$';
export const VolumeNamePattern = '^[A-Za-z0-9][A-Za-z0-9_.+-]{0,199}$';
export const PoolNamePattern = '^[A-Za-z0-9][A-Za-z0-9_.+-]{0,99}$';

export const HardwareParams = Type.Object({
  host: Type.String({ pattern: HostIdPattern }),
  uuid: Type.String({ pattern: UuidPattern }),
});
export type HardwareParams = Static<typeof HardwareParams>;
export const DiskParams = Type.Object({ ...HardwareParams.properties, target: Type.String({ pattern: DiskTargetPattern }) });
export type DiskParams = Static<typeof DiskParams>;
export const NicParams = Type.Object({ ...HardwareParams.properties, mac: Type.String({ pattern: MacPattern }) });
export type NicParams = Static<typeof NicParams>;

/** live = now only (lost at power-off), config = from the next boot, both. Absent: whatever the VM's state allows. */
export const ApplyMode = Type.Union([Type.Literal('live'), Type.Literal('config'), Type.Literal('both')]);
export type ApplyMode = Static<typeof ApplyMode>;
export const ApplyQuery = Type.Object({ apply: Type.Optional(ApplyMode) });
export type ApplyQuery = Static<typeof ApplyQuery>;

export const DISK_BUSES = ['virtio', 'sata', 'scsi', 'usb', 'ide'] as const;
export const DiskBus = Type.Union([Type.Literal('virtio'), Type.Literal('sata'), Type.Literal('scsi'), Type.Literal('usb'), Type.Literal('ide')]);
export type DiskBus = Static<typeof DiskBus>;
export const CACHE_MODES = ['default', 'none', 'writethrough', 'writeback', 'directsync', 'unsafe'] as const;
export const CacheMode = Type.Union([
  Type.Literal('default'), Type.Literal('none'), Type.Literal('writethrough'), Type.Literal('writeback'), Type.Literal('directsync'), Type.Literal('unsafe'),
]);
export type CacheMode = Static<typeof CacheMode>;
export const NIC_MODELS = ['virtio', 'e1000e', 'e1000', 'rtl8139'] as const;
export const NicModel = Type.Union([Type.Literal('virtio'), Type.Literal('e1000e'), Type.Literal('e1000'), Type.Literal('rtl8139')]);
export type NicModel = Static<typeof NicModel>;

export const NewVolumeSource = Type.Object(
  {
    kind: Type.Literal('new'),
    pool: Type.String({ pattern: PoolNamePattern }),
    name: Type.String({ pattern: VolumeNamePattern }),
    capacityBytes: Type.Integer({ minimum: 1024 * 1024, maximum: 2 ** 50 }),
    format: Type.Union([Type.Literal('qcow2'), Type.Literal('raw')]),
  },
  { additionalProperties: false },
);
export const ExistingVolumeSource = Type.Object(
  { kind: Type.Literal('volume'), pool: Type.String({ pattern: PoolNamePattern }), volume: Type.String({ pattern: VolumeNamePattern }) },
  { additionalProperties: false },
);

export const DiskAddBody = Type.Object(
  {
    source: Type.Union([NewVolumeSource, ExistingVolumeSource]),
    device: Type.Optional(Type.Union([Type.Literal('disk'), Type.Literal('cdrom')])),
    bus: Type.Optional(DiskBus),
    cache: Type.Optional(CacheMode),
    readonly: Type.Optional(Type.Boolean()),
    apply: Type.Optional(ApplyMode),
  },
  { additionalProperties: false },
);
export type DiskAddBody = Static<typeof DiskAddBody>;

export const MediaBody = Type.Object(
  { pool: Type.String({ pattern: PoolNamePattern }), volume: Type.String({ pattern: VolumeNamePattern }), apply: Type.Optional(ApplyMode) },
  { additionalProperties: false },
);
export type MediaBody = Static<typeof MediaBody>;

export const DiskResizeBody = Type.Object({ capacityBytes: Type.Integer({ minimum: 1, maximum: 2 ** 50 }) }, { additionalProperties: false });
export type DiskResizeBody = Static<typeof DiskResizeBody>;

export const NicAddBody = Type.Object(
  {
    source: Type.Union([
      Type.Object({ type: Type.Literal('network'), network: Type.String({ pattern: NetworkNamePattern }) }, { additionalProperties: false }),
      Type.Object({ type: Type.Literal('bridge'), bridge: Type.String({ pattern: InterfaceNamePattern }) }, { additionalProperties: false }),
    ]),
    model: Type.Optional(NicModel),
    mac: Type.Optional(Type.String({ pattern: MacPattern })),
    apply: Type.Optional(ApplyMode),
  },
  { additionalProperties: false },
);
export type NicAddBody = Static<typeof NicAddBody>;

export const LinkBody = Type.Object({ state: Type.Union([Type.Literal('up'), Type.Literal('down')]), apply: Type.Optional(ApplyMode) }, { additionalProperties: false });
export type LinkBody = Static<typeof LinkBody>;

export const VcpusBody = Type.Object(
  { count: Type.Optional(Type.Integer({ minimum: 1, maximum: 4096 })), maximum: Type.Optional(Type.Integer({ minimum: 1, maximum: 4096 })), apply: Type.Optional(ApplyMode) },
  { additionalProperties: false },
);
export type VcpusBody = Static<typeof VcpusBody>;

export const MemoryBody = Type.Object(
  {
    currentBytes: Type.Optional(Type.Integer({ minimum: 16 * 1024 * 1024, maximum: 2 ** 50 })),
    maxBytes: Type.Optional(Type.Integer({ minimum: 16 * 1024 * 1024, maximum: 2 ** 50 })),
    apply: Type.Optional(ApplyMode),
  },
  { additionalProperties: false },
);
export type MemoryBody = Static<typeof MemoryBody>;

export const BOOT_DEVICES = ['hd', 'cdrom', 'network', 'fd'] as const;
export const BootBody = Type.Object(
  { devices: Type.Array(Type.Union([Type.Literal('hd'), Type.Literal('cdrom'), Type.Literal('network'), Type.Literal('fd')]), { minItems: 1, maxItems: 4, uniqueItems: true }) },
  { additionalProperties: false },
);
export type BootBody = Static<typeof BootBody>;

export const HwDisk = Type.Object({
  target: Type.String(),
  bus: Type.Optional(Type.String()),
  device: Type.String(),
  type: Type.String(),
  format: Type.Optional(Type.String()),
  /** The source in words (diskSourceText): a path, `volume pool/name → path`, `rbd://mon:6789/pool/image` …; absent for an empty drive. */
  source: Type.Optional(Type.String()),
  sourceDetail: Type.Optional(VmDiskSource),
  cache: Type.Optional(Type.String()),
  readonly: Type.Boolean(),
  /** Where the disk is: in the running VM, in the persistent config, or both. */
  live: Type.Boolean(),
  config: Type.Boolean(),
});
export type HwDisk = Static<typeof HwDisk>;

export const HwNic = Type.Object({
  mac: Type.String(),
  type: Type.String(),
  source: Type.Optional(Type.String()),
  model: Type.Optional(Type.String()),
  targetDev: Type.Optional(Type.String()),
  link: Type.Union([Type.Literal('up'), Type.Literal('down')]),
  live: Type.Boolean(),
  config: Type.Boolean(),
});
export type HwNic = Static<typeof HwNic>;

const Counts = Type.Object({ current: Type.Integer(), max: Type.Integer() });

export const HardwareView = Type.Object({
  uuid: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
  persistent: Type.Boolean(),
  /** Running values (absent while off) and the persistent config's. */
  vcpus: Type.Object({ live: Type.Optional(Counts), config: Type.Optional(Counts) }),
  memory: Type.Object({
    live: Type.Optional(Type.Object({ currentBytes: Type.Number(), maxBytes: Type.Number() })),
    config: Type.Optional(Type.Object({ currentBytes: Type.Number(), maxBytes: Type.Number() })),
  }),
  disks: Type.Array(HwDisk),
  interfaces: Type.Array(HwNic),
  bootDevices: Type.Array(Type.String()),
  /** True when the VM boots a kernel directly (boot order does not apply). */
  directKernelBoot: Type.Boolean(),
});
export type HardwareView = Static<typeof HardwareView>;

export const Applies = Type.Union([Type.Literal('now'), Type.Literal('next-boot'), Type.Literal('both')]);
export type Applies = Static<typeof Applies>;

export const ChangeResult = Type.Object({
  applies: Applies,
  virsh: Type.String(),
  /** What was done, in words. */
  summary: Type.String(),
  hardware: HardwareView,
});
export type ChangeResult = Static<typeof ChangeResult>;

export function appliesOf(live: boolean, config: boolean): Applies {
  return live && config ? 'both' : live ? 'now' : 'next-boot';
}

export function appliesText(a: Applies): string {
  return a === 'both' ? 'applies now and at next boot' : a === 'now' ? 'applies now only (lost at power-off)' : 'applies at next boot';
}

// ---- virsh equivalents ----

/** Quotes a shell word when it needs it. */
export function shq(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

const flagWords = (live: boolean, config: boolean): string[] => [...(live ? ['--live'] : []), ...(config ? ['--config'] : [])];
const cmd = (...words: string[]): string => ['virsh', ...words.map(shq)].join(' ');

export interface AttachDiskVirsh {
  vm: string;
  sourcePath: string;
  target: string;
  bus: string;
  format?: string;
  cache?: string;
  cdrom: boolean;
  readonly: boolean;
  live: boolean;
  config: boolean;
  /** A volume created first. */
  create?: { pool: string; name: string; capacityBytes: number; format: string };
}

export function virshAttachDisk(o: AttachDiskVirsh): string {
  const create = o.create === undefined ? '' : `${cmd('vol-create-as', o.create.pool, o.create.name, `${o.create.capacityBytes}B`, '--format', o.create.format)} && `;
  return (
    create +
    cmd(
      'attach-disk', o.vm, o.sourcePath, o.target, '--targetbus', o.bus,
      ...(o.format === undefined ? [] : ['--driver', 'qemu', '--subdriver', o.format]),
      ...(o.cache === undefined || o.cache === 'default' ? [] : ['--cache', o.cache]),
      ...(o.cdrom ? ['--type', 'cdrom'] : []),
      ...(o.readonly && !o.cdrom ? ['--mode', 'readonly'] : []),
      ...flagWords(o.live, o.config),
    )
  );
}

export const virshDetachDisk = (vm: string, target: string, live: boolean, config: boolean): string => cmd('detach-disk', vm, target, ...flagWords(live, config));

export const virshChangeMedia = (vm: string, target: string, path: string | undefined, live: boolean, config: boolean): string =>
  cmd('change-media', vm, target, ...(path === undefined ? ['--eject'] : ['--insert', path]), ...(live ? ['--force'] : []), ...flagWords(live, config));

export const virshBlockResize = (vm: string, target: string, bytes: number): string => cmd('blockresize', vm, target, `${bytes}B`);
export const virshVolResize = (pool: string, volume: string, bytes: number): string => cmd('vol-resize', '--pool', pool, volume, `${bytes}B`);

export function virshAttachInterface(vm: string, type: 'network' | 'bridge', source: string, model: string, mac: string, live: boolean, config: boolean): string {
  return cmd('attach-interface', vm, '--type', type, '--source', source, '--model', model, '--mac', mac, ...flagWords(live, config));
}

export const virshDetachInterface = (vm: string, type: string, mac: string, live: boolean, config: boolean): string =>
  cmd('detach-interface', vm, '--type', type, '--mac', mac, ...flagWords(live, config));

export function virshSetLink(vm: string, mac: string, state: 'up' | 'down', live: boolean, config: boolean): string {
  // domif-setlink changes the running VM unless --config is given; both needs two runs.
  const lines: string[] = [];
  if (live) lines.push(cmd('domif-setlink', vm, mac, state));
  if (config) lines.push(cmd('domif-setlink', vm, mac, state, '--config'));
  return lines.join(' && ');
}

export function virshSetVcpus(vm: string, count: number | undefined, maximum: number | undefined, live: boolean, config: boolean): string {
  const lines: string[] = [];
  if (maximum !== undefined) lines.push(cmd('setvcpus', vm, String(maximum), '--maximum', '--config'));
  if (count !== undefined) lines.push(cmd('setvcpus', vm, String(count), ...flagWords(live, config)));
  return lines.join(' && ');
}

export function virshSetMemory(vm: string, currentBytes: number | undefined, maxBytes: number | undefined, live: boolean, config: boolean): string {
  const lines: string[] = [];
  if (maxBytes !== undefined) lines.push(cmd('setmaxmem', vm, `${Math.floor(maxBytes / 1024)}KiB`, '--config'));
  if (currentBytes !== undefined) lines.push(cmd('setmem', vm, `${Math.floor(currentBytes / 1024)}KiB`, ...flagWords(live, config)));
  return lines.join(' && ');
}

export const virshBoot = (vm: string, devices: readonly string[]): string =>
  `${cmd('edit', vm)}  # <os>: ${devices.map((d) => `<boot dev='${d}'/>`).join('')}`;

import { Type, type Static } from 'typebox';

export const SnapshotKind = Type.Union([Type.Literal('internal'), Type.Literal('external')]);
export type SnapshotKind = Static<typeof SnapshotKind>;

export const SnapshotDisk = Type.Object({
  /** target device (vda) */
  name: Type.String(),
  snapshot: Type.Union([
    Type.Literal('no'),
    Type.Literal('internal'),
    Type.Literal('external'),
    Type.Literal('manual'),
  ]),
  /** overlay file of an external snapshot */
  file: Type.Optional(Type.String()),
});
export type SnapshotDisk = Static<typeof SnapshotDisk>;

export const Snapshot = Type.Object({
  name: Type.String(),
  description: Type.String(),
  /** seconds since the epoch */
  creationTime: Type.Number(),
  /** state of the VM when taken: running, paused, shutoff, disk-snapshot … */
  state: Type.String(),
  parent: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean(),
  kind: SnapshotKind,
  withMemory: Type.Boolean(),
  memoryFile: Type.Union([Type.String(), Type.Null()]),
  disks: Type.Array(SnapshotDisk),
  /** bytes on disk of the overlay files an external snapshot started, when libvirt reports them */
  sizeBytes: Type.Union([Type.Number(), Type.Null()]),
  revertible: Type.Boolean(),
  /** why revert is refused, when it is */
  revertProblem: Type.Union([Type.String(), Type.Null()]),
  /** why libvirt would refuse a delete of each scope (metadata-only is always possible) */
  deleteProblems: Type.Object({
    this: Type.Union([Type.String(), Type.Null()]),
    children: Type.Union([Type.String(), Type.Null()]),
  }),
});
export type Snapshot = Static<typeof Snapshot>;

export const SnapshotDetails = Type.Object({ ...Snapshot.properties, xml: Type.String() });
export type SnapshotDetails = Static<typeof SnapshotDetails>;

export const MemoryChoice = Type.Union([
  Type.Literal('required'),
  Type.Literal('optional'),
  Type.Literal('impossible'),
]);
export type MemoryChoice = Static<typeof MemoryChoice>;

export const KindCapability = Type.Object({
  available: Type.Boolean(),
  /** why the kind is not offered */
  reason: Type.Union([Type.String(), Type.Null()]),
  memory: MemoryChoice,
  /** why memory is required or impossible */
  memoryReason: Type.Union([Type.String(), Type.Null()]),
  revertible: Type.Boolean(),
  revertReason: Type.Union([Type.String(), Type.Null()]),
});
export type KindCapability = Static<typeof KindCapability>;

export const SnapshotCapabilities = Type.Object({
  vmState: Type.String(),
  libvirtVersion: Type.String(),
  defaultName: Type.String(),
  defaultKind: Type.Union([SnapshotKind, Type.Null()]),
  /** writable disks the snapshot will cover */
  disks: Type.Array(Type.Object({ target: Type.String(), source: Type.String(), format: Type.String() })),
  internal: KindCapability,
  external: KindCapability,
});
export type SnapshotCapabilities = Static<typeof SnapshotCapabilities>;

export const SnapshotList = Type.Object({
  snapshots: Type.Array(Snapshot),
  current: Type.Union([Type.String(), Type.Null()]),
  capabilities: SnapshotCapabilities,
});
export type SnapshotList = Static<typeof SnapshotList>;

export const CreateSnapshotBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 4096 })),
    memory: Type.Optional(Type.Boolean()),
    kind: Type.Optional(SnapshotKind),
  },
  { additionalProperties: false },
);
export type CreateSnapshotBody = Static<typeof CreateSnapshotBody>;

export const RevertState = Type.Union([Type.Literal('as-taken'), Type.Literal('running'), Type.Literal('paused')]);
export type RevertState = Static<typeof RevertState>;

export const RevertSnapshotBody = Type.Object(
  { state: Type.Optional(RevertState) },
  { additionalProperties: false },
);
export type RevertSnapshotBody = Static<typeof RevertSnapshotBody>;

export const DeleteScope = Type.Union([Type.Literal('this'), Type.Literal('children'), Type.Literal('metadata')]);
export type DeleteScope = Static<typeof DeleteScope>;

export const DeleteSnapshotQuery = Type.Object(
  { scope: Type.Optional(DeleteScope) },
  { additionalProperties: false },
);
export type DeleteSnapshotQuery = Static<typeof DeleteSnapshotQuery>;

export const SnapshotParams = Type.Object({
  host: Type.String(),
  uuid: Type.String(),
  name: Type.String({ minLength: 1 }),
});
export type SnapshotParams = Static<typeof SnapshotParams>;

export const VmParams = Type.Object({ host: Type.String(), uuid: Type.String() });
export type VmParams = Static<typeof VmParams>;

export const DeleteSnapshotResult = Type.Object({
  /** names of the snapshots that are gone */
  deleted: Type.Array(Type.String()),
  /** files libvirt leaves behind (memory files of external snapshots) */
  leftFiles: Type.Array(Type.String()),
});
export type DeleteSnapshotResult = Static<typeof DeleteSnapshotResult>;

export const RevertSnapshotResult = Type.Object({
  snapshot: Type.String(),
  /** VM state after the revert */
  vmState: Type.String(),
});
export type RevertSnapshotResult = Static<typeof RevertSnapshotResult>;

// Where external snapshot files go (shared so the SPA can show the exact virsh command):
// beside the disk, named after disk (or VM) and a file-name-safe form of the snapshot name.

/** FNV-1a, 32 bit, as 8 hex digits: tells apart names that differ only in unsafe characters. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function fileSlug(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_.+-]/g, '_').replace(/^[.-]/, '_').slice(0, 64);
  return safe === name ? safe : `${safe}-${shortHash(name)}`;
}

function splitPath(path: string): { dir: string; base: string } {
  if (!path.startsWith('/')) throw new Error(`disk path is not absolute: ${path}`);
  const slash = path.lastIndexOf('/');
  return { dir: slash === 0 ? '/' : path.slice(0, slash), base: path.slice(slash + 1) };
}

function join(dir: string, file: string): string {
  return dir.endsWith('/') ? `${dir}${file}` : `${dir}/${file}`;
}

/** Overlay of an external disk snapshot: `/dir/disk.qcow2` → `/dir/disk.<slug>.qcow2`. */
export function overlayPath(diskPath: string, snapshotName: string): string {
  const { dir, base } = splitPath(diskPath);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return join(dir, `${stem}.${fileSlug(snapshotName)}.qcow2`);
}

/** Memory file of an external snapshot: beside the first disk, `<vm>.<slug>.mem`. */
export function memoryPath(diskPath: string, vmName: string, snapshotName: string): string {
  return join(splitPath(diskPath).dir, `${fileSlug(vmName)}.${fileSlug(snapshotName)}.mem`);
}

/** `snapshot` server-sent event: a snapshot of a VM was created, reverted to or deleted. */
export const SnapshotEvent = Type.Object({
  host: Type.String(),
  uuid: Type.String(),
  name: Type.String(),
  action: Type.Union([Type.Literal('created'), Type.Literal('reverted'), Type.Literal('deleted')]),
});
export type SnapshotEvent = Static<typeof SnapshotEvent>;

/** API contract for storage pools and volumes (DESIGN.md §4). */
import { Type, type Static } from 'typebox';
import { ReportedBytes } from './exact-bytes.js';
import { MAX_SIZE_BYTES } from './storage-units.js';
import { NAME_MAX, PATH_MAX } from './storage-validate.js';
import { POOL_TYPES } from './storage-pool-types.js';

const literals = <T extends string[]>(values: readonly [...T]) => Type.Enum(values);

/** Length only: the characters are checked by checkObjectName, whose messages say what is wrong. */
export const ObjectNameSchema = Type.String({ minLength: 1, maxLength: NAME_MAX });
export const AbsPathSchema = Type.String({ minLength: 1, maxLength: PATH_MAX });
const ShortText = Type.String({ minLength: 1, maxLength: 255 });
export const SizeBytesSchema = Type.Integer({ minimum: 1, maximum: MAX_SIZE_BYTES });

export const PoolTypeSchema = literals(POOL_TYPES);

export const PoolAdapterSchema = Type.Object({
  type: literals(['scsi_host', 'fc_host'] as const),
  name: Type.Optional(ShortText),
  wwnn: Type.Optional(ShortText),
  wwpn: Type.Optional(ShortText),
  parent: Type.Optional(ShortText),
}, { additionalProperties: false });

export const PoolAuthSchema = Type.Object({
  type: literals(['chap', 'ceph'] as const),
  username: ShortText,
  secretUsage: Type.Optional(ShortText),
  secretUuid: Type.Optional(ShortText),
}, { additionalProperties: false });

/** Source fields of every pool type; which ones a type needs is in POOL_TYPE_SPECS. */
export const PoolSourceSchema = Type.Object({
  host: Type.Optional(ShortText),
  port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
  dir: Type.Optional(Type.String({ minLength: 1, maxLength: PATH_MAX })),
  device: Type.Optional(Type.String({ minLength: 1, maxLength: PATH_MAX })),
  name: Type.Optional(ShortText),
  format: Type.Optional(ShortText),
  initiatorIqn: Type.Optional(ShortText),
  adapter: Type.Optional(PoolAdapterSchema),
  auth: Type.Optional(PoolAuthSchema),
}, { additionalProperties: false });
export type PoolSource = Static<typeof PoolSourceSchema>;
export type PoolAdapter = Static<typeof PoolAdapterSchema>;
export type PoolAuth = Static<typeof PoolAuthSchema>;

export const PoolCreateBodySchema = Type.Object({
  name: ObjectNameSchema,
  type: PoolTypeSchema,
  target: Type.Optional(Type.Object({ path: Type.Optional(AbsPathSchema) }, { additionalProperties: false })),
  source: Type.Optional(PoolSourceSchema),
  build: Type.Optional(Type.Boolean()),
  start: Type.Optional(Type.Boolean()),
  autostart: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type PoolCreateBody = Static<typeof PoolCreateBodySchema>;

export const PoolCreateQuerySchema = Type.Object({ dryRun: Type.Optional(literals(['0', '1', 'true', 'false'] as const)) });

export const AutostartBodySchema = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });
export const DeleteStorageBodySchema = Type.Object(
  {
    confirm: Type.String({ maxLength: NAME_MAX }),
    /** Delete even though volumes of other pools have their backing files here (they break). */
    breakDependants: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const BuildBodySchema = Type.Object({ overwrite: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const FindSourcesBodySchema = Type.Object({
  type: literals(['netfs', 'logical', 'iscsi'] as const),
  host: Type.Optional(ShortText),
  port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
}, { additionalProperties: false });
export type FindSourcesBody = Static<typeof FindSourcesBodySchema>;
export const FindSourcesResultSchema = Type.Object({ sources: Type.Array(PoolSourceSchema) });
export type FindSourcesResult = Static<typeof FindSourcesResultSchema>;

export const POOL_STATES = ['inactive', 'building', 'running', 'degraded', 'inaccessible'] as const;
export type PoolState = (typeof POOL_STATES)[number];

export const PoolSummarySchema = Type.Object({
  name: Type.String(),
  uuid: Type.String(),
  type: Type.String(),
  state: literals(POOL_STATES),
  active: Type.Boolean(),
  persistent: Type.Boolean(),
  autostart: Type.Boolean(),
  /** null: libvirt's figure is not meaningful (above 2^53, see exact-bytes.ts) */
  capacityBytes: ReportedBytes,
  allocationBytes: ReportedBytes,
  availableBytes: ReportedBytes,
  targetPath: Type.Optional(Type.String()),
  /** The pool type's libvirt driver streams volume content (upload and download). */
  volumeTransfer: Type.Boolean(),
});
export type PoolSummary = Static<typeof PoolSummarySchema>;

export const PoolDetailsSchema = Type.Object({
  ...PoolSummarySchema.properties,
  source: PoolSourceSchema,
  xml: Type.String(),
});
export type PoolDetails = Static<typeof PoolDetailsSchema>;

export const PoolListSchema = Type.Object({ pools: Type.Array(PoolSummarySchema) });
export type PoolList = Static<typeof PoolListSchema>;

export const PoolPreviewSchema = Type.Object({ xml: Type.String(), virsh: Type.Array(Type.String()) });
export type PoolPreview = Static<typeof PoolPreviewSchema>;

export const PoolCreateResultSchema = Type.Object({
  pool: PoolDetailsSchema,
  steps: Type.Array(Type.String()),
});
export type PoolCreateResult = Static<typeof PoolCreateResultSchema>;

export const VOLUME_FORMATS = ['qcow2', 'raw'] as const;
export type VolumeFormat = (typeof VOLUME_FORMATS)[number];
export const PREALLOCATIONS = ['off', 'metadata', 'full'] as const;
export type Preallocation = (typeof PREALLOCATIONS)[number];

export const VolumeCreateBodySchema = Type.Object({
  name: ObjectNameSchema,
  capacityBytes: SizeBytesSchema,
  format: literals(VOLUME_FORMATS),
  allocationBytes: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_SIZE_BYTES })),
  preallocation: Type.Optional(literals(PREALLOCATIONS)),
  backingVolume: Type.Optional(ObjectNameSchema),
}, { additionalProperties: false });
export type VolumeCreateBody = Static<typeof VolumeCreateBodySchema>;

export const VolumeResizeBodySchema = Type.Object({
  capacityBytes: SizeBytesSchema,
  allowShrink: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type VolumeResizeBody = Static<typeof VolumeResizeBodySchema>;

export const VolumeCloneBodySchema = Type.Object({ name: ObjectNameSchema }, { additionalProperties: false });
export type VolumeCloneBody = Static<typeof VolumeCloneBodySchema>;

export const VmRefSchema = Type.Object({ uuid: Type.String(), name: Type.String(), active: Type.Boolean() });
export type VmRef = Static<typeof VmRefSchema>;

/** A volume whose backing chain runs through a file (a qcow2 overlay on a base): deleting the file breaks it. */
export const BackingDependantSchema = Type.Object({ pool: Type.String(), name: Type.String(), path: Type.String(), usedBy: Type.Array(VmRefSchema) });
export type BackingDependant = Static<typeof BackingDependantSchema>;

/**
 * The VMs with a disk in a pool (GET …/pools/:pool/users), and the volumes of other pools whose
 * backing files are in it: what removing or deleting it affects.
 */
export const PoolUsersSchema = Type.Object({ users: Type.Array(VmRefSchema), dependants: Type.Array(BackingDependantSchema) });
export type PoolUsers = Static<typeof PoolUsersSchema>;

export const BackingEntrySchema = Type.Object({ path: Type.String(), format: Type.Optional(Type.String()) });
export type BackingEntry = Static<typeof BackingEntrySchema>;

export const VolumeSummarySchema = Type.Object({
  name: Type.String(),
  key: Type.String(),
  path: Type.String(),
  type: Type.String(),
  format: Type.Optional(Type.String()),
  capacityBytes: Type.Number(),
  allocationBytes: Type.Number(),
  physicalBytes: Type.Optional(Type.Number()),
  /**
   * Present when a figure is above 2^53 (JSON numbers lose precision there): its exact byte count as
   * a decimal string; the number beside it is then rounded.
   */
  exactBytes: Type.Optional(Type.Object({ capacity: Type.Optional(Type.String()), allocation: Type.Optional(Type.String()), physical: Type.Optional(Type.String()) })),
  backingPath: Type.Optional(Type.String()),
  usedBy: Type.Array(VmRefSchema),
});
export type VolumeSummary = Static<typeof VolumeSummarySchema>;

export const VolumeDetailsSchema = Type.Object({
  ...VolumeSummarySchema.properties,
  pool: Type.String(),
  compat: Type.Optional(Type.String()),
  backingChain: Type.Array(BackingEntrySchema),
  /** Volumes backed by this one (directly or further up their chains): deleting it breaks them. */
  dependants: Type.Array(BackingDependantSchema),
  xml: Type.String(),
});
export type VolumeDetails = Static<typeof VolumeDetailsSchema>;

export const VolumeListSchema = Type.Object({ volumes: Type.Array(VolumeSummarySchema) });
export type VolumeList = Static<typeof VolumeListSchema>;

export const UploadResultSchema = Type.Object({ bytes: Type.Number(), volume: VolumeDetailsSchema });
export type UploadResult = Static<typeof UploadResultSchema>;

export const PoolParamsSchema = Type.Object({ host: Type.String(), pool: Type.String() });
export const VolumeParamsSchema = Type.Object({ host: Type.String(), pool: Type.String(), vol: Type.String() });

/** The `pool` SSE event's data. */
export interface PoolEventData {
  host: string;
  id: string;
  name: string;
  event: 'defined' | 'undefined' | 'started' | 'stopped' | 'created' | 'deleted' | 'refresh' | 'changed';
}

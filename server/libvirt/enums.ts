// Named enums and flags of libvirt's public API (libvirt-domain.h, libvirt-storage.h, libvirt-network.h).

/** The lower-case enum name of a value (`running`, `shutoff`, …), or `unknown(<value>)`. */
function namer<T extends Record<string, number>>(e: T): (value: number) => string {
  const names: Record<number, string> = Object.fromEntries(Object.entries(e).map(([k, v]) => [v, k.toLowerCase()]));
  return (value) => names[value] ?? `unknown(${value})`;
}

/** virDomainState */
export const DomainState = {
  NOSTATE: 0,
  RUNNING: 1,
  BLOCKED: 2,
  PAUSED: 3,
  SHUTDOWN: 4,
  SHUTOFF: 5,
  CRASHED: 6,
  PMSUSPENDED: 7,
} as const;
export type DomainState = (typeof DomainState)[keyof typeof DomainState];
/** `running`, `shutoff`, … (lower-case enum name). */
export const domainStateName = namer(DomainState);

/** virDomainEventType (the `event` of lifecycle events) */
export const DomainEventType = {
  DEFINED: 0,
  UNDEFINED: 1,
  STARTED: 2,
  SUSPENDED: 3,
  RESUMED: 4,
  STOPPED: 5,
  SHUTDOWN: 6,
  PMSUSPENDED: 7,
  CRASHED: 8,
} as const;
export type DomainEventType = (typeof DomainEventType)[keyof typeof DomainEventType];
export const domainEventName = namer(DomainEventType);

/** The `detail` of a lifecycle event, per event type. */
export const DomainEventDetail = {
  DEFINED: { ADDED: 0, UPDATED: 1, RENAMED: 2, FROM_SNAPSHOT: 3 },
  UNDEFINED: { REMOVED: 0, RENAMED: 1 },
  STARTED: { BOOTED: 0, MIGRATED: 1, RESTORED: 2, FROM_SNAPSHOT: 3, WAKEUP: 4 },
  SUSPENDED: {
    PAUSED: 0,
    MIGRATED: 1,
    IOERROR: 2,
    WATCHDOG: 3,
    RESTORED: 4,
    FROM_SNAPSHOT: 5,
    API_ERROR: 6,
    POSTCOPY: 7,
    POSTCOPY_FAILED: 8,
  },
  RESUMED: { UNPAUSED: 0, MIGRATED: 1, FROM_SNAPSHOT: 2, POSTCOPY: 3 },
  STOPPED: { SHUTDOWN: 0, DESTROYED: 1, CRASHED: 2, MIGRATED: 3, SAVED: 4, FAILED: 5, FROM_SNAPSHOT: 6 },
  SHUTDOWN: { FINISHED: 0, GUEST: 1, HOST: 2 },
  PMSUSPENDED: { MEMORY: 0, DISK: 1 },
  CRASHED: { PANICKED: 0 },
} as const;

export function domainEventDetailName(event: number, detail: number): string {
  const key = Object.entries(DomainEventType).find(([, v]) => v === event)?.[0] as keyof typeof DomainEventDetail | undefined;
  const table: Record<string, number> | undefined = key ? DomainEventDetail[key] : undefined;
  const name = table ? Object.entries(table).find(([, v]) => v === detail)?.[0] : undefined;
  return name ? name.toLowerCase() : `unknown(${detail})`;
}

/** virDomainEventID (eventID of connectDomainEventCallbackRegisterAny) */
export const DomainEventId = {
  LIFECYCLE: 0,
  REBOOT: 1,
  RTC_CHANGE: 2,
  WATCHDOG: 3,
  IO_ERROR: 4,
  GRAPHICS: 5,
  IO_ERROR_REASON: 6,
  CONTROL_ERROR: 7,
  BLOCK_JOB: 8,
  DISK_CHANGE: 9,
  TRAY_CHANGE: 10,
  PMWAKEUP: 11,
  PMSUSPEND: 12,
  BALLOON_CHANGE: 13,
  PMSUSPEND_DISK: 14,
  DEVICE_REMOVED: 15,
  BLOCK_JOB_2: 16,
  TUNABLE: 17,
  AGENT_LIFECYCLE: 18,
  DEVICE_ADDED: 19,
} as const;

/** virNetworkEventLifecycleType */
export const NetworkEventType = { DEFINED: 0, UNDEFINED: 1, STARTED: 2, STOPPED: 3 } as const;
export type NetworkEventType = (typeof NetworkEventType)[keyof typeof NetworkEventType];
export const networkEventName = namer(NetworkEventType);

/** virStoragePoolEventLifecycleType */
export const StoragePoolEventType = {
  DEFINED: 0,
  UNDEFINED: 1,
  STARTED: 2,
  STOPPED: 3,
  CREATED: 4,
  DELETED: 5,
} as const;
export type StoragePoolEventType = (typeof StoragePoolEventType)[keyof typeof StoragePoolEventType];
export const storagePoolEventName = namer(StoragePoolEventType);

/** virStoragePoolState */
export const StoragePoolState = { INACTIVE: 0, BUILDING: 1, RUNNING: 2, DEGRADED: 3, INACCESSIBLE: 4 } as const;
export type StoragePoolState = (typeof StoragePoolState)[keyof typeof StoragePoolState];
export const storagePoolStateName = namer(StoragePoolState);

/** virStorageVolType */
export const StorageVolType = { FILE: 0, BLOCK: 1, DIR: 2, NETWORK: 3, NETDIR: 4, PLOOP: 5 } as const;

/** virDomainXMLFlags */
export const DomainXmlFlags = { SECURE: 1, INACTIVE: 2, UPDATE_CPU: 4, MIGRATABLE: 8 } as const;
/** virDomainModificationImpact (flags of set-vcpus, set-memory, device calls) */
export const DomainAffect = { CURRENT: 0, LIVE: 1, CONFIG: 2 } as const;
export const DomainVcpuFlags = { MAXIMUM: 4, GUEST: 8, HOTPLUGGABLE: 16 } as const;
export const DomainMemoryFlags = { MAXIMUM: 4 } as const;
/** virDomainDeviceModifyFlags (beyond DomainAffect) */
export const DomainDeviceModifyFlags = { FORCE: 4 } as const;
/** virDomainBlockResizeFlags */
export const DomainBlockResizeFlags = { BYTES: 1 } as const;
/** virDomainUndefineFlagsValues */
export const DomainUndefineFlags = {
  MANAGED_SAVE: 1,
  SNAPSHOTS_METADATA: 2,
  NVRAM: 4,
  KEEP_NVRAM: 8,
  CHECKPOINTS_METADATA: 16,
} as const;
/** virDomainShutdownFlagValues / virDomainRebootFlagValues */
export const DomainShutdownFlags = { DEFAULT: 0, ACPI_POWER_BTN: 1, GUEST_AGENT: 2, INITCTL: 4, SIGNAL: 8, PARAVIRT: 16 } as const;
export const DomainDestroyFlags = { DEFAULT: 0, GRACEFUL: 1 } as const;
/** virDomainConsoleFlags */
export const DomainConsoleFlags = { FORCE: 1, SAFE: 2 } as const;
/** virConnectListAllDomainsFlags */
export const ListDomainsFlags = {
  ACTIVE: 1,
  INACTIVE: 2,
  PERSISTENT: 4,
  TRANSIENT: 8,
  RUNNING: 16,
  PAUSED: 32,
  SHUTOFF: 64,
  OTHER: 128,
  MANAGEDSAVE: 256,
  NO_MANAGEDSAVE: 512,
  AUTOSTART: 1024,
  NO_AUTOSTART: 2048,
  HAS_SNAPSHOT: 4096,
  NO_SNAPSHOT: 8192,
} as const;
/** virDomainStatsTypes (stats of connectGetAllDomainStats) */
export const DomainStatsTypes = {
  STATE: 1,
  CPU_TOTAL: 2,
  BALLOON: 4,
  VCPU: 8,
  INTERFACE: 16,
  BLOCK: 32,
  PERF: 64,
  IOTHREAD: 128,
  MEMORY: 256,
  DIRTYRATE: 512,
} as const;
/** virDomainSnapshotCreateFlags */
export const SnapshotCreateFlags = {
  REDEFINE: 1,
  CURRENT: 2,
  NO_METADATA: 4,
  HALT: 8,
  DISK_ONLY: 16,
  REUSE_EXT: 32,
  QUIESCE: 64,
  ATOMIC: 128,
  LIVE: 256,
  VALIDATE: 512,
} as const;
/** virDomainSnapshotDeleteFlags */
export const SnapshotDeleteFlags = { CHILDREN: 1, METADATA_ONLY: 2, CHILDREN_ONLY: 4 } as const;
/** virDomainSnapshotRevertFlags */
export const SnapshotRevertFlags = { RUNNING: 1, PAUSED: 2, FORCE: 4, RESET_NVRAM: 8 } as const;
/** virDomainSnapshotListFlags */
export const SnapshotListFlags = {
  DESCENDANTS: 1,
  ROOTS: 1,
  METADATA: 2,
  LEAVES: 4,
  NO_LEAVES: 8,
  NO_METADATA: 16,
  INACTIVE: 32,
  ACTIVE: 64,
  DISK_ONLY: 128,
  INTERNAL: 256,
  EXTERNAL: 512,
  TOPOLOGICAL: 1024,
} as const;
/** virConnectListAllStoragePoolsFlags (the filters used here). */
export const ListStoragePoolsFlags = { INACTIVE: 1, ACTIVE: 2, PERSISTENT: 4, TRANSIENT: 8 } as const;
/** virStoragePoolBuildFlags */
export const StoragePoolBuildFlags = { NEW: 0, REPAIR: 1, RESIZE: 2, NO_OVERWRITE: 4, OVERWRITE: 8 } as const;
/** virStorageVolCreateFlags, virStorageVolDeleteFlags, virStorageVolResizeFlags */
export const StorageVolCreateFlags = { PREALLOC_METADATA: 1, REFLINK: 2, VALIDATE: 4 } as const;
export const StorageVolDeleteFlags = { NORMAL: 0, ZEROED: 1, WITH_SNAPSHOTS: 2 } as const;
export const StorageVolResizeFlags = { ALLOCATE: 1, DELTA: 2, SHRINK: 4 } as const;
/** virStorageVolUploadFlags / virStorageVolDownloadFlags */
export const StorageVolStreamFlags = { SPARSE_STREAM: 1 } as const;
/** virDomainInterfaceAddressesSource */
export const InterfaceAddressesSource = { LEASE: 0, AGENT: 1, ARP: 2 } as const;
/** virConnectGetAllDomainStatsFlags */
export const GetAllDomainStatsFlags = {
  ACTIVE: 1,
  INACTIVE: 2,
  PERSISTENT: 4,
  TRANSIENT: 8,
  RUNNING: 16,
  PAUSED: 32,
  SHUTOFF: 64,
  OTHER: 128,
  NOWAIT: 1 << 29,
  BACKING: 1 << 30,
  ENFORCE_STATS: 2 ** 31,
} as const;

import { Type, type Static } from 'typebox';
import { HostConnectionState } from './hosts.js';
import { VmStats, VmSummary } from './vms.js';

/** `host` event: a host's connection state changed (also sent to every client that connects). */
export const HostEvent = Type.Object({
  host: Type.String(),
  uri: Type.String(),
  state: HostConnectionState,
  error: Type.Optional(Type.String()),
  since: Type.String(),
});
export type HostEvent = Static<typeof HostEvent>;

/** `vm` event: a libvirt domain event, with the VM's summary after it (absent once undefined). */
export const VmEvent = Type.Object({
  host: Type.String(),
  uuid: Type.String(),
  name: Type.String(),
  /** lifecycle, reboot, device-added, device-removed, balloon-change, tray-change, tunable, managed-save-removed */
  kind: Type.String(),
  /** For lifecycle: defined, undefined, started, suspended, resumed, stopped, shutdown, pmsuspended, crashed. */
  event: Type.Optional(Type.String()),
  detail: Type.Optional(Type.String()),
  /** Device alias for device events. */
  device: Type.Optional(Type.String()),
  /** The VM after the event; absent when it no longer exists. */
  vm: Type.Optional(VmSummary),
  removed: Type.Optional(Type.Boolean()),
});
export type VmEvent = Static<typeof VmEvent>;

export const VmStatsEntry = Type.Object({ uuid: Type.String(), ...VmStats.properties });
export type VmStatsEntry = Static<typeof VmStatsEntry>;

/** `stats` event: every 2 s per host while someone listens; one entry per running VM. */
export const StatsEvent = Type.Object({
  host: Type.String(),
  at: Type.Number(),
  intervalMs: Type.Number(),
  vms: Type.Array(VmStatsEntry),
});
export type StatsEvent = Static<typeof StatsEvent>;

/** Every SSE `event:` name the server sends. */
export const EventTypes = {
  host: 'host',
  vm: 'vm',
  stats: 'stats',
  pool: 'pool',
  network: 'network',
  snapshot: 'snapshot',
  provisioning: 'provisioning',
  /** First frame of a fresh stream: the id to resume from. */
  hello: 'hello',
  /** The client missed events that cannot be replayed: refetch everything. */
  resync: 'resync',
} as const;
export type EventType = (typeof EventTypes)[keyof typeof EventTypes];

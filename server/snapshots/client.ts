import type { TypedParam } from '../libvirt/index.js';

/**
 * The part of the libvirt client that snapshots use (method names and argument structs follow
 * remote_protocol.x, see server/libvirt). Kept narrow so each use is visible at a glance.
 */
export interface DomainRef {
  name: string;
  uuid: Uint8Array;
  id: number;
}

export interface DomainSnapshotRef {
  name: string;
  dom: DomainRef;
}

export interface SnapshotClient {
  connectGetAllDomainStats(args: { doms: DomainRef[]; stats: number; flags: number }): Promise<{ retStats: Array<{ dom: DomainRef; params: TypedParam[] }> }>;
  connectGetLibVersion(): Promise<{ libVer: bigint }>;
  domainLookupByUuid(args: { uuid: Uint8Array }): Promise<{ dom: DomainRef }>;
  domainGetXmlDesc(args: { dom: DomainRef; flags: number }): Promise<{ xml: string }>;
  domainGetState(args: { dom: DomainRef; flags: number }): Promise<{ state: number; reason: number }>;
  domainSnapshotCreateXml(args: { dom: DomainRef; xmlDesc: string; flags: number }): Promise<{ snap: DomainSnapshotRef }>;
  domainListAllSnapshots(args: { dom: DomainRef; needResults: number; flags: number }): Promise<{ snapshots: DomainSnapshotRef[]; ret: number }>;
  domainSnapshotLookupByName(args: { dom: DomainRef; name: string; flags: number }): Promise<{ snap: DomainSnapshotRef }>;
  domainHasCurrentSnapshot(args: { dom: DomainRef; flags: number }): Promise<{ result: number }>;
  domainSnapshotCurrent(args: { dom: DomainRef; flags: number }): Promise<{ snap: DomainSnapshotRef }>;
  domainSnapshotGetXmlDesc(args: { snap: DomainSnapshotRef; flags: number }): Promise<{ xml: string }>;
  domainRevertToSnapshot(args: { snap: DomainSnapshotRef; flags: number }): Promise<void>;
  domainSnapshotDelete(args: { snap: DomainSnapshotRef; flags: number }): Promise<void>;
}

// virDomainSnapshotCreateFlags
export const SNAPSHOT_CREATE_DISK_ONLY = 16;
export const SNAPSHOT_CREATE_ATOMIC = 128;
// virDomainSnapshotRevertFlags
export const SNAPSHOT_REVERT_RUNNING = 1;
export const SNAPSHOT_REVERT_PAUSED = 2;
// virDomainSnapshotDeleteFlags
export const SNAPSHOT_DELETE_CHILDREN = 1;
export const SNAPSHOT_DELETE_METADATA_ONLY = 2;
// virErrorNumber
export const VIR_ERR_NO_DOMAIN_SNAPSHOT = 72;
export const VIR_ERR_CONFIG_UNSUPPORTED = 67;
export const VIR_ERR_OPERATION_UNSUPPORTED = 84;

// virDomainState
const DOMAIN_STATES = ['nostate', 'running', 'blocked', 'paused', 'shutdown', 'shutoff', 'crashed', 'pmsuspended'];

/** libvirt's name for a virDomainState, with `blocked` (waiting on I/O) counted as running. */
export function domainStateName(state: number): string {
  const name = DOMAIN_STATES[state] ?? 'nostate';
  return name === 'blocked' ? 'running' : name;
}

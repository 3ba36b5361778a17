import type { LibvirtClient } from '../libvirt/index.js';

/** The part of the libvirt client that snapshots use. Kept narrow so each use is visible at a glance. */
export type SnapshotClient = Pick<
  LibvirtClient,
  | 'connectGetAllDomainStats'
  | 'connectGetLibVersion'
  | 'domainLookupByUuid'
  | 'domainGetXmlDesc'
  | 'domainGetState'
  | 'domainSnapshotCreateXml'
  | 'domainListAllSnapshots'
  | 'domainSnapshotLookupByName'
  | 'domainHasCurrentSnapshot'
  | 'domainSnapshotCurrent'
  | 'domainSnapshotGetXmlDesc'
  | 'domainRevertToSnapshot'
  | 'domainSnapshotDelete'
>;

// virDomainSnapshotCreateFlags
export const SNAPSHOT_CREATE_DISK_ONLY = 16;
export const SNAPSHOT_CREATE_ATOMIC = 128;
// virDomainSnapshotRevertFlags
export const SNAPSHOT_REVERT_RUNNING = 1;
export const SNAPSHOT_REVERT_PAUSED = 2;
// virDomainSnapshotDeleteFlags
export const SNAPSHOT_DELETE_CHILDREN = 1;
export const SNAPSHOT_DELETE_METADATA_ONLY = 2;

// virDomainState
const DOMAIN_STATES = ['nostate', 'running', 'blocked', 'paused', 'shutdown', 'shutoff', 'crashed', 'pmsuspended'];

/** libvirt's name for a virDomainState, with `blocked` (waiting on I/O) counted as running. */
export function domainStateName(state: number): string {
  const name = DOMAIN_STATES[state] ?? 'nostate';
  return name === 'blocked' ? 'running' : name;
}

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

// virDomainState
const DOMAIN_STATES = ['nostate', 'running', 'blocked', 'paused', 'shutdown', 'shutoff', 'crashed', 'pmsuspended'];

/** libvirt's name for a virDomainState, with `blocked` (waiting on I/O) counted as running. */
export function domainStateName(state: number): string {
  const name = DOMAIN_STATES[state] ?? 'nostate';
  return name === 'blocked' ? 'running' : name;
}

import type { KindCapability, SnapshotCapabilities } from '../../common/snapshots.js';
import type { DomainDisk } from '../xml/snapshot.js';
import { defaultSnapshotName } from './names.js';

/** libvirt reverts external snapshots from 9.9.0 on. */
export const EXTERNAL_REVERT_SINCE = 9_009_000;

export interface SnapshotFacts {
  /** running, paused, shutoff … */
  vmState: string;
  disks: DomainDisk[];
  /** as connectGetLibVersion reports it: major * 1,000,000 + minor * 1,000 + micro */
  libVersion: number;
  /** The domain's type (kvm, qemu, test …); decides what a snapshot of a VM without disks can hold. */
  domainType?: string;
  now?: Date;
}

/**
 * A snapshot of a VM without writable disks: libvirt's test driver keeps every snapshot as
 * metadata (with the memory state while running) and takes one; the QEMU driver refuses one while
 * shut off ("nothing selected for snapshot") and has no disk to hold an internal memory state.
 */
function disklessProblem(domainType: string | undefined): string | null {
  if (domainType === 'test') return null;
  return 'Internal snapshots are stored inside a qcow2 disk, and this VM has no writable disk (libvirt refuses: nothing selected for snapshot).';
}

export function formatLibVersion(version: number): string {
  return `${Math.floor(version / 1_000_000)}.${Math.floor(version / 1000) % 1000}.${version % 1000}`;
}

/** Disks a snapshot covers: writable disks with media (CD-ROMs and read-only disks are skipped). */
export function snapshotDisks(disks: DomainDisk[]): DomainDisk[] {
  return disks.filter((d) => d.device === 'disk' && !d.readonly && d.source !== '');
}

export function externalRevertProblem(libVersion: number): string | null {
  if (libVersion >= EXTERNAL_REVERT_SINCE) return null;
  return `libvirt ${formatLibVersion(libVersion)} cannot revert to external snapshots (supported from libvirt 9.9.0).`;
}

export function decideCapabilities(facts: SnapshotFacts): SnapshotCapabilities {
  const disks = snapshotDisks(facts.disks);
  const live = facts.vmState === 'running' || facts.vmState === 'paused';
  const stateProblem =
    live || facts.vmState === 'shutoff' ? null : `The VM is ${facts.vmState}; snapshots need it running, paused or shut off.`;
  const internal = internalCapability(disks, live, stateProblem, facts.domainType);
  const external = externalCapability(disks, live, stateProblem, facts.libVersion);
  return {
    vmState: facts.vmState,
    libvirtVersion: formatLibVersion(facts.libVersion),
    defaultName: defaultSnapshotName(facts.now),
    defaultKind: internal.available ? 'internal' : external.available ? 'external' : null,
    disks: disks.map((d) => ({ target: d.target, source: d.source, format: d.format })),
    internal,
    external,
  };
}

function internalCapability(disks: DomainDisk[], live: boolean, stateProblem: string | null, domainType: string | undefined): KindCapability {
  const notQcow2 = disks.filter((d) => d.format !== 'qcow2');
  let reason = stateProblem;
  if (reason === null && disks.length === 0) {
    reason = disklessProblem(domainType);
  } else if (reason === null && notQcow2.length > 0) {
    reason = `Internal snapshots need every writable disk in qcow2 format; ${notQcow2
      .map((d) => `${d.target} is ${d.format || 'of unknown format'}`)
      .join(', ')}.`;
  }
  return {
    available: reason === null,
    reason,
    memory: live ? 'required' : 'impossible',
    memoryReason: live
      ? 'libvirt refuses internal disk-only snapshots of a running VM, so the memory state is always saved.'
      : 'The VM is shut off; there is no memory state to save.',
    revertible: true,
    revertReason: null,
  };
}

function externalCapability(
  disks: DomainDisk[],
  live: boolean,
  stateProblem: string | null,
  libVersion: number,
): KindCapability {
  const unsupported = disks.filter((d) => d.type !== 'file');
  let reason = stateProblem;
  if (reason === null && disks.length === 0) {
    reason = 'External snapshots create an overlay for each writable disk, and this VM has none.';
  } else if (reason === null && unsupported.length > 0) {
    reason = `virtdeck creates external overlays beside file-backed disks only; ${unsupported
      .map((d) => `${d.target} is of type ${d.type}`)
      .join(', ')}.`;
  }
  const revertReason = externalRevertProblem(libVersion);
  return {
    available: reason === null,
    reason,
    memory: live ? 'optional' : 'impossible',
    memoryReason: live ? null : 'The VM is shut off; there is no memory state to save.',
    revertible: revertReason === null,
    revertReason,
  };
}

import type { DeleteScope, Snapshot } from '../../../common/snapshots.js';

export interface ScopeChoice {
  value: DeleteScope;
  label: string;
  /** why libvirt would refuse it; the choice is disabled then */
  problem: string | null;
}

/** The scopes offered for deleting `snapshot` (children only when it has descendants). */
export function scopeChoices(snapshot: Snapshot, descendants: readonly string[]): ScopeChoice[] {
  const n = descendants.length;
  return [
    { value: 'this', label: n > 0 ? 'This snapshot only (its children move up to its parent)' : 'This snapshot', problem: snapshot.deleteProblems.this },
    ...(n > 0 ? [{ value: 'children' as const, label: `This snapshot and its ${n} descendant${n === 1 ? '' : 's'}`, problem: snapshot.deleteProblems.children }] : []),
    { value: 'metadata', label: 'Metadata only (libvirt forgets it; every file stays as it is)', problem: null },
  ];
}

/** What a delete with `scope` does, in sentences for the confirmation. */
export function deleteWarnings(snapshot: Snapshot, all: readonly Snapshot[], descendants: readonly string[], scope: DeleteScope): string[] {
  const affected = scope === 'children' ? [snapshot.name, ...descendants] : [snapshot.name];
  const affectedSnapshots = all.filter((s) => affected.includes(s.name));
  const overlays = affectedSnapshots.filter((s) => s.kind === 'external').flatMap((s) => s.disks.flatMap((d) => (d.file === undefined ? [] : [d.file])));
  const memoryFiles = affectedSnapshots.flatMap((s) => (s.memoryFile === null ? [] : [s.memoryFile]));
  const lines: string[] = [];
  if (scope === 'metadata') {
    lines.push(
      snapshot.kind === 'internal'
        ? 'Nothing on disk changes: the snapshot data stays inside the qcow2 image and keeps using space.'
        : `Nothing on disk changes: these files stay: ${[...overlays, ...memoryFiles].join(', ')}.`,
    );
    return lines;
  }
  if (scope === 'children') lines.push(`These snapshots are deleted: ${affected.map((n) => `“${n}”`).join(', ')}.`);
  if (scope === 'this' && descendants.length > 0) lines.push('Its children stay; their states keep everything they hold.');
  lines.push(`The VM can no longer be reverted to ${affected.length === 1 ? 'this snapshot' : 'these snapshots'}.`);
  if (overlays.length > 0) lines.push(`libvirt merges the external overlay files back into their backing images and removes them: ${overlays.join(', ')}.`);
  if (memoryFiles.length > 0) lines.push(`libvirt leaves the memory file behind: ${memoryFiles.join(', ')}.`);
  return lines;
}

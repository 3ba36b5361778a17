import type { Snapshot } from '../../common/snapshots.js';
import type { ParsedSnapshot } from '../xml/snapshot.js';
import { formatLibVersion } from './capabilities.js';
import { subtreeOf } from './tree.js';

export interface DeleteFacts {
  snapshot: Snapshot;
  parsed: ParsedSnapshot;
}

/**
 * What libvirt (observed on 9.0) refuses to delete, so the SPA offers only what works:
 * - an external snapshot that needs merging (it is current or has children) whose parent is
 *   internal: "deleting external snapshot that has internal snapshot as parent not supported";
 * - scope children over a subtree with external snapshots: "deletion of external children disk
 *   snapshots not supported";
 * - an internal snapshot kept in a disk image the VM no longer uses (an external snapshot moved it
 *   to an overlay): "disk image 'vda' for internal snapshot 's' is not the same as disk image
 *   currently used by VM".
 * Metadata-only deletion is always possible.
 */
export function withDeleteProblems(
  facts: DeleteFacts[],
  currentDisks: ReadonlyArray<{ target: string; source: string }>,
  libVersion: number,
): Snapshot[] {
  const snapshots = facts.map((f) => f.snapshot);
  const byName = new Map(snapshots.map((s) => [s.name, s]));
  const version = formatLibVersion(libVersion);
  const inUse = new Map(currentDisks.map((d) => [d.target, d.source]));
  const imageProblem = new Map<string, string>();
  for (const { snapshot, parsed } of facts) {
    if (snapshot.kind !== 'internal') continue;
    for (const disk of parsed.disks) {
      if (disk.snapshot !== 'internal') continue;
      const then = parsed.domainDisks.find((d) => d.target === disk.name)?.source;
      const now = inUse.get(disk.name);
      if (then !== undefined && now !== undefined && then !== now) {
        imageProblem.set(
          snapshot.name,
          `libvirt ${version} cannot delete internal snapshot ${JSON.stringify(snapshot.name)}: its data is in ${then}, but ${disk.name} now uses ${now} ("disk image is not the same as disk image currently used by VM").`,
        );
        break;
      }
    }
  }
  return snapshots.map((s) => {
    const hasChildren = snapshots.some((o) => o.parent === s.name);
    const parent = s.parent === null ? undefined : byName.get(s.parent);
    const mergeProblem =
      s.kind === 'external' && (s.current || hasChildren) && parent !== undefined && parent.kind === 'internal'
        ? `libvirt ${version} cannot merge an external snapshot whose parent is internal ("deleting external snapshot that has internal snapshot as parent not supported").`
        : null;
    const subtree = subtreeOf(snapshots, s.name);
    const externalBelow =
      hasChildren && subtree.some((n) => byName.get(n)?.kind === 'external')
        ? `libvirt ${version} cannot delete external snapshots together with their children ("deletion of external children disk snapshots not supported"); delete them one at a time, newest first.`
        : null;
    const imageBelow = subtree.map((n) => imageProblem.get(n)).find((p) => p !== undefined) ?? null;
    return {
      ...s,
      deleteProblems: {
        this: imageProblem.get(s.name) ?? mergeProblem,
        children: externalBelow ?? imageBelow ?? (hasChildren ? null : (imageProblem.get(s.name) ?? mergeProblem)),
      },
    };
  });
}

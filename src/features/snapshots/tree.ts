import type { Snapshot } from '../../../common/snapshots.js';

export interface TreeRow {
  snapshot: Snapshot;
  depth: number;
  /** box-drawing prefix like virsh snapshot-list --tree: "│  ├─ " */
  connector: string;
  parentName: string | null;
  childNames: string[];
}

function byCreation(a: Snapshot, b: Snapshot): number {
  return a.creationTime - b.creationTime || a.name.localeCompare(b.name);
}

/** Depth-first rows of the snapshot forest, siblings oldest first; unknown parents count as roots. */
export function snapshotTreeRows(snapshots: readonly Snapshot[]): TreeRow[] {
  const names = new Set(snapshots.map((s) => s.name));
  const children = new Map<string | null, Snapshot[]>();
  for (const s of snapshots) {
    const parent = s.parent !== null && names.has(s.parent) ? s.parent : null;
    const list = children.get(parent) ?? [];
    list.push(s);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort(byCreation);

  const rows: TreeRow[] = [];
  const visit = (node: Snapshot, depth: number, lines: boolean[], last: boolean, parentName: string | null): void => {
    const prefix = lines.map((open) => (open ? '│  ' : '   ')).join('');
    const kids = children.get(node.name) ?? [];
    rows.push({
      snapshot: node,
      depth,
      connector: depth === 0 ? '' : `${prefix}${last ? '└─ ' : '├─ '}`,
      parentName,
      childNames: kids.map((k) => k.name),
    });
    const nextLines = depth === 0 ? [] : [...lines, !last];
    kids.forEach((kid, i) => visit(kid, depth + 1, nextLines, i === kids.length - 1, node.name));
  };
  for (const root of children.get(null) ?? []) visit(root, 0, [], true, null);
  return rows;
}

/** Names of a snapshot's descendants (not including itself). */
export function descendantsOf(rows: readonly TreeRow[], name: string): string[] {
  const byName = new Map(rows.map((r) => [r.snapshot.name, r]));
  const result: string[] = [];
  const stack = [...(byName.get(name)?.childNames ?? [])];
  while (stack.length > 0) {
    const next = stack.shift() as string;
    result.push(next);
    stack.push(...(byName.get(next)?.childNames ?? []));
  }
  return result;
}

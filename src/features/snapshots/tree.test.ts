import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../common/snapshots.js';
import { descendantsOf, snapshotTreeRows } from './tree';

function snap(name: string, parent: string | null, creationTime: number): Snapshot {
  return {
    name,
    parent,
    creationTime,
    description: '',
    state: 'running',
    current: false,
    kind: 'internal',
    withMemory: true,
    memoryFile: null,
    disks: [],
    sizeBytes: null,
    revertible: true,
    revertProblem: null,
    deleteProblems: { this: null, children: null },
  };
}

const snaps = [snap('c', 'a', 3), snap('a', null, 1), snap('b', 'a', 2), snap('d', 'b', 4), snap('e', null, 5), snap('orphan', 'gone', 6)];

describe('snapshotTreeRows', () => {
  it('orders depth-first, oldest sibling first, with virsh-like connectors', () => {
    const rows = snapshotTreeRows(snaps);
    expect(rows.map((r) => `${r.connector}${r.snapshot.name}`)).toEqual(['a', '├─ b', '│  └─ d', '└─ c', 'e', 'orphan']);
    expect(rows.map((r) => r.depth)).toEqual([0, 1, 2, 1, 0, 0]);
    expect(rows[0]?.childNames).toEqual(['b', 'c']);
    expect(rows[2]?.parentName).toBe('b');
  });

  it('lists all descendants of a snapshot', () => {
    const rows = snapshotTreeRows(snaps);
    expect(descendantsOf(rows, 'a')).toEqual(['b', 'c', 'd']);
    expect(descendantsOf(rows, 'e')).toEqual([]);
  });
});

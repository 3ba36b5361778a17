import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../common/snapshots.js';
import { snapshotFixture } from './snapshot.test-helpers';
import { descendantsOf, snapshotTreeRows } from './tree';

const snap = (name: string, parent: string | null, creationTime: number): Snapshot => snapshotFixture(name, parent, { creationTime });

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

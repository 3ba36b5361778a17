import type { Snapshot } from '../../../common/snapshots.js';

/** An internal, revertible, deletable snapshot with memory; `over` sets what a test is about. */
export function snapshotFixture(name: string, parent: string | null, over: Partial<Snapshot> = {}): Snapshot {
  return {
    name,
    parent,
    creationTime: 0,
    current: false,
    description: '',
    state: 'running',
    kind: 'internal',
    withMemory: true,
    memoryFile: null,
    disks: [],
    sizeBytes: null,
    revertible: true,
    revertProblem: null,
    deleteProblems: { this: null, children: null },
    ...over,
  };
}

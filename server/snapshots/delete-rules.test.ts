import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../common/snapshots.js';
import type { ParsedSnapshot } from '../xml/snapshot.js';
import { withDeleteProblems } from './delete-rules.js';

function snap(name: string, parent: string | null, kind: 'internal' | 'external', current = false): Snapshot {
  return {
    name,
    parent,
    kind,
    current,
    creationTime: 0,
    description: '',
    state: 'running',
    withMemory: kind === 'internal',
    memoryFile: null,
    disks: [],
    sizeBytes: null,
    revertible: kind === 'internal',
    revertProblem: null,
    deleteProblems: { this: null, children: null },
  };
}

function parsed(s: Snapshot, image = '/img/vm.qcow2'): ParsedSnapshot {
  return {
    name: s.name,
    description: '',
    creationTime: 0,
    state: s.state,
    parent: s.parent,
    memory: { snapshot: s.kind === 'internal' ? 'internal' : 'no', file: null },
    disks: [{ name: 'vda', snapshot: s.kind }],
    domainDisks: [{ target: 'vda', device: 'disk', type: 'file', format: 'qcow2', source: image, readonly: false }],
  };
}

const problems = (list: Snapshot[], diskNow = '/img/vm.qcow2') =>
  Object.fromEntries(
    withDeleteProblems(
      list.map((s) => ({ snapshot: s, parsed: parsed(s) })),
      [{ target: 'vda', source: diskNow }],
      9_000_000,
    ).map((s) => [s.name, s.deleteProblems]),
  );

describe('withDeleteProblems', () => {
  it('internal-only trees can be deleted in every scope', () => {
    const p = problems([snap('a', null, 'internal'), snap('b', 'a', 'internal', true)]);
    expect(p).toEqual({ a: { this: null, children: null }, b: { this: null, children: null } });
  });

  it('an external snapshot that must be merged into an internal parent is refused', () => {
    const p = problems([snap('i', null, 'internal'), snap('e', 'i', 'external', true)]);
    expect(p['e']?.this).toMatch(/internal snapshot as parent not supported/);
  });

  it('an internal snapshot in an image the VM no longer uses cannot be deleted', () => {
    const p = problems([snap('i', null, 'internal'), snap('e', 'i', 'external', true)], '/img/vm.e.qcow2');
    expect(p['i']?.this).toMatch(/its data is in \/img\/vm.qcow2, but vda now uses \/img\/vm.e.qcow2/);
  });

  it('explains both refusals of an internal parent with an external child', () => {
    const p = problems([snap('i', null, 'internal'), snap('e', 'i', 'external', true)]);
    expect(p['e']?.this).toMatch(/internal snapshot as parent not supported/);
    expect(p['i']?.children).toMatch(/deletion of external children disk snapshots not supported/);
    expect(p['i']?.this).toBeNull();
  });

  it('a non-current external leaf needs no merge', () => {
    const p = problems([snap('i', null, 'internal', true), snap('e', 'i', 'external')]);
    expect(p['e']?.this).toBeNull();
  });

  it('external chains delete one at a time but not with children', () => {
    const p = problems([snap('e1', null, 'external'), snap('e2', 'e1', 'external', true)]);
    expect(p['e1']).toEqual({ this: null, children: expect.stringMatching(/one at a time/) as unknown });
    expect(p['e2']).toEqual({ this: null, children: null });
  });
});

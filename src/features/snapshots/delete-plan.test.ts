import { describe, expect, it } from 'vitest';
import { deleteWarnings, scopeChoices } from './delete-plan';
import { snapshotFixture } from './snapshot.test-helpers';

const snap = snapshotFixture;

describe('scopeChoices', () => {
  it('offers children only when there are descendants, with libvirt refusals attached', () => {
    const leaf = snap('a', null);
    expect(scopeChoices(leaf, []).map((c) => c.value)).toEqual(['this', 'metadata']);
    const parent = snap('p', null, { deleteProblems: { this: null, children: 'libvirt 9.0.0 cannot …' } });
    const choices = scopeChoices(parent, ['c1', 'c2']);
    expect(choices.map((c) => [c.value, c.problem])).toEqual([
      ['this', null],
      ['children', 'libvirt 9.0.0 cannot …'],
      ['metadata', null],
    ]);
    expect(choices[1]?.label).toBe('This snapshot and its 2 descendants');
  });
});

describe('deleteWarnings', () => {
  const ext = snap('e', 'p', { kind: 'external', withMemory: true, memoryFile: '/img/vm.e.mem', disks: [{ name: 'vda', snapshot: 'external', file: '/img/vm.e.qcow2' }] });
  const p = snap('p', null);
  const all = [p, ext];

  it('names every snapshot a children delete removes, and the files libvirt merges or leaves', () => {
    expect(deleteWarnings(p, all, ['e'], 'children')).toEqual([
      'These snapshots are deleted: “p”, “e”.',
      'The VM can no longer be reverted to these snapshots.',
      'libvirt merges the external overlay files back into their backing images and removes them: /img/vm.e.qcow2.',
      'libvirt leaves the memory file behind: /img/vm.e.mem.',
    ]);
  });

  it('says children stay when deleting only the parent', () => {
    expect(deleteWarnings(p, all, ['e'], 'this')).toEqual([
      'Its children stay; their states keep everything they hold.',
      'The VM can no longer be reverted to this snapshot.',
    ]);
  });

  it('metadata only: internal data stays in the image, external files stay', () => {
    expect(deleteWarnings(p, all, [], 'metadata')).toEqual(['Nothing on disk changes: the snapshot data stays inside the qcow2 image and keeps using space.']);
    expect(deleteWarnings(ext, all, [], 'metadata')).toEqual(['Nothing on disk changes: these files stay: /img/vm.e.qcow2, /img/vm.e.mem.']);
  });
});

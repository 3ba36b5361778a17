import { describe, expect, it } from 'vitest';
import type { ParsedSnapshot } from '../xml/snapshot.js';
import { describeSnapshot } from './describe.js';

const base: ParsedSnapshot = {
  name: 's',
  description: '',
  creationTime: 1,
  state: 'running',
  parent: null,
  memory: { snapshot: 'internal', file: null },
  disks: [{ name: 'vda', snapshot: 'internal' }],
  domainDisks: [],
};

describe('describeSnapshot', () => {
  it('internal snapshot with memory is revertible', () => {
    expect(describeSnapshot(base, true, 9_000_000)).toMatchObject({
      kind: 'internal',
      withMemory: true,
      current: true,
      revertible: true,
      revertProblem: null,
    });
  });

  it('shut-off internal snapshot has no memory', () => {
    const s = describeSnapshot({ ...base, state: 'shutoff', memory: { snapshot: 'no', file: null } }, false, 9_000_000);
    expect(s).toMatchObject({ kind: 'internal', withMemory: false });
  });

  it('external disk-only snapshot is not revertible before libvirt 9.9', () => {
    const ext: ParsedSnapshot = {
      ...base,
      state: 'disk-snapshot',
      memory: { snapshot: 'no', file: null },
      disks: [{ name: 'vda', snapshot: 'external', file: '/img/a.s.qcow2', driverType: 'qcow2' }],
    };
    const s = describeSnapshot(ext, false, 9_000_000);
    expect(s).toMatchObject({ kind: 'external', withMemory: false, revertible: false });
    expect(s.disks).toEqual([{ name: 'vda', snapshot: 'external', file: '/img/a.s.qcow2' }]);
    expect(s.revertProblem).toMatch(/9\.9\.0/);
    expect(describeSnapshot(ext, false, 9_009_000).revertible).toBe(true);
  });

  it('external snapshot with a memory file', () => {
    const s = describeSnapshot({ ...base, memory: { snapshot: 'external', file: '/img/vm.s.mem' } }, false, 9_000_000);
    expect(s).toMatchObject({ kind: 'external', withMemory: true, memoryFile: '/img/vm.s.mem' });
  });
});

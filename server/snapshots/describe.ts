import type { Snapshot } from '../../common/snapshots.js';
import type { ParsedSnapshot } from '../xml/snapshot.js';
import { externalRevertProblem } from './capabilities.js';

/** The API view of a parsed snapshot. */
export function describeSnapshot(parsed: ParsedSnapshot, current: boolean, libVersion: number, sizes: ReadonlyMap<string, number> = new Map()): Snapshot {
  const external = parsed.memory.snapshot === 'external' || parsed.disks.some((d) => d.snapshot === 'external');
  const withMemory = parsed.memory.snapshot !== 'no' && parsed.state !== 'disk-snapshot' && parsed.state !== 'shutoff';
  const revertProblem = external ? externalRevertProblem(libVersion) : null;
  const overlaySizes = parsed.disks.flatMap((d) => (d.snapshot === 'external' && d.file !== undefined && sizes.has(d.file) ? [sizes.get(d.file) ?? 0] : []));
  return {
    name: parsed.name,
    description: parsed.description,
    creationTime: parsed.creationTime,
    state: parsed.state,
    parent: parsed.parent,
    current,
    kind: external ? 'external' : 'internal',
    withMemory,
    memoryFile: parsed.memory.file,
    disks: parsed.disks.map((d) => (d.file === undefined ? { name: d.name, snapshot: d.snapshot } : { name: d.name, snapshot: d.snapshot, file: d.file })),
    sizeBytes: overlaySizes.length === 0 ? null : overlaySizes.reduce((a, b) => a + b, 0),
    revertible: revertProblem === null,
    revertProblem,
    deleteProblems: { this: null, children: null },
  };
}

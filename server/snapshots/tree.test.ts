import { describe, expect, it } from 'vitest';
import { subtreeOf } from './tree.js';

const snaps = [
  { name: 'a', parent: null },
  { name: 'b', parent: 'a' },
  { name: 'c', parent: 'b' },
  { name: 'd', parent: 'a' },
  { name: 'e', parent: null },
];

describe('subtreeOf', () => {
  it('collects a snapshot and all its descendants, parents first', () => {
    expect(subtreeOf(snaps, 'b')).toEqual(['b', 'c']);
    expect(subtreeOf(snaps, 'a')).toEqual(['a', 'b', 'd', 'c']);
  });

  it('is just the snapshot for a leaf', () => {
    expect(subtreeOf(snaps, 'e')).toEqual(['e']);
  });
});

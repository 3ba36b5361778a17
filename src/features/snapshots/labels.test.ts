import { describe, expect, it } from 'vitest';
import { kindLabel, stateLabel } from './labels';

describe('labels', () => {
  it('names kind and memory', () => {
    expect(kindLabel({ kind: 'internal', withMemory: true })).toBe('internal · with memory');
    expect(kindLabel({ kind: 'external', withMemory: false })).toBe('external · disk only');
  });

  it('says what state the VM was in', () => {
    expect(stateLabel('shutoff')).toBe('taken while shut off');
    expect(stateLabel('disk-snapshot')).toBe('disks only, VM running');
    expect(stateLabel('crashed')).toBe('taken while crashed');
  });
});

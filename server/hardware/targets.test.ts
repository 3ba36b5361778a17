import { describe, expect, it } from 'vitest';
import { freeTargetAmong, suffixOf } from './targets.js';

describe('free targets', () => {
  it('follows libvirt\'s naming: a…z, aa…', () => {
    expect([0, 25, 26, 27, 51, 52].map(suffixOf)).toEqual(['a', 'z', 'aa', 'ab', 'az', 'ba']);
  });
  it('takes the first free name of the bus', () => {
    expect(freeTargetAmong(new Set(['vda', 'vdc', 'sda']), 'virtio')).toBe('vdb');
    expect(freeTargetAmong(new Set(['vda']), 'sata')).toBe('sda');
    expect(freeTargetAmong(new Set(['hda', 'hdb']), 'ide')).toBe('hdc');
  });
});

import { describe, expect, it } from 'vitest';
import { imageSizesFromStats } from './sizes.js';

describe('imageSizesFromStats', () => {
  it('maps each image of the backing chain to its size on disk', () => {
    // as `virsh domstats --block --backing` reports an overlay over its base image
    const sizes = imageSizesFromStats({
      'block.count': 2,
      'block.0.name': 'vda',
      'block.0.path': '/img/vm.s1.qcow2',
      'block.0.backingIndex': 1,
      'block.0.allocation': 200704n,
      'block.0.physical': 196616n,
      'block.1.name': 'vda',
      'block.1.path': '/img/vm.qcow2',
      'block.1.backingIndex': 2,
      'block.1.allocation': 4456448n,
    });
    expect([...sizes]).toEqual([
      ['/img/vm.s1.qcow2', 196616],
      ['/img/vm.qcow2', 4456448],
    ]);
  });

  it('is empty without block stats', () => {
    expect(imageSizesFromStats({}).size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { poolUsersOf, type DiskUse } from './used-by.js';

const use = (name: string, active: boolean, paths: string[], poolVolumes: [string, string][] = []): DiskUse => ({
  vm: { uuid: `uuid-${name}`, name, active },
  paths: new Set(paths),
  poolVolumes: new Set(poolVolumes.map(([p, v]) => `${p}\u0000${v}`)),
});

describe('poolUsersOf', () => {
  const uses = [
    use('by-path', true, ['/srv/images/a.qcow2']),
    use('by-volume', false, [], [['images', 'b.qcow2']]),
    use('sibling-dir', false, ['/srv/images-old/c.qcow2']),
    use('other-pool', true, ['/var/lib/other/d.img'], [['other', 'd.img']]),
  ];

  it('finds VMs with a file under the target directory or a volume of the pool by name', () => {
    expect(poolUsersOf(uses, 'images', '/srv/images/').map((u) => u.name)).toEqual(['by-path', 'by-volume']);
  });

  it('without a target path, only pool+volume disks count', () => {
    expect(poolUsersOf(uses, 'images', undefined).map((u) => u.name)).toEqual(['by-volume']);
  });
});

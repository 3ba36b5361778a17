import { describe, expect, it } from 'vitest';
import { fileSlug, memoryPath, overlayPath } from './snapshots.js';

describe('fileSlug', () => {
  it('keeps safe names as they are', () => {
    expect(fileSlug('before-upgrade_1.2')).toBe('before-upgrade_1.2');
  });

  it('replaces unsafe characters and adds a hash that tells similar names apart', () => {
    const a = fileSlug('a<b');
    const b = fileSlug('a>b');
    expect(a).toMatch(/^a_b-[0-9a-f]{8}$/);
    expect(b).toMatch(/^a_b-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(fileSlug('../../etc/passwd')).not.toContain('/');
    expect(fileSlug('../../etc/passwd').startsWith('.')).toBe(false);
  });
});

describe('overlayPath', () => {
  it('puts the overlay beside the disk', () => {
    expect(overlayPath('/var/lib/virtdeck/images/vm.qcow2', 'snap1')).toBe('/var/lib/virtdeck/images/vm.snap1.qcow2');
    expect(overlayPath('/img/disk', 's')).toBe('/img/disk.s.qcow2');
  });

  it('never leaves the disk directory, whatever the name', () => {
    const p = overlayPath('/img/vm.qcow2', `../x/<a&b>"'`);
    expect(p.startsWith('/img/vm.')).toBe(true);
    expect(p.split('/')).toHaveLength(3);
  });

  it('refuses relative disk paths', () => {
    expect(() => overlayPath('vm.qcow2', 's')).toThrow(/absolute/);
  });
});

describe('memoryPath', () => {
  it('names the memory file after VM and snapshot', () => {
    expect(memoryPath('/img/vm.qcow2', 'vm', 's1')).toBe('/img/vm.s1.mem');
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { VmDetail } from '../../../common/vms.js';
import { DevicesTab } from './DevicesTab';

afterEach(cleanup);

const longPath = '/var/lib/libvirt/images/some-project/with-a-long-name/vm-disk-0001.qcow2';
const vm: VmDetail = {
  uuid: '19ad3fc4-4bcf-44c4-9464-4ce03854c41e',
  name: 'demo',
  id: -1,
  state: 'shutoff',
  autostart: false,
  persistent: true,
  managedSave: false,
  vcpus: { current: 1, max: 1 },
  memory: { currentBytes: 1, maxBytes: 1 },
  domainType: 'kvm',
  os: { type: 'hvm', bootDevices: [] },
  disks: [
    { device: 'disk', type: 'file', target: 'vda', bus: 'virtio', format: 'qcow2', sourceFile: longPath, source: { type: 'file', supported: true, path: longPath }, readonly: false, shareable: false },
    { device: 'floppy', type: 'file', target: 'fda', bus: 'fdc', readonly: false, shareable: false },
  ],
  interfaces: [],
  graphics: [],
  consoles: [],
};

describe('DevicesTab', () => {
  it('wraps cells at spaces, never inside short words, and gives long paths an ellipsis, a title and a copy button', () => {
    render(<DevicesTab host="local" vm={vm} />);
    const cells = Array.from(document.querySelectorAll('#vm-disks td'));
    expect(cells.length).toBeGreaterThan(0);
    for (const td of cells) {
      expect(td.className).not.toContain('break-all');
      expect(td.className).toContain('break-words');
    }
    expect(cells.map((c) => c.textContent)).toContain('floppy');
    expect(screen.getByTitle(longPath).className).toContain('truncate');
    expect(screen.getByRole('button', { name: `Copy ${longPath}` })).toBeDefined();
    expect(cells.map((c) => c.textContent)).toContain('empty');
  });
});

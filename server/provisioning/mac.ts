import { randomBytes } from 'node:crypto';

/** A MAC in QEMU's locally administered range, 52:54:00:xx:xx:xx (what libvirt and virt-install use). */
export function generateMac(): string {
  const tail = [...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0'));
  return ['52', '54', '00', ...tail].join(':');
}

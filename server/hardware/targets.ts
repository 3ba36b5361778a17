/** The first free target device name for a bus (vdb after vda), across the running VM and its persistent config. */
import type { VmContext } from './context.js';

const PREFIX: Record<string, string> = { virtio: 'vd', sata: 'sd', scsi: 'sd', usb: 'sd', ide: 'hd', xen: 'xvd' };

/** a, b, … z, aa, ab, … (libvirt's disk name suffixes). */
export function suffixOf(index: number): string {
  let n = index;
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

export function freeTargetAmong(used: ReadonlySet<string>, bus: string): string {
  const prefix = PREFIX[bus] ?? 'sd';
  for (let i = 0; i < 26 * 27; i++) {
    const name = prefix + suffixOf(i);
    if (!used.has(name)) return name;
  }
  throw new Error(`no free ${prefix}* target`);
}

export function freeTarget(vm: VmContext, bus: string): string {
  const used = new Set<string>();
  for (const side of [vm.live, vm.config]) for (const d of side?.def.disks ?? []) used.add(d.target);
  return freeTargetAmong(used, bus);
}

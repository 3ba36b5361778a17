/**
 * MAC addresses of new NICs (New VM, clone, attach): generated once in QEMU's locally
 * administered range and checked against libvirt's rules (unicast only) and the host's VMs.
 */
import { randomBytes } from 'node:crypto';
import type { LibvirtClient } from '../libvirt/index.js';
import { HttpError } from '../http/errors.js';
import { scanDomainNics } from './domain-scan.js';

export const MacErrorCodes = { invalid: 'BAD_REQUEST', duplicate: 'DUPLICATE_MAC' } as const;

/** MAC (lower case) → name of the VM that has it, over every domain of the host. */
export async function macsInUse(client: LibvirtClient): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const d of await scanDomainNics(client)) for (const i of d.interfaces) if (i.mac !== undefined) owners.set(i.mac.toLowerCase(), d.name);
  return owners;
}

/** A QEMU MAC (52:54:00:xx:xx:xx) that neither `used` nor `taken` holds. */
export function generateMac(used: ReadonlyMap<string, string>, taken: ReadonlySet<string> = new Set()): string {
  for (;;) {
    const tail = [...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0'));
    const mac = ['52', '54', '00', ...tail].join(':');
    if (!used.has(mac) && !taken.has(mac)) return mac;
  }
}

/** The MAC in lower case, or an error: libvirt refuses multicast addresses, and two VMs with one MAC clash on the network. */
export function checkedMac(mac: string, used: ReadonlyMap<string, string>): string {
  const lower = mac.toLowerCase();
  if ((Number.parseInt(lower.slice(0, 2), 16) & 1) === 1) throw new HttpError(400, MacErrorCodes.invalid, `MAC ${lower} is a multicast address; a NIC needs a unicast one`);
  const owner = used.get(lower);
  if (owner !== undefined) throw new HttpError(409, MacErrorCodes.duplicate, `MAC ${lower} is already used by VM "${owner}"`);
  return lower;
}

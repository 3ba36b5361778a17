/** Picks /24 subnets in 10.200.0.0–10.255.255.0 that no libvirt network and no host address or route uses. */
import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { promisify } from 'node:util';
import { QEMU_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';

const run = promisify(execFile);

async function usedThirdOctets(): Promise<Set<string>> {
  const used = new Set<string>();
  const names = (await virsh(QEMU_URI, 'net-list', '--all', '--name')).split('\n').filter((n) => n !== '');
  for (const name of names) {
    const xml = (await virshOrNull(QEMU_URI, 'net-dumpxml', name)) ?? '';
    for (const m of xml.matchAll(/address='(10\.\d+\.\d+)\.\d+'/g)) if (m[1] !== undefined) used.add(m[1]);
  }
  const routes = await run('ip', ['-4', 'route', 'show', 'table', 'all']).then((r) => r.stdout, () => '');
  const addrs = await run('ip', ['-4', 'addr']).then((r) => r.stdout, () => '');
  for (const m of `${routes}\n${addrs}`.matchAll(/\b(10\.\d+\.\d+)\.\d+/g)) if (m[1] !== undefined) used.add(m[1]);
  return used;
}

/** `count` distinct prefixes such as "10.213.47" (use as `${p}.1`/24). */
export async function freeSubnets(count: number): Promise<string[]> {
  const used = await usedThirdOctets();
  const picked: string[] = [];
  while (picked.length < count) {
    const p = `10.${randomInt(200, 254)}.${randomInt(1, 254)}`;
    if (!used.has(p) && !picked.includes(p)) picked.push(p);
  }
  return picked;
}

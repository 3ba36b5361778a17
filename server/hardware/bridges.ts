/** The host's bridge devices: the entries of /sys/class/net that have a `bridge` directory. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const SYS_NET = '/sys/class/net';

export async function listHostBridges(): Promise<string[]> {
  const names = await readdir(SYS_NET).catch(() => [] as string[]);
  const checks = await Promise.all(
    names.map(async (name) => ((await stat(join(SYS_NET, name, 'bridge')).then((s) => s.isDirectory(), () => false)) ? name : undefined)),
  );
  return checks.filter((n) => n !== undefined).sort();
}

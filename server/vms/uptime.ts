import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isLocalUri } from '../hosts/facts.js';

const QEMU_RUN_DIR = '/run/libvirt/qemu';

/**
 * When a VM on this machine's QEMU driver was started, from the pid file libvirt writes at
 * launch; undefined for other hosts and drivers or when it cannot be read. The name comes from
 * libvirt, and is still checked before it becomes part of a path.
 */
export async function localQemuStartTime(uri: string, name: string): Promise<number | undefined> {
  if (!uri.startsWith('qemu:') || !isLocalUri(uri)) return undefined;
  if (!/^[^/\0]+$/.test(name) || name === '.' || name === '..') return undefined;
  try {
    return (await stat(join(QEMU_RUN_DIR, `${name}.pid`))).mtimeMs;
  } catch {
    return undefined;
  }
}

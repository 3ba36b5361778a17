import { createHash } from 'node:crypto';
import { posix } from 'node:path';

/**
 * A file-name-safe form of a snapshot name. Names that need changing get a short hash so
 * that two names which differ only in unsafe characters never share a file.
 */
export function fileSlug(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_.+-]/g, '_').replace(/^[.-]/, '_').slice(0, 64);
  if (safe === name) return safe;
  return `${safe}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/** Overlay path for an external disk snapshot: beside the disk, named after disk and snapshot. */
export function overlayPath(diskPath: string, snapshotName: string): string {
  if (!posix.isAbsolute(diskPath)) throw new Error(`disk path is not absolute: ${diskPath}`);
  const dir = posix.dirname(diskPath);
  const base = posix.basename(diskPath);
  const ext = posix.extname(base);
  const stem = ext.length > 0 && ext.length < base.length ? base.slice(0, -ext.length) : base;
  return posix.join(dir, `${stem}.${fileSlug(snapshotName)}.qcow2`);
}

/** Memory file for an external snapshot: beside the first disk, named after VM and snapshot. */
export function memoryPath(diskPath: string, vmName: string, snapshotName: string): string {
  if (!posix.isAbsolute(diskPath)) throw new Error(`disk path is not absolute: ${diskPath}`);
  return posix.join(posix.dirname(diskPath), `${fileSlug(vmName)}.${fileSlug(snapshotName)}.mem`);
}

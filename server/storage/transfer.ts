/** Volume upload and download, streamed between HTTP and libvirt with backpressure, never buffered whole. */
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Duplex } from 'node:stream';
import { MAX_SIZE_BYTES } from '../../common/storage-units.js';
import { parseVolumeXml } from '../xml/volume.js';
import { HttpError } from '../http/errors.js';
import type { StorageClient } from './client.js';
import { conflict, invalid, StorageErrorCodes } from './errors.js';
import { lookupVolume } from './volumes.js';
import { scanDiskUses, usersOf } from './used-by.js';

async function refuseRunning(client: StorageClient, poolName: string, name: string, doing: string): Promise<{ path: string; type: string; size?: number }> {
  const { vol } = await lookupVolume(client, poolName, name);
  const v = parseVolumeXml((await client.storageVolGetXmlDesc({ vol, flags: 0 })).xml);
  const running = usersOf(await scanDiskUses(client), poolName, name, v.path || vol.key).filter((u) => u.active);
  if (running.length > 0) {
    throw conflict(StorageErrorCodes.inUse, `Cannot ${doing} volume "${name}": it is in use by running VM ${running.map((u) => `"${u.name}"`).join(', ')}`);
  }
  return { path: v.path, type: v.type, ...(v.physicalBytes !== undefined ? { size: v.physicalBytes } : {}) };
}

/** Parses a Content-Length header into the upload length, or explains why it cannot be used. */
export function uploadLength(header: string | undefined): number {
  if (header === undefined) {
    throw new HttpError(411, StorageErrorCodes.lengthRequired, 'An upload needs a Content-Length header');
  }
  if (!/^\d+$/.test(header)) throw invalid('Content-Length must be a whole number');
  const length = Number(header);
  if (length <= 0) throw invalid('An upload must contain at least one byte');
  if (length > MAX_SIZE_BYTES) throw invalid('An upload must be at most 1 PiB');
  return length;
}

/**
 * Writes `length` bytes from `source` into the volume from offset 0. Resolves with the byte count
 * once libvirt confirmed the data is stored; an aborted request aborts the libvirt stream.
 */
export async function uploadToVolume(client: StorageClient, poolName: string, name: string, source: Readable, length: number): Promise<number> {
  await refuseRunning(client, poolName, name, 'upload into');
  const { vol } = await lookupVolume(client, poolName, name);
  const target = await client.storageVolUpload({ vol, offset: 0, length, flags: 0 });
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > length) done(invalid(`The upload sent more than the announced ${length} bytes`));
      else done(null, chunk);
    },
    flush(done) {
      done(bytes === length ? null : invalid(`The upload ended after ${bytes} of ${length} bytes`));
    },
  });
  await pipeline(source, count, target);
  return bytes;
}

export interface Download {
  stream: Duplex;
  /** Bytes the stream will carry when libvirt reads a whole file; unknown for other volume types. */
  size?: number;
}

export async function downloadFromVolume(client: StorageClient, poolName: string, name: string): Promise<Download> {
  const info = await refuseRunning(client, poolName, name, 'download');
  const { vol } = await lookupVolume(client, poolName, name);
  const stream = await client.storageVolDownload({ vol, offset: 0, length: 0, flags: 0 });
  return { stream, ...(info.type === 'file' && info.size !== undefined ? { size: info.size } : {}) };
}

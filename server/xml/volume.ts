/** Storage volume XML ⇄ typed objects. */
import type { VolumeFormat } from '../../common/storage.js';
import {
  scaledBytesBeyondSafe,
  attr, child, parseRoot, scaledBytes, storageXmlBuilder, text, type XmlNode,
} from './pool-volume-util.js';

export interface VolumeXmlInput {
  name: string;
  capacityBytes: number;
  allocationBytes?: number;
  format: VolumeFormat;
  /** Backing file of a qcow2 overlay. */
  backing?: { path: string; format: string };
}

/** qcow2 volumes get compat 1.1 (libvirt 9.0 would make 0.10 otherwise). */
export function buildVolumeXml(input: VolumeXmlInput): string {
  const target: XmlNode = { format: { '@type': input.format } };
  if (input.format === 'qcow2') target['compat'] = '1.1';
  const volume: XmlNode = {
    name: input.name,
    capacity: { '@unit': 'bytes', '#text': String(input.capacityBytes) },
    allocation: { '@unit': 'bytes', '#text': String(input.allocationBytes ?? 0) },
    target,
  };
  if (input.backing) {
    volume['backingStore'] = { path: input.backing.path, format: { '@type': input.backing.format } };
  }
  return storageXmlBuilder.build({ volume }) as string;
}

export interface ParsedVolume {
  name: string;
  key?: string;
  type: string;
  capacityBytes: number;
  allocationBytes: number;
  physicalBytes?: number;
  path: string;
  format?: string;
  compat?: string;
  backing?: { path: string; format?: string };
  /** Exact decimal byte counts of the figures above 2^53 (their numbers above are then rounded). */
  exactBytes?: { capacity?: string; allocation?: string; physical?: string };
}

export function parseVolumeXml(xml: string): ParsedVolume {
  const vol = parseRoot(xml, 'volume');
  const target = child(vol, 'target');
  const out: ParsedVolume = {
    name: text(vol, 'name') ?? '',
    type: attr(vol, 'type') ?? 'file',
    capacityBytes: scaledBytes(vol, 'capacity') ?? 0,
    allocationBytes: scaledBytes(vol, 'allocation') ?? 0,
    path: text(target, 'path') ?? '',
  };
  const key = text(vol, 'key');
  if (key) out.key = key;
  const physical = scaledBytes(vol, 'physical');
  if (physical !== undefined) out.physicalBytes = physical;
  const format = attr(child(target, 'format'), 'type');
  if (format) out.format = format;
  const compat = text(target, 'compat');
  if (compat) out.compat = compat;
  const exact = Object.fromEntries(
    (['capacity', 'allocation', 'physical'] as const).flatMap((k) => {
      const v = scaledBytesBeyondSafe(vol, k);
      return v === undefined ? [] : [[k, v]];
    }),
  ) as NonNullable<ParsedVolume['exactBytes']>;
  if (Object.keys(exact).length > 0) out.exactBytes = exact;
  const backing = child(vol, 'backingStore');
  const backingPath = text(backing, 'path');
  if (backingPath) {
    out.backing = { path: backingPath };
    const bf = attr(child(backing, 'format'), 'type');
    if (bf) out.backing.format = bf;
  }
  return out;
}

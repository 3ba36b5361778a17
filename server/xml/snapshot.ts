import { createXmlBuilder, createXmlParser } from './parser.js';

export type MemorySnapshotMode = 'no' | 'internal' | 'external';
export type DiskSnapshotMode = 'no' | 'internal' | 'external' | 'manual';

export interface SnapshotDiskSpec {
  /** target device (vda) or source path, as libvirt's `<disk name=…>` */
  name: string;
  snapshot: DiskSnapshotMode;
  /** overlay file for external snapshots */
  file?: string;
  /** overlay format for external snapshots (qcow2) */
  driverType?: string;
}

export interface SnapshotSpec {
  name?: string;
  description?: string;
  memory?: { snapshot: MemorySnapshotMode; file?: string };
  disks?: SnapshotDiskSpec[];
}

export interface DomainDisk {
  target: string;
  device: string;
  /** file, block, volume, network … */
  type: string;
  /** driver type: qcow2, raw …; '' when absent */
  format: string;
  /** file path, block device, `pool/volume` or network name; '' for an empty drive */
  source: string;
  readonly: boolean;
}

export interface ParsedSnapshot {
  name: string;
  description: string;
  /** seconds since the epoch; 0 when absent */
  creationTime: number;
  /** running, paused, shutoff, disk-snapshot … */
  state: string;
  parent: string | null;
  memory: { snapshot: MemorySnapshotMode; file: string | null };
  disks: SnapshotDiskSpec[];
  /** disks of the domain as it was when the snapshot was taken */
  domainDisks: DomainDisk[];
}

type XmlNode = Record<string, unknown>;

const parser = createXmlParser({ arrayTags: ['disk'], trimValues: false });
const builder = createXmlBuilder();

export function buildSnapshotXml(spec: SnapshotSpec): string {
  const root: XmlNode = {};
  if (spec.name !== undefined) root['name'] = spec.name;
  if (spec.description !== undefined) root['description'] = spec.description;
  if (spec.memory) {
    const memory: XmlNode = { '@snapshot': spec.memory.snapshot };
    if (spec.memory.file !== undefined) memory['@file'] = spec.memory.file;
    root['memory'] = memory;
  }
  if (spec.disks && spec.disks.length > 0) {
    root['disks'] = {
      disk: spec.disks.map((disk) => {
        const node: XmlNode = { '@name': disk.name, '@snapshot': disk.snapshot };
        if (disk.snapshot === 'external') {
          if (disk.file !== undefined) node['@type'] = 'file';
          if (disk.driverType !== undefined) node['driver'] = { '@type': disk.driverType };
          if (disk.file !== undefined) node['source'] = { '@file': disk.file };
        }
        return node;
      }),
    };
  }
  return builder.build({ domainsnapshot: root }) as string;
}

export function parseSnapshotXml(xml: string): ParsedSnapshot {
  const doc = asNode(parser.parse(xml) as unknown);
  if (doc['domainsnapshot'] === undefined) throw new Error('not a <domainsnapshot> document');
  const root = asNode(doc['domainsnapshot']);
  const memoryNode = asNode(root['memory']);
  const memoryMode = attr(memoryNode, 'snapshot');
  const parentName = root['parent'] === undefined ? null : text(asNode(root['parent'])['name']);
  const creation = Number(text(root['creationTime']));
  return {
    name: text(root['name']),
    description: text(root['description']),
    creationTime: Number.isFinite(creation) ? creation : 0,
    state: text(root['state']),
    parent: parentName,
    memory: {
      snapshot: isMemoryMode(memoryMode) ? memoryMode : 'no',
      file: attr(memoryNode, 'file') || null,
    },
    disks: nodes(asNode(root['disks'])['disk']).map(parseSnapshotDisk),
    domainDisks: root['domain'] === undefined ? [] : parseDomainDisks(asNode(root['domain'])),
  };
}

/** Disks of a `<domain>` element (the parsed node, or domain XML text). */
export function parseDomainDisks(domain: XmlNode | string): DomainDisk[] {
  const node = typeof domain === 'string' ? asNode(asNode(parser.parse(domain) as unknown)['domain']) : domain;
  return nodes(asNode(node['devices'])['disk']).map((disk) => {
    const type = attr(disk, 'type') || 'file';
    const source = asNode(disk['source']);
    const pool = attr(source, 'pool');
    const sourceText =
      attr(source, 'file') ||
      attr(source, 'dev') ||
      (pool ? `${pool}/${attr(source, 'volume')}` : '') ||
      attr(source, 'name');
    return {
      target: attr(asNode(disk['target']), 'dev'),
      device: attr(disk, 'device') || 'disk',
      type,
      format: attr(asNode(disk['driver']), 'type'),
      source: sourceText,
      readonly: disk['readonly'] !== undefined,
    };
  });
}

/** The `type` of a `<domain>` (kvm, qemu, test …), from domain XML text. */
export function parseDomainType(xml: string): string {
  return attr(asNode(asNode(parser.parse(xml) as unknown)['domain']), 'type');
}

function parseSnapshotDisk(disk: XmlNode): SnapshotDiskSpec {
  const mode = attr(disk, 'snapshot');
  const result: SnapshotDiskSpec = {
    name: attr(disk, 'name'),
    snapshot: isDiskMode(mode) ? mode : 'no',
  };
  const source = asNode(disk['source']);
  const file = attr(source, 'file') || attr(source, 'dev');
  if (file) result.file = file;
  const driverType = attr(asNode(disk['driver']), 'type');
  if (driverType) result.driverType = driverType;
  return result;
}

function isMemoryMode(value: string): value is MemorySnapshotMode {
  return value === 'no' || value === 'internal' || value === 'external';
}

function isDiskMode(value: string): value is DiskSnapshotMode {
  return value === 'no' || value === 'internal' || value === 'external' || value === 'manual';
}

function asNode(value: unknown): XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : {};
}

function nodes(value: unknown): XmlNode[] {
  if (Array.isArray(value)) return value.map(asNode);
  return value === undefined ? [] : [asNode(value)];
}

function attr(node: XmlNode, name: string): string {
  const value = node[`@${name}`];
  return typeof value === 'string' ? value : '';
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const inner = (value as XmlNode)['#text'];
    return typeof inner === 'string' ? inner : '';
  }
  return '';
}

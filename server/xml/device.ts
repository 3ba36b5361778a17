/** Device XML for attach/detach/update (`virsh attach-device`), and the device facts domain.ts does not read. */
import { createXmlBuilder, createXmlParser } from './parser.js';

const builder = createXmlBuilder();
const parser = createXmlParser({ arrayPaths: ['domain.devices.disk', 'domain.devices.interface'] });

export interface DiskXmlInput {
  /** file or block */
  type: 'file' | 'block';
  device: 'disk' | 'cdrom';
  /** Absent for an empty CD-ROM drive. */
  path?: string;
  format?: string;
  cache?: string;
  target: string;
  bus: string;
  readonly: boolean;
}

export function buildDiskXml(d: DiskXmlInput): string {
  const disk = {
    '@type': d.type,
    '@device': d.device,
    driver: { '@name': 'qemu', ...(d.format === undefined ? {} : { '@type': d.format }), ...(d.cache === undefined || d.cache === 'default' ? {} : { '@cache': d.cache }) },
    ...(d.path === undefined ? {} : { source: d.type === 'block' ? { '@dev': d.path } : { '@file': d.path } }),
    target: { '@dev': d.target, '@bus': d.bus },
    // An empty element (<readonly/>) survives suppressEmptyNode as a self-closing tag.
    ...(d.readonly || d.device === 'cdrom' ? { readonly: '' } : {}),
  };
  return String(builder.build({ disk }));
}

export interface InterfaceXmlInput {
  type: string;
  /** network name or bridge device */
  source?: string;
  mac: string;
  model?: string;
  link?: 'up' | 'down';
}

export function buildInterfaceXml(i: InterfaceXmlInput): string {
  const sourceKey = i.type === 'bridge' ? '@bridge' : i.type === 'network' ? '@network' : undefined;
  const iface = {
    '@type': i.type,
    mac: { '@address': i.mac },
    ...(i.source !== undefined && sourceKey !== undefined ? { source: { [sourceKey]: i.source } } : {}),
    ...(i.model === undefined ? {} : { model: { '@type': i.model } }),
    ...(i.link === undefined ? {} : { link: { '@state': i.link } }),
  };
  return String(builder.build({ interface: iface }));
}

export interface DeviceExtras {
  /** Disk cache mode by target. */
  cache: Map<string, string>;
  /** Interface link state by lower-case MAC. */
  link: Map<string, 'up' | 'down'>;
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const attrOf = (n: unknown, name: string): string | undefined => {
  const v = isNode(n) ? n[`@${name}`] : undefined;
  return typeof v === 'string' ? v : undefined;
};

export function parseDeviceExtras(domainXml: string): DeviceExtras {
  const doc: unknown = parser.parse(domainXml);
  const devices = isNode(doc) && isNode(doc['domain']) ? doc['domain']['devices'] : undefined;
  const cache = new Map<string, string>();
  const link = new Map<string, 'up' | 'down'>();
  const list = (name: string): unknown[] => {
    const v = isNode(devices) ? devices[name] : undefined;
    return Array.isArray(v) ? v : [];
  };
  for (const disk of list('disk')) {
    const target = attrOf(isNode(disk) ? disk['target'] : undefined, 'dev');
    const mode = attrOf(isNode(disk) ? disk['driver'] : undefined, 'cache');
    if (target !== undefined && mode !== undefined) cache.set(target, mode);
  }
  for (const iface of list('interface')) {
    const mac = attrOf(isNode(iface) ? iface['mac'] : undefined, 'address');
    const state = attrOf(isNode(iface) ? iface['link'] : undefined, 'state');
    if (mac !== undefined) link.set(mac.toLowerCase(), state === 'down' ? 'down' : 'up');
  }
  return { cache, link };
}

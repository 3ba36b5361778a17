import { createXmlParser } from './parser.js';
import type { VmCharDevice, VmDisk, VmGraphics, VmInterface } from '../../common/vms.js';
import { isKnownDiskSourceType, type DiskSourceAuth, type DiskSourceHost, type VmDiskSource } from '../../common/disk-source.js';

/** What virtdeck reads from a domain's XML (`virDomainGetXMLDesc`). */
export interface DomainDefinition {
  domainType: string;
  name: string;
  uuid: string;
  title?: string;
  description?: string;
  memory: { maxBytes: number; currentBytes: number };
  vcpus: { max: number; current: number };
  os: {
    type: string;
    arch?: string;
    machine?: string;
    firmware?: string;
    loader?: string;
    kernel?: string;
    initrd?: string;
    cmdline?: string;
    bootDevices: string[];
  };
  disks: VmDisk[];
  interfaces: VmInterface[];
  graphics: VmGraphics[];
  /** Server-only facts of each entry of `graphics`, same order. Never part of an API response. */
  graphicsAccess: DomainGraphicsAccess[];
  consoles: DomainCharDevice[];
}

/** How to reach a `<graphics>` device: its first `<listen>` and its password. */
export interface DomainGraphicsAccess {
  /** `address`, `socket`, `none`, `network` */
  listenType?: string;
  listenAddress?: string;
  listenSocket?: string;
  /** The `passwd` attribute, only in XML fetched with VIR_DOMAIN_XML_SECURE. */
  passwd?: string;
}

/** A `<serial>` or `<console>` device; `alias` is in live XML only. */
export interface DomainCharDevice extends VmCharDevice {
  alias?: string;
}

/** The devices of a domain, for readers that need nothing else. */
export type DomainDevices = Pick<DomainDefinition, 'disks' | 'interfaces' | 'graphics' | 'graphicsAccess' | 'consoles'>;

export class DomainXmlError extends Error {
  override name = 'DomainXmlError';
}

const parser = createXmlParser({
  arrayPaths: ['domain.os.boot', 'domain.devices.disk', 'domain.devices.disk.source.host', 'domain.devices.interface', 'domain.devices.graphics', 'domain.devices.graphics.listen', 'domain.devices.serial', 'domain.devices.console'],
});

type Node = Record<string, unknown>;

function node(value: unknown): Node | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Node;
  // An element with neither attributes nor children (<readonly/>) parses as ''.
  if (value === '') return {};
  return undefined;
}
function nodes(value: unknown): Node[] {
  return Array.isArray(value) ? value.map(node).filter((n) => n !== undefined) : [];
}
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  const n = node(value);
  const t = n?.['#text'];
  return typeof t === 'string' && t !== '' ? t : undefined;
}
function attr(n: Node | undefined, name: string): string | undefined {
  const v = n?.[`@${name}`];
  return typeof v === 'string' ? v : undefined;
}
function child(n: Node | undefined, name: string): Node | undefined {
  return n === undefined ? undefined : node(n[name]);
}
function int(value: string | undefined): number | undefined {
  if (value === undefined || !/^-?\d+$/.test(value)) return undefined;
  return Number(value);
}
/** Only the keys whose value is defined, so optional schema fields stay absent rather than undefined. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const UNIT_BYTES: Record<string, number> = {
  b: 1,
  bytes: 1,
  kb: 1e3,
  k: 1024,
  kib: 1024,
  mb: 1e6,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  gb: 1e9,
  g: 1024 ** 3,
  gib: 1024 ** 3,
  tb: 1e12,
  t: 1024 ** 4,
  tib: 1024 ** 4,
};

/** A libvirt scaled integer (<memory unit='KiB'>131072</memory>) in bytes; KiB when no unit is given. */
export function scaledBytes(value: unknown): number | undefined {
  const amount = text(value);
  if (amount === undefined || !/^\d+$/.test(amount)) return undefined;
  const unit = attr(node(value), 'unit');
  const factor = unit === undefined ? 1024 : (UNIT_BYTES[unit] ?? UNIT_BYTES[unit.toLowerCase()]);
  if (factor === undefined) return undefined;
  return Number(amount) * factor;
}

/** `0x0000`, `0x01` … as the fixed-width hex of a PCI address (dddd:bb:ss.f). */
function pciAddress(a: Node | undefined): string | undefined {
  const part = (name: string, width: number): string | undefined => {
    const v = attr(a, name);
    if (v === undefined || !/^(0x)?[0-9a-fA-F]+$/.test(v)) return undefined;
    return Number.parseInt(v.replace(/^0x/, ''), 16).toString(16).padStart(width, '0');
  };
  const [domain, bus, slot, fn] = [part('domain', 4), part('bus', 2), part('slot', 2), part('function', 1)];
  if (bus === undefined || slot === undefined) return undefined;
  return `${domain ?? '0000'}:${bus}:${slot}.${fn ?? '0'}`;
}

function parseAuth(auth: Node | undefined): DiskSourceAuth | undefined {
  const username = attr(auth, 'username');
  if (username === undefined) return undefined;
  const secret = child(auth, 'secret');
  return defined({ username, secretType: attr(secret, 'type'), secretUsage: attr(secret, 'usage'), secretUuid: attr(secret, 'uuid') });
}

function parseHost(h: Node): DiskSourceHost {
  return defined({ name: attr(h, 'name'), port: attr(h, 'port'), transport: attr(h, 'transport'), socket: attr(h, 'socket') });
}

/**
 * The `<source>` of a disk of any type libvirt documents; undefined for a drive without one (an empty
 * CD-ROM). A type virtdeck does not know is reported as unsupported, never dropped.
 */
export function parseDiskSource(d: Node): VmDiskSource | undefined {
  const type = attr(d, 'type') ?? 'file';
  if (!isKnownDiskSourceType(type)) return { type, supported: false };
  const source = child(d, 'source');
  if (source === undefined) return undefined;
  const base = { type, supported: true, startupPolicy: attr(source, 'startupPolicy') };
  const withPath = (path: string | undefined): VmDiskSource | undefined => (path === undefined ? undefined : defined({ ...base, path }));
  switch (type) {
    case 'file':
      return withPath(attr(source, 'file'));
    case 'block':
      return withPath(attr(source, 'dev'));
    case 'dir':
      return withPath(attr(source, 'dir'));
    case 'network':
      return defined({
        ...base,
        protocol: attr(source, 'protocol'),
        name: attr(source, 'name'),
        query: attr(source, 'query'),
        tls: attr(source, 'tls'),
        hosts: nodes(source['host']).map(parseHost),
        // libvirt writes <auth> inside <source> since 3.9 and still reads it beside <source>.
        auth: parseAuth(child(source, 'auth') ?? child(d, 'auth')),
        snapshot: attr(child(source, 'snapshot'), 'name'),
        configFile: attr(child(source, 'config'), 'file'),
        initiatorIqn: attr(child(child(source, 'initiator'), 'iqn'), 'name'),
      });
    case 'volume':
      return defined({ ...base, pool: attr(source, 'pool'), volume: attr(source, 'volume'), mode: attr(source, 'mode') });
    case 'nvme':
      return defined({ ...base, pciAddress: pciAddress(child(source, 'address')), namespace: attr(source, 'namespace'), managed: attr(source, 'managed') });
    case 'vhostuser':
      return defined({ ...base, path: attr(source, 'path'), socketMode: attr(source, 'mode') });
  }
}

function parseDisk(d: Node): VmDisk {
  const source = child(d, 'source');
  const target = child(d, 'target');
  const driver = child(d, 'driver');
  return defined({
    device: attr(d, 'device') ?? 'disk',
    type: attr(d, 'type') ?? 'file',
    target: attr(target, 'dev') ?? '',
    bus: attr(target, 'bus'),
    format: attr(driver, 'type'),
    sourceFile: attr(source, 'file'),
    sourcePool: attr(source, 'pool'),
    sourceVolume: attr(source, 'volume'),
    sourceDev: attr(source, 'dev'),
    sourceProtocol: attr(source, 'protocol'),
    sourceName: attr(source, 'name'),
    source: parseDiskSource(d),
    readonly: d['readonly'] !== undefined,
    shareable: d['shareable'] !== undefined,
    bootOrder: int(attr(child(d, 'boot'), 'order')),
  });
}

function parseInterface(i: Node): VmInterface {
  const source = child(i, 'source');
  return defined({
    type: attr(i, 'type') ?? '',
    mac: attr(child(i, 'mac'), 'address'),
    sourceNetwork: attr(source, 'network'),
    sourceBridge: attr(source, 'bridge'),
    sourceDev: attr(source, 'dev'),
    model: attr(child(i, 'model'), 'type'),
    targetDev: attr(child(i, 'target'), 'dev'),
    bootOrder: int(attr(child(i, 'boot'), 'order')),
  });
}

function parseGraphics(g: Node): VmGraphics {
  const listenNode = nodes(g['listen'])[0];
  const port = int(attr(g, 'port'));
  return defined({
    type: attr(g, 'type') ?? '',
    listen: attr(g, 'listen') ?? attr(listenNode, 'address'),
    port: port !== undefined && port > 0 ? port : undefined,
    autoport: attr(g, 'autoport') === 'yes',
    socket: attr(g, 'socket') ?? attr(listenNode, 'socket'),
  });
}

function parseGraphicsAccess(g: Node): DomainGraphicsAccess {
  const listenNode = nodes(g['listen'])[0];
  return defined({
    listenType: attr(listenNode, 'type'),
    listenAddress: attr(listenNode, 'address'),
    listenSocket: attr(listenNode, 'socket'),
    passwd: attr(g, 'passwd'),
  });
}

/** The API view of a serial or console device (without the alias). */
export function toVmCharDevice({ alias: _alias, ...device }: DomainCharDevice): VmCharDevice {
  return device;
}

function parseCharDevice(kind: string, c: Node): DomainCharDevice {
  const target = child(c, 'target');
  return defined({
    kind,
    alias: attr(child(c, 'alias'), 'name'),
    type: attr(c, 'type') ?? '',
    targetType: attr(target, 'type'),
    port: int(attr(target, 'port')),
    sourcePath: attr(child(c, 'source'), 'path') ?? attr(c, 'tty'),
    logFile: attr(child(c, 'log'), 'file'),
  });
}

function firmwareOf(os: Node | undefined): string | undefined {
  const explicit = attr(os, 'firmware');
  if (explicit !== undefined) return explicit;
  const loader = child(os, 'loader');
  if (loader === undefined) return undefined;
  return attr(loader, 'type') === 'pflash' ? 'efi' : 'bios';
}

function parseDevices(devices: Node | undefined): DomainDevices {
  return {
    disks: nodes(devices?.['disk']).map(parseDisk),
    interfaces: nodes(devices?.['interface']).map(parseInterface),
    graphics: nodes(devices?.['graphics']).map(parseGraphics),
    graphicsAccess: nodes(devices?.['graphics']).map(parseGraphicsAccess),
    consoles: [
      ...nodes(devices?.['serial']).map((c) => parseCharDevice('serial', c)),
      ...nodes(devices?.['console']).map((c) => parseCharDevice('console', c)),
    ],
  };
}

function domainNode(xml: string): Node | undefined {
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (err) {
    throw new DomainXmlError(`domain XML does not parse: ${err instanceof Error ? err.message : String(err)}`);
  }
  return node(node(doc)?.['domain']);
}

/** The devices of a domain's XML; unlike parseDomainXml it needs no `<name>`/`<uuid>` (empty lists without `<domain>`). */
export function parseDomainDevices(xml: string): DomainDevices {
  return parseDevices(child(domainNode(xml), 'devices'));
}

export function parseDomainXml(xml: string): DomainDefinition {
  const domain = domainNode(xml);
  const name = text(domain?.['name']);
  const uuid = text(domain?.['uuid']);
  if (domain === undefined || name === undefined || uuid === undefined) {
    throw new DomainXmlError('domain XML lacks <domain>, <name> or <uuid>');
  }
  const os = child(domain, 'os');
  const osTypeNode = os?.['type'];
  const vcpu = domain['vcpu'];
  const maxVcpus = int(text(vcpu)) ?? 1;
  const maxBytes = scaledBytes(domain['memory']) ?? 0;
  const devices = child(domain, 'devices');
  const title = text(domain['title']);
  const description = text(domain['description']);

  return {
    domainType: attr(domain, 'type') ?? '',
    name,
    uuid,
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    memory: { maxBytes, currentBytes: scaledBytes(domain['currentMemory']) ?? maxBytes },
    vcpus: { max: maxVcpus, current: int(attr(node(vcpu), 'current')) ?? maxVcpus },
    os: {
      type: text(osTypeNode) ?? '',
      ...defined({
        arch: attr(node(osTypeNode), 'arch'),
        machine: attr(node(osTypeNode), 'machine'),
        firmware: firmwareOf(os),
        loader: text(os?.['loader']),
        kernel: text(os?.['kernel']),
        initrd: text(os?.['initrd']),
        cmdline: text(os?.['cmdline']),
      }),
      bootDevices: nodes(os?.['boot']).map((b) => attr(b, 'dev')).filter((d) => d !== undefined),
    },
    ...parseDevices(devices),
  };
}

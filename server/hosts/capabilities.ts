import { createXmlParser } from '../xml/parser.js';

/** What virtdeck needs from `virConnectGetCapabilities` (the host and guest sections). */
export interface HostCapabilities {
  arch: string | undefined;
  cpuModel: string | undefined;
  cpuVendor: string | undefined;
  cpuFeatures: string[];
  numaCells: number;
  /** Per guest architecture, the domain types libvirt can start (`qemu`, `kvm`, `test` …). */
  guests: CapabilitiesGuest[];
}

export interface CapabilitiesGuest {
  osType: string;
  arch: string;
  domainTypes: string[];
  emulator?: string;
  /** Machine types in libvirt's order (the first is the default). */
  machines: string[];
}

/** What virtdeck needs from `virConnectGetDomainCapabilities`. */
export interface DomainCapsFacts {
  emulator?: string;
  machine?: string;
  arch?: string;
  maxVcpus?: number;
  firmware: ('bios' | 'efi')[];
}

// Both documents go through one parser; their root elements differ, so the paths do not collide.
const parser = createXmlParser({
  arrayPaths: [
    'capabilities.host.cpu.feature',
    'capabilities.host.topology.cells.cell',
    'capabilities.guest',
    'capabilities.guest.arch.domain',
    'capabilities.guest.arch.machine',
    'domainCapabilities.machine',
    'domainCapabilities.os.enum',
    'domainCapabilities.os.enum.value',
  ],
});

type Node = Record<string, unknown>;

function obj(value: unknown): Node | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : undefined;
}
function list(value: unknown): Node[] {
  return Array.isArray(value) ? value.map(obj).filter((v) => v !== undefined) : [];
}
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  const o = obj(value);
  if (o !== undefined && typeof o['#text'] === 'string') return o['#text'].trim();
  return undefined;
}
/** Text of an element, undefined when empty or absent. */
function nonEmpty(value: unknown): string | undefined {
  const t = text(value);
  return t === '' ? undefined : t;
}
function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.map(nonEmpty).filter((t) => t !== undefined) : [];
}
function attr(node: Node | undefined, name: string): string | undefined {
  const v = node?.[`@${name}`];
  return typeof v === 'string' ? v : undefined;
}

export function parseCapabilities(xml: string): HostCapabilities {
  const doc = obj(parser.parse(xml));
  const caps = obj(doc?.['capabilities']);
  const host = obj(caps?.['host']);
  const cpu = obj(host?.['cpu']);
  const cells = obj(obj(host?.['topology'])?.['cells']);
  const guests = list(caps?.['guest']).map((g) => {
    const arch = obj(g['arch']);
    const emulator = nonEmpty(arch?.['emulator']);
    return {
      osType: text(g['os_type']) ?? '',
      arch: attr(arch, 'name') ?? '',
      domainTypes: list(arch?.['domain']).map((d) => attr(d, 'type')).filter((t) => t !== undefined),
      ...(emulator === undefined ? {} : { emulator }),
      machines: texts(arch?.['machine']),
    };
  });
  return {
    arch: text(cpu?.['arch']),
    cpuModel: text(cpu?.['model']),
    cpuVendor: text(cpu?.['vendor']),
    cpuFeatures: list(cpu?.['feature']).map((f) => attr(f, 'name')).filter((n) => n !== undefined),
    numaCells: Number(attr(cells, 'num') ?? list(cells?.['cell']).length) || 0,
    guests,
  };
}

/** The hvm guest offering a domain type, for the given arch when there is one. */
export function hvmGuestFor(caps: HostCapabilities, arch: string, domainType: string): CapabilitiesGuest | undefined {
  const offers = caps.guests.filter((g) => g.osType === 'hvm' && g.domainTypes.includes(domainType));
  return offers.find((g) => g.arch === arch) ?? offers[0];
}

export function parseDomainCapabilities(xml: string): DomainCapsFacts {
  const caps = obj(obj(parser.parse(xml))?.['domainCapabilities']);
  const enums = list(obj(caps?.['os'])?.['enum']);
  const fwValues = texts(enums.find((e) => attr(e, 'name') === 'firmware')?.['value']);
  const firmware: ('bios' | 'efi')[] = ['bios'];
  // A firmware enum listing efi means libvirt found an OVMF descriptor it can auto-select.
  if (fwValues.includes('efi')) firmware.push('efi');
  const out: DomainCapsFacts = { firmware };
  const emulator = nonEmpty(caps?.['path']);
  const machine = texts(caps?.['machine'])[0];
  const arch = nonEmpty(caps?.['arch']);
  const max = Number(attr(obj(caps?.['vcpu']), 'max'));
  if (emulator !== undefined) out.emulator = emulator;
  if (machine !== undefined) out.machine = machine;
  if (arch !== undefined) out.arch = arch;
  if (Number.isInteger(max) && max > 0) out.maxVcpus = max;
  return out;
}

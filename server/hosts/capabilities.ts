import { XMLParser } from 'fast-xml-parser';

/** What virtdeck needs from `virConnectGetCapabilities` (the host and guest sections). */
export interface HostCapabilities {
  arch: string | undefined;
  cpuModel: string | undefined;
  cpuVendor: string | undefined;
  cpuFeatures: string[];
  numaCells: number;
  /** Per guest architecture, the domain types libvirt can start (`qemu`, `kvm`, `test` …). */
  guests: { osType: string; arch: string; domainTypes: string[] }[];
}

const ARRAYS = new Set(['capabilities.host.cpu.feature', 'capabilities.guest', 'capabilities.guest.arch.domain', 'capabilities.host.topology.cells.cell']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
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
    return {
      osType: text(g['os_type']) ?? '',
      arch: attr(arch, 'name') ?? '',
      domainTypes: list(arch?.['domain']).map((d) => attr(d, 'type')).filter((t) => t !== undefined),
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

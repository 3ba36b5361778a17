/**
 * What a new guest on a host is made of, read from libvirt: domain type (`kvm` only when usable,
 * else `qemu`, else whatever the driver offers), emulator, machine, arch and firmware from the
 * domain capabilities (the guest section of the capabilities when a driver has none).
 */
import { XMLParser } from 'fast-xml-parser';
import type { LibvirtClient } from '../libvirt/index.js';
import { readHostFacts } from '../hosts/facts.js';

export interface HostPlatform {
  domainType: string;
  arch: string;
  emulator?: string;
  machine?: string;
  /** `bios` always; `efi` only when the domain capabilities list it. */
  firmware: ('bios' | 'efi')[];
  maxVcpus: number;
  hostCpus: number;
  hostMemoryBytes: number;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['enum', 'value', 'guest', 'machine', 'domain'].includes(name),
});

type Node = Record<string, unknown>;
const obj = (v: unknown): Node | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : undefined);
const arr = (v: unknown): Node[] => (Array.isArray(v) ? v.map(obj).filter((n) => n !== undefined) : []);
const str = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v === '' ? undefined : v;
  const t = obj(v)?.['#text'];
  return typeof t === 'string' && t !== '' ? t : undefined;
};
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((s) => s !== undefined) : []);

export interface DomainCapsFacts {
  emulator?: string;
  machine?: string;
  arch?: string;
  maxVcpus?: number;
  firmware: ('bios' | 'efi')[];
}

export function parseDomainCapabilities(xml: string): DomainCapsFacts {
  const caps = obj(obj(parser.parse(xml))?.['domainCapabilities']);
  const os = obj(caps?.['os']);
  const enums = arr(os?.['enum']);
  const fwValues = strs(enums.find((e) => e['@name'] === 'firmware')?.['value']);
  const firmware: ('bios' | 'efi')[] = ['bios'];
  // A firmware enum listing efi means libvirt found an OVMF descriptor it can auto-select.
  if (fwValues.includes('efi')) firmware.push('efi');
  const out: DomainCapsFacts = { firmware };
  const emulator = str(caps?.['path']);
  const machine = strs(caps?.['machine'])[0];
  const arch = str(caps?.['arch']);
  const max = Number(obj(caps?.['vcpu'])?.['@max']);
  if (emulator !== undefined) out.emulator = emulator;
  if (machine !== undefined) out.machine = machine;
  if (arch !== undefined) out.arch = arch;
  if (Number.isInteger(max) && max > 0) out.maxVcpus = max;
  return out;
}

/** Emulator and default machine of the capabilities' guest section, for drivers without domain capabilities. */
export function guestFromCapabilities(xml: string, arch: string, domainType: string): { emulator?: string; machine?: string; arch: string } | undefined {
  const caps = obj(obj(parser.parse(xml))?.['capabilities']);
  const guests = arr(caps?.['guest']).filter((g) => str(g['os_type']) === 'hvm');
  const offers = (g: Node): boolean => arr(obj(g['arch'])?.['domain']).some((d) => d['@type'] === domainType);
  const guest = guests.find((g) => obj(g['arch'])?.['@name'] === arch && offers(g)) ?? guests.find(offers);
  const a = obj(guest?.['arch']);
  if (a === undefined) return undefined;
  const out: { emulator?: string; machine?: string; arch: string } = { arch: String(a['@name']) };
  const emulator = str(a['emulator']);
  const machine = strs(a['machine'])[0];
  if (emulator !== undefined) out.emulator = emulator;
  if (machine !== undefined) out.machine = machine;
  return out;
}

export async function readPlatform(hostId: string, uri: string, client: LibvirtClient): Promise<HostPlatform> {
  const facts = await readHostFacts(hostId, uri, client);
  const types = facts.domainTypes;
  const domainType = facts.kvm.usable ? 'kvm' : types.includes('qemu') ? 'qemu' : (types[0] ?? 'qemu');
  const base = { domainType, hostCpus: facts.cpu.count, hostMemoryBytes: facts.memoryBytes };
  try {
    const { capabilities } = await client.connectGetDomainCapabilities({ emulatorbin: null, arch: facts.cpu.arch || null, machine: null, virttype: domainType, flags: 0 });
    const dc = parseDomainCapabilities(capabilities);
    return {
      ...base,
      arch: dc.arch ?? facts.cpu.arch,
      ...(dc.emulator === undefined ? {} : { emulator: dc.emulator }),
      ...(dc.machine === undefined ? {} : { machine: dc.machine }),
      firmware: dc.firmware,
      maxVcpus: dc.maxVcpus ?? facts.cpu.count,
    };
  } catch {
    const { capabilities } = await client.connectGetCapabilities();
    const guest = guestFromCapabilities(capabilities, facts.cpu.arch, domainType);
    return {
      ...base,
      arch: guest?.arch ?? facts.cpu.arch,
      ...(guest?.emulator === undefined ? {} : { emulator: guest.emulator }),
      ...(guest?.machine === undefined ? {} : { machine: guest.machine }),
      firmware: ['bios'],
      maxVcpus: facts.cpu.count,
    };
  }
}

const TTL_MS = 60_000;

/** Platforms per host, read again after a minute (capabilities change only with the host's software). */
export class PlatformCache {
  private readonly entries = new Map<string, { at: number; value: Promise<HostPlatform> }>();

  get(hostId: string, uri: string, client: LibvirtClient): Promise<HostPlatform> {
    const hit = this.entries.get(hostId);
    if (hit !== undefined && Date.now() - hit.at < TTL_MS) return hit.value;
    const value = readPlatform(hostId, uri, client);
    this.entries.set(hostId, { at: Date.now(), value });
    value.catch(() => this.entries.delete(hostId));
    return value;
  }
}

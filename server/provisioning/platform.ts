/**
 * What a new guest on a host is made of, read from libvirt: domain type (`kvm` only when usable,
 * else `qemu`, else whatever the driver offers), emulator, machine, arch and firmware from the
 * domain capabilities (the guest section of the capabilities when a driver has none).
 */
import type { LibvirtClient } from '../libvirt/index.js';
import { hvmGuestFor, parseCapabilities, parseDomainCapabilities } from '../hosts/capabilities.js';
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

/** Emulator and default machine of the capabilities' guest section, for drivers without domain capabilities. */
export function guestFromCapabilities(xml: string, arch: string, domainType: string): { emulator?: string; machine?: string; arch: string } | undefined {
  const guest = hvmGuestFor(parseCapabilities(xml), arch, domainType);
  if (guest === undefined) return undefined;
  const out: { emulator?: string; machine?: string; arch: string } = { arch: guest.arch };
  const machine = guest.machines[0];
  if (guest.emulator !== undefined) out.emulator = guest.emulator;
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

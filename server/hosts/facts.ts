import { readFile } from 'node:fs/promises';
import { messageOf } from '../http/errors.js';
import { isInsecureTransport, parseLibvirtUri, type LibvirtClient } from '../libvirt/index.js';
import type { HostFacts } from '../../common/hosts.js';
import { parseCapabilities, parseDomainCapabilities } from './capabilities.js';
import { cpuinfoFlags, decideKvm, type KvmInputs } from './kvm.js';

/** libvirt encodes versions as major * 1,000,000 + minor * 1,000 + micro. */
export function formatLibvirtVersion(encoded: bigint | number): string {
  const v = Number(encoded);
  return `${Math.floor(v / 1_000_000)}.${Math.floor((v % 1_000_000) / 1000)}.${v % 1000}`;
}

/** A URI without a host part (qemu:///system, test:///default) talks to this machine's daemon. */
export function isLocalUri(uri: string): boolean {
  return /^[a-z0-9+]+:\/\/\//i.test(uri);
}

async function readCpuinfoFlags(): Promise<string[] | undefined> {
  try {
    return cpuinfoFlags(await readFile('/proc/cpuinfo', 'utf8'));
  } catch {
    return undefined;
  }
}

export async function readHostFacts(id: string, uri: string, client: LibvirtClient): Promise<HostFacts> {
  const [{ hostname }, { libVer }, { hvVer }, { type }, node, { capabilities }] = await Promise.all([
    client.connectGetHostname(),
    client.connectGetLibVersion(),
    client.connectGetVersion(),
    client.connectGetType(),
    client.nodeGetInfo(),
    client.connectGetCapabilities(),
  ]);
  const caps = parseCapabilities(capabilities);
  const arch = caps.arch ?? '';
  const offersKvm = caps.guests.some((g) => g.arch === arch && g.domainTypes.includes('kvm'));

  let domainCaps: KvmInputs['domainCaps'];
  if (offersKvm) {
    try {
      const { capabilities: xml } = await client.connectGetDomainCapabilities({
        emulatorbin: null,
        arch: arch || null,
        machine: null,
        virttype: 'kvm',
        flags: 0,
      });
      domainCaps = { ok: true, emulator: parseDomainCapabilities(xml).emulator };
    } catch (err) {
      domainCaps = { ok: false, message: messageOf(err) };
    }
  }
  const kvm = decideKvm({ caps, domainCaps, cpuinfoFlags: isLocalUri(uri) && type === 'QEMU' ? await readCpuinfoFlags() : undefined });

  const target = parseLibvirtUri(uri);
  return {
    id,
    uri,
    transport: target.transport,
    insecure: isInsecureTransport(target),
    hostname,
    libvirtVersion: formatLibvirtVersion(libVer),
    hypervisor: { type, version: formatLibvirtVersion(hvVer) },
    cpu: {
      model: node.model,
      ...(caps.cpuModel === undefined ? {} : { name: caps.cpuModel }),
      arch: arch || node.model,
      count: node.cpus,
      mhz: node.mhz,
      sockets: node.sockets,
      cores: node.cores,
      threads: node.threads,
    },
    memoryBytes: Number(node.memory) * 1024,
    numaNodes: caps.numaCells || node.nodes,
    domainTypes: [...new Set(caps.guests.filter((g) => g.arch === arch).flatMap((g) => g.domainTypes))],
    kvm,
  };
}

/** The `virt-install` command line equivalent to a create request (shown on the review step). */
import { shellQuote } from '../../common/shell.js';
import type { DomainSpec } from '../xml/domain-build.js';

/** virt-install's sub-option values are comma-separated: a value with a comma cannot be written. */
function opt(value: string): string {
  return value.replace(/,/g, ',,');
}

/**
 * virt-install reads `size=` as a float number of GiB and creates int(size × 2^30) bytes. A byte
 * count below 2^53 divided by 2^30 is exact in binary floating point, and its shortest decimal
 * parses back to that same value: the line creates exactly the bytes the API will (64 MiB → 0.0625).
 */
export function exactGiB(bytes: number): string {
  return String(bytes / 1024 ** 3);
}

export interface VirtInstallInput {
  uri: string;
  spec: DomainSpec;
  osShortId?: string;
  /** The volume created for the VM, when one is. */
  newVolume?: { pool: string; name: string; sizeBytes: number; format: string };
  start: boolean;
}

export function virtInstallArgs({ uri, spec, osShortId, newVolume, start }: VirtInstallInput): string[] {
  const args = ['virt-install', '--connect', uri, '--name', spec.name, '--memory', String(Math.round(spec.memoryBytes / 1024 ** 2)), '--vcpus', String(spec.vcpus)];
  args.push('--virt-type', spec.platform.domainType, '--arch', spec.platform.arch);
  if (spec.platform.machine !== undefined) args.push('--machine', spec.platform.machine);
  args.push('--osinfo', osShortId ?? 'detect=on,require=off');
  if (spec.firmware === 'efi') args.push('--boot', 'uefi');
  const boot = spec.boot;
  if (boot.kind === 'kernel') {
    const parts = [`kernel=${opt(boot.kernel)}`];
    if (boot.initrd !== undefined) parts.push(`initrd=${opt(boot.initrd)}`);
    if (boot.cmdline !== undefined && boot.cmdline !== '') parts.push(`kernel_args=${opt(boot.cmdline)}`);
    args.push('--boot', parts.join(','));
  } else if (boot.order[0] === 'network') {
    args.push('--pxe');
  } else if (boot.order[0] !== 'cdrom') {
    args.push('--import');
  }
  for (const d of spec.disks) {
    const src = 'file' in d.source ? d.source.file : 'block' in d.source ? d.source.block : `${d.source.pool}/${d.source.volume}`;
    if (d.device === 'cdrom') {
      args.push('--cdrom', src);
      continue;
    }
    const isNew = newVolume !== undefined && 'file' in d.source && d.source.file.endsWith(`/${newVolume.name}`);
    if (isNew) {
      args.push('--disk', `pool=${opt(newVolume.pool)},size=${exactGiB(newVolume.sizeBytes)},format=${newVolume.format},bus=${d.bus}`);
    } else {
      args.push('--disk', `path=${opt(src)},bus=${d.bus}${d.format === undefined ? '' : `,format=${d.format}`}`);
    }
  }
  if (!spec.disks.some((d) => d.device === 'disk')) args.push('--disk', 'none');
  if (spec.interfaces.length === 0) args.push('--network', 'none');
  for (const i of spec.interfaces) args.push('--network', `${i.type}=${opt(i.source)},model=${i.model},mac=${i.mac}`);
  args.push('--graphics', spec.graphics === 'vnc' ? 'vnc,listen=127.0.0.1' : 'none');
  args.push('--serial', spec.serialLogFile === undefined ? 'pty' : `pty,log.file=${opt(spec.serialLogFile)}`);
  args.push('--noautoconsole');
  if (!start) args.push('--print-xml');
  return args;
}

/** Without "start", virt-install has no define-only mode: print the XML and define it with virsh. */
export function virtInstallLine(input: VirtInstallInput): string {
  const line = virtInstallArgs(input).map(shellQuote).join(' ');
  return input.start ? line : `${line} | virsh -c ${shellQuote(input.uri)} define /dev/stdin`;
}

import type { KvmCheck } from '../../common/hosts.js';
import type { HostCapabilities } from './capabilities.js';

export interface KvmInputs {
  caps: HostCapabilities;
  /** Flags line of /proc/cpuinfo when the host is this machine; undefined for remote hosts. */
  cpuinfoFlags: string[] | undefined;
  /** Outcome of asking libvirt for the `kvm` domain capabilities. */
  domainCaps: { ok: true; emulator: string | undefined } | { ok: false; message: string } | undefined;
}

/**
 * KVM is usable when libvirt offers the `kvm` domain type, the CPU has hardware virtualization
 * (vmx or svm: a /dev/kvm without them is software-nested and guests crash or crawl), and libvirt
 * can describe a kvm guest (domain capabilities). Each fact is reported so the user sees why.
 */
export function decideKvm({ caps, cpuinfoFlags, domainCaps }: KvmInputs): { usable: boolean; checks: KvmCheck[] } {
  const arch = caps.arch ?? '';
  // A type offered for several OS types (hvm, xen …) is named once.
  const guestTypes = [...new Set(caps.guests.filter((g) => g.arch === arch).flatMap((g) => g.domainTypes))];
  const offered = guestTypes.includes('kvm');
  const checks: KvmCheck[] = [
    {
      name: 'kvm domain type',
      ok: offered,
      detail: offered
        ? `libvirt offers <domain type='kvm'> for ${arch}`
        : `libvirt offers only ${guestTypes.length > 0 ? guestTypes.join(', ') : 'no'} domain types for ${arch || 'the host architecture'} (no /dev/kvm access or no KVM driver)`,
    },
  ];

  const source = cpuinfoFlags === undefined ? 'libvirt host CPU features' : '/proc/cpuinfo';
  const flags = cpuinfoFlags ?? caps.cpuFeatures;
  const hw = flags.find((f) => f === 'vmx' || f === 'svm');
  checks.push({
    name: 'hardware virtualization',
    ok: hw !== undefined,
    detail:
      hw !== undefined
        ? `${source} has the ${hw} flag`
        : `${source} has neither vmx nor svm: KVM here would be software-nested, so guests use TCG (<domain type='qemu'>)`,
  });

  if (domainCaps === undefined) {
    checks.push({ name: 'kvm domain capabilities', ok: false, detail: 'not asked (libvirt does not offer kvm)' });
  } else if (domainCaps.ok) {
    checks.push({
      name: 'kvm domain capabilities',
      ok: true,
      detail: `libvirt describes kvm guests${domainCaps.emulator === undefined ? '' : ` with ${domainCaps.emulator}`}`,
    });
  } else {
    checks.push({ name: 'kvm domain capabilities', ok: false, detail: domainCaps.message });
  }

  return { usable: checks.every((c) => c.ok), checks };
}

/** The flags of the first processor in /proc/cpuinfo. */
export function cpuinfoFlags(cpuinfo: string): string[] {
  const line = cpuinfo.split('\n').find((l) => /^flags\s*:/.test(l));
  return line === undefined ? [] : line.replace(/^flags\s*:/, '').trim().split(/\s+/);
}

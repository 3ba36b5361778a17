/**
 * Throwaway test guests on qemu:///system for integration tests: `createTestGuest({ prefix })`
 * defines (persistently) a guest named `vt-<prefix>-<random>` that boots the virtdeck test
 * guest (scripts/build-test-guest), optionally with a fresh volume in pool `virtdeck`, a NIC on
 * network `default`, VNC and a serial log; `waitForBanner()` waits for `VIRTDECK-GUEST-READY`
 * in the serial log; `cleanup()` destroys, undefines and deletes everything it made.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rm, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QEMU_URI, virsh, virshOrNull } from './virsh.js';

export const TEST_GUEST_KERNEL = '/var/lib/virtdeck/guest/vmlinuz';
export const TEST_GUEST_INITRD = '/var/lib/virtdeck/guest/initrd.gz';
/**
 * ttyS0 last, so that /dev/console (and the banner) is the serial port; crypto self-tests
 * skipped (about a quarter of the boot under TCG).
 */
export const TEST_GUEST_CMDLINE =
  'console=tty0 console=ttyS0 quiet loglevel=3 panic=-1 cryptomgr.notests initcall_blacklist=crypto_kdf108_init';
export const TEST_GUEST_BANNER = 'VIRTDECK-GUEST-READY';
export const TEST_GUEST_PROMPT = '/ # ';
export const TEST_POOL = 'virtdeck';
export const SERIAL_LOG_DIR = '/var/log/libvirt/qemu';

export interface TestGuestOptions {
  /** Short tag of the suite, [a-z0-9-]; the guest is named `vt-<prefix>-<random>`. */
  prefix: string;
  /** A fresh volume in pool `virtdeck` attached as virtio disk vda (default: no disk). */
  disk?: 'qcow2' | 'raw' | false;
  /** Size of that volume in MiB (default 16). */
  diskMiB?: number;
  /** A virtio NIC on network `default` (default: false). */
  nic?: boolean;
  /** VNC on 127.0.0.1 with autoport, plus a VGA video device (default: false). */
  vnc?: boolean;
  /** Keep the serial output in `serialLogPath` (default: true; waitForBanner needs it). */
  serialLog?: boolean;
  /** Start the guest after defining it (default: false). */
  start?: boolean;
  /** Memory in MiB (default 128). */
  memoryMiB?: number;
  /**
   * A guest that ignores the ACPI power button (and so `virsh shutdown` and `virsh reboot`): its
   * kernel boots with `acpi=off` (default: false).
   */
  ignoreAcpi?: boolean;
}

export interface TestGuest {
  name: string;
  uuid: string;
  /** null when created with `serialLog: false`. */
  serialLogPath: string | null;
  /** Path of its volume, null without a disk. */
  diskPath: string | null;
  /** Name of its volume in pool `virtdeck`, null without a disk. */
  volumeName: string | null;
  /** Resolves with the milliseconds waited once the banner is in the serial log. */
  waitForBanner(timeoutMs?: number): Promise<number>;
  /** Destroys, undefines (snapshot/checkpoint metadata, nvram, managed save) and deletes its volume. */
  cleanup(): Promise<void>;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for XML element content and attribute values (either quote style). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

/** A unique object name `vt-<prefix>-<8 hex digits>`. */
export function uniqueName(prefix: string): string {
  if (!/^[a-z0-9][a-z0-9-]{0,30}$/.test(prefix)) {
    throw new Error(`test name prefix must match [a-z0-9-] (got ${JSON.stringify(prefix)})`);
  }
  return `vt-${prefix}-${randomBytes(4).toString('hex')}`;
}

/** 'kvm' only when the CPU offers vmx/svm; the nested /dev/kvm here has neither, so TCG. */
export function guestVirtType(): 'kvm' | 'qemu' {
  try {
    return /\b(vmx|svm)\b/.test(readFileSync('/proc/cpuinfo', 'utf8')) ? 'kvm' : 'qemu';
  } catch {
    return 'qemu';
  }
}

/** The test guest's kernel command line without ACPI: its power button does nothing. */
export const TEST_GUEST_CMDLINE_NO_ACPI = `${TEST_GUEST_CMDLINE} acpi=off`;

export interface TestGuestXmlOptions {
  name: string;
  ignoreAcpi?: boolean;
  memoryMiB?: number;
  disk?: { path: string; format: 'qcow2' | 'raw' } | null;
  nic?: boolean;
  vnc?: boolean;
  serialLogPath?: string | null;
}

/** The domain XML of a test guest (direct kernel boot of the test guest, ACPI on). */
export function testGuestXml(options: TestGuestXmlOptions): string {
  const lines = [
    `<domain type='${guestVirtType()}'>`,
    `  <name>${escapeXml(options.name)}</name>`,
    `  <memory unit='MiB'>${String(options.memoryMiB ?? 128)}</memory>`,
    `  <vcpu>1</vcpu>`,
    `  <os>`,
    `    <type arch='x86_64'>hvm</type>`,
    `    <kernel>${escapeXml(TEST_GUEST_KERNEL)}</kernel>`,
    `    <initrd>${escapeXml(TEST_GUEST_INITRD)}</initrd>`,
    `    <cmdline>${escapeXml(options.ignoreAcpi === true ? TEST_GUEST_CMDLINE_NO_ACPI : TEST_GUEST_CMDLINE)}</cmdline>`,
    `  </os>`,
    `  <features><acpi/></features>`,
    `  <on_poweroff>destroy</on_poweroff>`,
    `  <on_reboot>restart</on_reboot>`,
    `  <on_crash>destroy</on_crash>`,
    `  <devices>`,
  ];
  if (options.disk) {
    lines.push(
      `    <disk type='file' device='disk'>`,
      `      <driver name='qemu' type='${options.disk.format}'/>`,
      `      <source file='${escapeXml(options.disk.path)}'/>`,
      `      <target dev='vda' bus='virtio'/>`,
      `    </disk>`,
    );
  }
  if (options.nic) {
    lines.push(
      `    <interface type='network'>`,
      `      <source network='default'/>`,
      `      <model type='virtio'/>`,
      // Direct kernel boot needs no iPXE ROM; skipping it saves firmware time.
      `      <rom bar='off'/>`,
      `    </interface>`,
    );
  }
  lines.push(`    <serial type='pty'>`);
  if (options.serialLogPath) {
    lines.push(`      <log file='${escapeXml(options.serialLogPath)}' append='off'/>`);
  }
  lines.push(
    `      <target port='0'/>`,
    `    </serial>`,
    `    <console type='pty'><target type='serial' port='0'/></console>`,
  );
  if (options.vnc) {
    lines.push(
      `    <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'/>`,
      `    <video><model type='vga'/></video>`,
    );
  }
  lines.push(`  </devices>`, `</domain>`);
  return lines.join('\n') + '\n';
}

/** Waits until `text` appears in the file; resolves with the milliseconds waited. */
export async function waitForFileText(path: string, text: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    let content = '';
    try {
      content = await readFile(path, 'utf8');
    } catch {
      // The log appears when QEMU starts.
    }
    if (content.includes(text)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`${JSON.stringify(text)} not seen in ${path} within ${String(timeoutMs)} ms; last output:\n${content.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function defineFromXml(xml: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'virtdeck-guest-'));
  const file = join(dir, 'domain.xml');
  try {
    await writeFile(file, xml);
    await virsh(QEMU_URI, 'define', file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function createTestGuest(options: TestGuestOptions): Promise<TestGuest> {
  const name = uniqueName(options.prefix);
  const serialLogPath = options.serialLog === false ? null : join(SERIAL_LOG_DIR, `${name}-serial.log`);
  let volumeName: string | null = null;
  let diskPath: string | null = null;

  const cleanup = async (): Promise<void> => {
    const problems: string[] = [];
    const state = await virshOrNull(QEMU_URI, 'domstate', name);
    if (state !== null) {
      if (state !== 'shut off') await virshOrNull(QEMU_URI, 'destroy', name);
      // --nvram is refused for domains without a loader on some setups, so try with and without.
      const undefined_ =
        (await virshOrNull(QEMU_URI, 'undefine', name, '--snapshots-metadata', '--checkpoints-metadata', '--managed-save', '--nvram')) ??
        (await virshOrNull(QEMU_URI, 'undefine', name, '--snapshots-metadata', '--checkpoints-metadata', '--managed-save'));
      if (undefined_ === null && (await virshOrNull(QEMU_URI, 'domstate', name)) !== null) {
        problems.push(`could not undefine ${name}`);
      }
    }
    if (volumeName !== null) {
      if (
        (await virshOrNull(QEMU_URI, 'vol-info', '--pool', TEST_POOL, volumeName)) !== null &&
        (await virshOrNull(QEMU_URI, 'vol-delete', '--pool', TEST_POOL, volumeName)) === null
      ) {
        problems.push(`could not delete volume ${volumeName}`);
      }
    }
    if (serialLogPath !== null) await rm(serialLogPath, { force: true });
    await rm(join(SERIAL_LOG_DIR, `${name}.log`), { force: true });
    if (problems.length > 0) throw new Error(problems.join('; '));
  };

  try {
    if (options.disk) {
      volumeName = `${name}.${options.disk === 'qcow2' ? 'qcow2' : 'img'}`;
      await virsh(
        QEMU_URI,
        'vol-create-as',
        TEST_POOL,
        volumeName,
        `${String(options.diskMiB ?? 16)}M`,
        '--format',
        options.disk,
      );
      diskPath = await virsh(QEMU_URI, 'vol-path', '--pool', TEST_POOL, volumeName);
    }
    await defineFromXml(
      testGuestXml({
        name,
        memoryMiB: options.memoryMiB ?? 128,
        disk: diskPath !== null && options.disk ? { path: diskPath, format: options.disk } : null,
        nic: options.nic ?? false,
        vnc: options.vnc ?? false,
        serialLogPath,
        ignoreAcpi: options.ignoreAcpi ?? false,
      }),
    );
    const uuid = await virsh(QEMU_URI, 'domuuid', name);
    if (options.start) await virsh(QEMU_URI, 'start', name);
    return {
      name,
      uuid,
      serialLogPath,
      diskPath,
      volumeName,
      waitForBanner(timeoutMs = 30_000): Promise<number> {
        if (serialLogPath === null) {
          return Promise.reject(new Error(`${name} was created with serialLog: false`));
        }
        return waitForFileText(serialLogPath, TEST_GUEST_BANNER, timeoutMs);
      },
      cleanup,
    };
  } catch (error) {
    await cleanup().catch(() => undefined);
    throw error;
  }
}

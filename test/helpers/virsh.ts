/**
 * virsh as the test oracle and fixture tool: `virsh(uri, ...args)` runs `virsh -c <uri> …`
 * and resolves with its trimmed stdout, or rejects with a VirshError carrying stderr.
 * Tests only; the product never spawns virsh.
 */
import { execFile } from 'node:child_process';

/** The real QEMU driver of the local daemon. */
export const QEMU_URI = 'qemu:///system';
/** libvirt's test driver served by the local daemon, as virsh must name it. */
export const TEST_VIRSH_URI = 'test+unix:///default';

export class VirshError extends Error {
  readonly args: readonly string[];
  readonly stderr: string;
  readonly exitCode: number | null;

  constructor(args: readonly string[], stderr: string, exitCode: number | null) {
    super(`virsh ${args.join(' ')} failed (exit ${String(exitCode)}): ${stderr.trim()}`);
    this.name = 'VirshError';
    this.args = args;
    this.stderr = stderr;
    this.exitCode = exitCode;
  }
}

export function virsh(uri: string, ...args: string[]): Promise<string> {
  const argv = ['-q', '-c', uri, ...args];
  return new Promise((resolve, reject) => {
    execFile('virsh', argv, { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) {
        const code = typeof error.code === 'number' ? error.code : null;
        reject(new VirshError(argv, stderr || error.message, code));
        return;
      }
      resolve(stdout.trim());
    });
  });
}

/** Like `virsh`, but resolves with null instead of rejecting (for "does it still exist?" checks). */
export async function virshOrNull(uri: string, ...args: string[]): Promise<string | null> {
  try {
    return await virsh(uri, ...args);
  } catch (error) {
    if (error instanceof VirshError) return null;
    throw error;
  }
}

/** The bridges virsh sees on a connection: interfaces whose XML says type='bridge', sorted. */
export async function virshBridges(uri: string): Promise<string[]> {
  const names = (await virsh(uri, 'iface-list', '--all')).split('\n').map((l) => l.trim().split(/\s+/)[0]).filter((n): n is string => n !== undefined && n !== '');
  const bridges: string[] = [];
  for (const name of names) if (/<interface type='bridge'/.test(await virsh(uri, 'iface-dumpxml', name))) bridges.push(name);
  return bridges.sort();
}

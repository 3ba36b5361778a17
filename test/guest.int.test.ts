import { afterAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createTestGuest, TEST_GUEST_PROMPT, waitForFileText, type TestGuest } from './helpers/guest.js';
import { QEMU_URI, virsh, virshOrNull } from './helpers/virsh.js';

async function waitForState(name: string, state: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const current = await virshOrNull(QEMU_URI, 'domstate', name);
    if (current === state) return Date.now() - started;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`${name} is "${String(current)}", not "${state}", after ${String(timeoutMs)} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the test guest on qemu:///system', () => {
  const guests: TestGuest[] = [];

  afterAll(async () => {
    for (const guest of guests) await guest.cleanup();
  });

  it('boots to its shell prompt in under 15 s and powers off on virsh shutdown', async () => {
    const guest = await createTestGuest({ prefix: 'guest', disk: 'qcow2', nic: true, vnc: true });
    guests.push(guest);
    const serialLogPath = guest.serialLogPath;
    if (serialLogPath === null) throw new Error('the guest has no serial log');

    const started = Date.now();
    await virsh(QEMU_URI, 'start', guest.name);
    await guest.waitForBanner(15_000);
    await waitForFileText(serialLogPath, TEST_GUEST_PROMPT, 15_000 - (Date.now() - started));
    const bootSeconds = (Date.now() - started) / 1000;
    console.log(`test guest: shell prompt ${bootSeconds.toFixed(2)} s after virsh start`);
    expect(bootSeconds).toBeLessThan(15);
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('running');
    const log = await readFile(serialLogPath, 'utf8');
    expect(log).toMatch(/virtdeck test guest: Linux \S+/);

    // busybox acpid handles the ACPI power button that `virsh shutdown` presses.
    await virsh(QEMU_URI, 'shutdown', guest.name);
    const offMs = await waitForState(guest.name, 'shut off', 20_000);
    console.log(`test guest: shut off ${(offMs / 1000).toFixed(2)} s after virsh shutdown`);
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('shut off');
  });

  it('cleans up everything it created', async () => {
    const guest = await createTestGuest({ prefix: 'guest', disk: 'raw', diskMiB: 4 });
    const volumeName = guest.volumeName;
    expect(volumeName).not.toBeNull();
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('shut off');
    expect(await virsh(QEMU_URI, 'vol-info', '--pool', 'virtdeck', String(volumeName))).toContain('Capacity');
    const disks = await virsh(QEMU_URI, 'domblklist', guest.name, '--details');
    expect(disks).toContain(guest.diskPath ?? 'no disk');

    await guest.cleanup();
    expect(await virshOrNull(QEMU_URI, 'domstate', guest.name)).toBeNull();
    expect(await virshOrNull(QEMU_URI, 'vol-info', '--pool', 'virtdeck', String(volumeName))).toBeNull();
  });
});

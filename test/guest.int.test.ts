import { afterAll, describe, expect, it } from 'vitest';
import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
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
    const pressed = Date.now();
    await virsh(QEMU_URI, 'shutdown', guest.name);
    try {
      await waitForState(guest.name, 'shut off', 10_000);
    } catch {
      // Under heavy host load a press has been seen to go unanswered once; press again as a user would.
      console.log('test guest: still running 10 s after virsh shutdown; pressing the power button again');
      await virsh(QEMU_URI, 'shutdown', guest.name);
      await waitForState(guest.name, 'shut off', 20_000);
    }
    const offMs = Date.now() - pressed;
    console.log(`test guest: shut off ${(offMs / 1000).toFixed(2)} s after virsh shutdown`);
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('shut off');
  });

  it('answers on its serial console', async () => {
    const guest = await createTestGuest({ prefix: 'guest', start: true });
    guests.push(guest);
    const serialLogPath = guest.serialLogPath;
    if (serialLogPath === null) throw new Error('the guest has no serial log');
    await guest.waitForBanner(30_000);

    const pty = await virsh(QEMU_URI, 'ttyconsole', guest.name);
    expect(pty).toMatch(/^\/dev\/pts\/\d+$/);
    // QEMU drops input until it notices (about once a second) that the pty has a reader.
    const tty = await open(pty, constants.O_RDWR | constants.O_NOCTTY);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      let answered = false;
      for (let attempt = 0; attempt < 5 && !answered; attempt++) {
        await tty.write('\recho $((6*7))-virtdeck-$((1+1))\r');
        try {
          await waitForFileText(serialLogPath, '42-virtdeck-2', 3000);
          answered = true;
        } catch {
          // Not seen yet: the first bytes after connecting can be lost; type it again.
        }
      }
      expect(answered).toBe(true);
      expect(await readFile(serialLogPath, 'utf8')).toContain('42-virtdeck-2');
    } finally {
      await tty.close();
    }
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// One guest, like the demo VM (qcow2 disk, NIC on default, VNC), goes through boot, console and shutdown in order.
describe('the test guest on qemu:///system', () => {
  let guest: TestGuest;
  let serialLogPath: string;

  beforeAll(async () => {
    guest = await createTestGuest({ prefix: 'guest', disk: 'qcow2', nic: true, vnc: true });
    if (guest.serialLogPath === null) throw new Error('the guest has no serial log');
    serialLogPath = guest.serialLogPath;
  });

  afterAll(async () => {
    await guest.cleanup();
  });

  it('boots to its shell prompt in under 15 s', async () => {
    const started = Date.now();
    await virsh(QEMU_URI, 'start', guest.name);
    await guest.waitForBanner(15_000);
    await waitForFileText(serialLogPath, TEST_GUEST_PROMPT, Math.max(0, 15_000 - (Date.now() - started)));
    const bootSeconds = (Date.now() - started) / 1000;
    console.log(`test guest: shell prompt ${bootSeconds.toFixed(2)} s after virsh start`);
    expect(bootSeconds).toBeLessThan(15);
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('running');
    expect(await readFile(serialLogPath, 'utf8')).toMatch(/virtdeck test guest: Linux \S+/);
  });

  it('answers on its serial console', async () => {
    const pty = await virsh(QEMU_URI, 'ttyconsole', guest.name);
    expect(pty).toMatch(/^\/dev\/pts\/\d+$/);
    // QEMU drops input until it notices (about once a second) that the pty has a reader.
    const tty = await open(pty, constants.O_RDWR | constants.O_NOCTTY);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      let answered = false;
      for (let attempt = 0; attempt < 5 && !answered; attempt++) {
        // The shell expands the arithmetic, so the answer cannot be the echo of the typed line.
        await tty.write('\recho $((6*7))-virtdeck-$((1+1))\r');
        try {
          await waitForFileText(serialLogPath, '42-virtdeck-2', 3000);
          answered = true;
        } catch {
          // Not seen yet: the first bytes after connecting can be lost; type it again.
        }
      }
      expect(answered).toBe(true);
    } finally {
      await tty.close();
    }
  });

  it('powers off on virsh shutdown (ACPI power button)', async () => {
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
    console.log(`test guest: shut off ${((Date.now() - pressed) / 1000).toFixed(2)} s after virsh shutdown`);
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('shut off');
  });

  it('cleans up everything it created', async () => {
    const other = await createTestGuest({ prefix: 'guest', disk: 'raw', diskMiB: 4 });
    const volumeName = other.volumeName;
    if (volumeName === null) throw new Error('the guest has no volume');
    expect(await virsh(QEMU_URI, 'domstate', other.name)).toBe('shut off');
    expect(await virsh(QEMU_URI, 'vol-info', '--pool', 'virtdeck', volumeName)).toContain('Capacity');
    expect(await virsh(QEMU_URI, 'domblklist', other.name, '--details')).toContain(other.diskPath ?? 'no disk');

    await other.cleanup();
    expect(await virshOrNull(QEMU_URI, 'domstate', other.name)).toBeNull();
    expect(await virshOrNull(QEMU_URI, 'vol-info', '--pool', 'virtdeck', volumeName)).toBeNull();
  });
});

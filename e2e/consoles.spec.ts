import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestGuest, testGuestXml, uniqueName, type TestGuest } from '../test/helpers/guest.js';
import { QEMU_URI, virsh, virshOrNull } from '../test/helpers/virsh.js';

let withVnc: TestGuest;
let second: TestGuest;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  [withVnc, second] = await Promise.all([
    createTestGuest({ prefix: 'e2e-console', vnc: true, start: true }),
    createTestGuest({ prefix: 'e2e-console', vnc: false, start: true }),
  ]);
  await Promise.all([withVnc.waitForBanner(90_000), second.waitForBanner(90_000)]);
});

test.afterAll(async () => {
  await Promise.allSettled([withVnc?.cleanup(), second?.cleanup()]);
});

function openUrl(guest: TestGuest, kind: 'serial' | 'vnc'): string {
  return `/hosts/local/consoles?${new URLSearchParams({ open: guest.uuid, name: guest.name, kind }).toString()}`;
}

function pane(page: Page, guest: TestGuest, kind: 'serial' | 'vnc'): Locator {
  return page.locator(`[data-testid="console-pane"][data-kind="${kind}"]`).filter({
    has: page.locator(`[data-uuid="${guest.uuid}"]`),
  });
}

async function typeInTerminal(page: Page, terminal: Locator, text: string): Promise<void> {
  await terminal.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Pixels of the guest screen brighter than the background: text on the VGA console. */
async function litPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (ctx === null || c.width === 0 || c.height === 0) return 0;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let lit = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0) > 192) lit++;
    return lit;
  });
}

async function canvasHash(canvas: Locator): Promise<{ hash: number; distinct: number }> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (ctx === null || c.width === 0 || c.height === 0) return { hash: 0, distinct: 0 };
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let hash = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      const px = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
      hash = (hash * 31 + px) | 0;
      if (colours.size < 64) colours.add(px);
    }
    return { hash, distinct: colours.size };
  });
}

test('serial pane: typing a command shows the guest shell\'s answer', async ({ page }) => {
  await page.goto(openUrl(withVnc, 'serial'));
  const serial = pane(page, withVnc, 'serial');
  await expect(serial.getByTestId('console-status')).toHaveAttribute('data-state', 'connected');
  const tag = randomBytes(4).toString('hex');
  await typeInTerminal(page, serial.getByTestId('serial-terminal'), `echo virtdeck-$((6*7))-${tag}`);
  // The computed 42 proves the guest ran it (the typed line itself says $((6*7))).
  await expect(serial.locator('.xterm-rows')).toContainText(`virtdeck-42-${tag}`);

  // Search the scrollback: found, then not found.
  await serial.getByRole('button', { name: 'Search' }).click();
  const search = serial.getByPlaceholder('Search…');
  await search.fill(`virtdeck-42-${tag}`);
  await search.press('Enter');
  await expect(search).not.toHaveAttribute('aria-invalid', 'true');
  await search.fill('no-such-text-anywhere');
  await search.press('Enter');
  await expect(search).toHaveAttribute('aria-invalid', 'true');
  await search.press('Escape');
  await expect(search).toBeHidden();
});

test('VNC pane: a non-blank screen that changes when the guest prints on it', async ({ page }) => {
  await page.goto(openUrl(withVnc, 'vnc'));
  const vnc = pane(page, withVnc, 'vnc');
  await expect(vnc.getByTestId('console-status')).toHaveAttribute('data-state', 'connected');
  const canvas = vnc.locator('[data-testid="vnc-screen"] canvas');
  await expect(canvas).toBeVisible();
  await expect.poll(async () => (await canvasHash(canvas)).distinct, { timeout: 15_000 }).toBeGreaterThan(1);
  const before = await canvasHash(canvas);

  // Print on the VGA console from the serial console, in a second pane of the same workspace.
  await page.goto(openUrl(withVnc, 'serial'));
  await expect(page.getByTestId('console-pane')).toHaveCount(2);
  const serial = pane(page, withVnc, 'serial');
  await expect(serial.getByTestId('console-status')).toHaveAttribute('data-state', 'connected');
  await expect(vnc.getByTestId('console-status')).toHaveAttribute('data-state', 'connected');
  const terminal = serial.getByTestId('serial-terminal');
  await typeInTerminal(page, terminal, 'clear > /dev/tty1');
  await expect.poll(async () => (await canvasHash(canvas)).hash, { timeout: 15_000 }).not.toBe(before.hash);
  // A cleared screen: at most a cursor is lit.
  await expect.poll(() => litPixels(canvas), { timeout: 15_000 }).toBeLessThan(1000);
  const blank = await litPixels(canvas);
  await typeInTerminal(page, terminal, 'for i in 1 2 3 4 5 6 7 8; do echo virtdeck-on-the-screen-$i > /dev/tty1; done');
  // Eight lines of 24 characters light up thousands of pixels; a blinking cursor a few dozen.
  await expect.poll(() => litPixels(canvas), { timeout: 15_000 }).toBeGreaterThan(blank + 2000);
});

test('two VMs side by side in the workspace, remembered across a reload', async ({ page }) => {
  await page.goto(openUrl(withVnc, 'serial'));
  const left = pane(page, withVnc, 'serial');
  await expect(left.getByTestId('console-status')).toHaveAttribute('data-state', 'connected');
  await page.goto(openUrl(second, 'serial'));
  const right = pane(page, second, 'serial');
  await expect(left.getByTestId('console-status')).toHaveAttribute('data-state', 'connected');
  await expect(right.getByTestId('console-status')).toHaveAttribute('data-state', 'connected');
  const a = await left.boundingBox();
  const b = await right.boundingBox();
  expect(a && b && b.x > a.x + a.width - 10 && Math.abs(a.y - b.y) < 5).toBe(true);

  const tag = randomBytes(4).toString('hex');
  await typeInTerminal(page, right.getByTestId('serial-terminal'), `echo second-$((2+3))-${tag}`);
  await expect(right.locator('.xterm-rows')).toContainText(`second-5-${tag}`);
  await expect(left.locator('.xterm-rows')).not.toContainText(`second-5-${tag}`);

  await page.reload();
  await expect(page.getByTestId('console-pane')).toHaveCount(2);
  await expect(pane(page, withVnc, 'serial').getByTestId('console-status')).toHaveAttribute('data-state', 'connected');
  await expect(pane(page, second, 'serial').getByTestId('console-status')).toHaveAttribute('data-state', 'connected');

  // Maximise one, restore, close one.
  const id = await right.getAttribute('data-pane-id');
  await page.locator(`#pane-${id ?? ''}-maximise`).click();
  await expect(page.getByTestId('console-workspace')).toHaveAttribute('data-maximised', id ?? '');
  await expect(left).toBeHidden();
  await page.locator(`#pane-${id ?? ''}-maximise`).click();
  await expect(left).toBeVisible();
  await page.locator(`#pane-${id ?? ''}-close`).click();
  await expect(page.getByTestId('console-pane')).toHaveCount(1);
});

test('the serial pane reattaches when the VM restarts and shows the boot banner again', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(openUrl(second, 'serial'));
  const serial = pane(page, second, 'serial');
  const status = serial.getByTestId('console-status');
  await expect(status).toHaveAttribute('data-state', 'connected');
  const terminal = serial.getByTestId('serial-terminal');
  await typeInTerminal(page, terminal, 'clear');
  await expect(serial.locator('.xterm-rows')).not.toContainText('VIRTDECK-GUEST-READY');

  await virsh(QEMU_URI, 'destroy', second.name);
  await expect(status).toHaveAttribute('data-state', 'vm-not-running');
  await virsh(QEMU_URI, 'start', second.name);
  await expect(status).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  await expect(serial.locator('.xterm-rows')).toContainText('VIRTDECK-GUEST-READY', { timeout: 60_000 });
  const tag = randomBytes(4).toString('hex');
  await typeInTerminal(page, terminal, `echo back-$((1+1))-${tag}`);
  await expect(serial.locator('.xterm-rows')).toContainText(`back-2-${tag}`);
});

test('VNC pane: text typed as keystrokes reaches the guest shell on the screen; screenshot is a PNG', async ({ page }) => {
  await page.goto(openUrl(withVnc, 'serial'));
  const serial = pane(page, withVnc, 'serial');
  await expect(serial.getByTestId('console-status')).toHaveAttribute('data-state', 'connected');
  await page.goto(openUrl(withVnc, 'vnc'));
  const vnc = pane(page, withVnc, 'vnc');
  await expect(vnc.getByTestId('console-status')).toHaveAttribute('data-state', 'connected');
  const id = (await vnc.getAttribute('data-pane-id')) ?? '';

  // The shell on the VGA screen (tty1) runs what is typed; its output goes to the serial port.
  const tag = randomBytes(3).toString('hex');
  await page.locator(`#console-${id}-type`).click();
  await page.locator(`#console-${id}-type-dialog textarea`).fill(`echo VNC-typed-$((5+5))-${tag} > /dev/ttyS0\n`);
  await page.locator(`#console-${id}-type-send`).click();
  await expect(serial.locator('.xterm-rows')).toContainText(`VNC-typed-10-${tag}`);

  const download = page.waitForEvent('download');
  await page.locator(`#console-${id}-screenshot`).click();
  const file = await (await download).path();
  const png = await readFile(file);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.length).toBeGreaterThan(1000);
});

test('a second pane on the same serial console is told it is in use and can take over', async ({ page }) => {
  await page.goto(openUrl(second, 'serial'));
  const first = pane(page, second, 'serial').first();
  await expect(first.getByTestId('console-status')).toHaveAttribute('data-state', 'connected');
  const firstId = (await first.getAttribute('data-pane-id')) ?? '';
  await page.locator(`#pane-${firstId}-split-row`).click();
  const picker = page.getByTestId('console-picker');
  await picker.locator('select[aria-label="Virtual machine"]').selectOption(second.uuid);
  await picker.getByRole('button', { name: 'Open' }).click();

  await expect(pane(page, second, 'serial')).toHaveCount(2);
  const otherPane = page.locator(`[data-testid="console-pane"]:not([data-pane-id="${firstId}"])`).filter({ has: page.locator(`[data-uuid="${second.uuid}"]`) });
  await expect(otherPane.getByTestId('console-status')).toHaveAttribute('data-state', 'in-use');
  await otherPane.getByTestId('console-take-over').click();
  await expect(otherPane.getByTestId('console-status')).toHaveAttribute('data-state', 'connected');
  await expect(page.locator(`[data-pane-id="${firstId}"]`).getByTestId('console-status')).toHaveAttribute('data-state', 'in-use');
  await expect(page.locator(`[data-pane-id="${firstId}"] .xterm-rows`)).toContainText('Another client took over this console');

  const tag = randomBytes(3).toString('hex');
  await typeInTerminal(page, otherPane.getByTestId('serial-terminal'), `echo took-$((4*4))-${tag}`);
  await expect(otherPane.locator('.xterm-rows')).toContainText(`took-16-${tag}`);
});

test('VNC pane: a password-protected display connects without asking (password from the server)', async ({ page }) => {
  const name = uniqueName('e2e-console-pw');
  const dir = await mkdtemp(join(tmpdir(), 'vt-e2e-console-'));
  try {
    const password = `p${randomBytes(3).toString('hex')}`;
    await writeFile(join(dir, 'd.xml'), testGuestXml({ name, vnc: true }).replace("<graphics type='vnc' ", `<graphics type='vnc' passwd='${password}' `));
    await virsh(QEMU_URI, 'define', join(dir, 'd.xml'));
    await virsh(QEMU_URI, 'start', name);
    expect(await virsh(QEMU_URI, 'dumpxml', '--security-info', name)).toContain(`passwd='${password}'`);
    const uuid = await virsh(QEMU_URI, 'domuuid', name);
    await page.goto(`/hosts/local/consoles?${new URLSearchParams({ open: uuid, name, kind: 'vnc' }).toString()}`);
    const vnc = page.locator('[data-testid="console-pane"][data-kind="vnc"]');
    // noVNC reports "connect" only after the VNC authentication succeeded.
    await expect(vnc.getByTestId('console-status')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await expect(vnc.locator('[data-testid="vnc-screen"] canvas')).toBeVisible();
  } finally {
    await virshOrNull(QEMU_URI, 'destroy', name);
    await virshOrNull(QEMU_URI, 'undefine', name);
    await rm(dir, { recursive: true, force: true });
  }
});

test('VNC pane follows the VM: not running while off, connected again by itself when it starts', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(openUrl(withVnc, 'vnc'));
  const vnc = pane(page, withVnc, 'vnc');
  const status = vnc.getByTestId('console-status');
  await expect(status).toHaveAttribute('data-state', 'connected');
  await virsh(QEMU_URI, 'destroy', withVnc.name);
  await expect(status).toHaveAttribute('data-state', 'vm-not-running', { timeout: 20_000 });
  await virsh(QEMU_URI, 'start', withVnc.name);
  await expect(status).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  await expect(vnc.locator('[data-testid="vnc-screen"] canvas')).toBeVisible();
  await withVnc.waitForBanner(60_000);
});

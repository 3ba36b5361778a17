import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createTestGuest, testGuestXml, uniqueName, SERIAL_LOG_DIR, TEST_GUEST_BANNER, TEST_POOL, waitForFileText, type TestGuest } from '../test/helpers/guest.js';
import { QEMU_URI, virsh, virshOrNull } from '../test/helpers/virsh.js';

const DEMO = 'virtdeck-demo';
const DEMO_SERIAL_LOG = `${SERIAL_LOG_DIR}/${DEMO}-serial.log`;

async function ensureShutOff(): Promise<void> {
  if ((await virshOrNull(QEMU_URI, 'domstate', DEMO)) !== 'shut off') await virshOrNull(QEMU_URI, 'destroy', DEMO);
}

async function startDemo(): Promise<string> {
  await ensureShutOff();
  await virsh(QEMU_URI, 'start', DEMO);
  await waitForFileText(DEMO_SERIAL_LOG, TEST_GUEST_BANNER, 90_000);
  return virsh(QEMU_URI, 'domuuid', DEMO);
}

test.afterAll(ensureShutOff);

interface CellBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The screen boxes of each character of the terminal row whose text is exactly `text`. */
async function cellBoxes(terminal: Locator, text: string): Promise<CellBox[]> {
  return terminal.evaluate((element, wanted) => {
    const row = [...element.querySelectorAll('.xterm-rows > div')].find((r) => (r.textContent ?? '').trimEnd() === wanted);
    if (row === undefined) return [];
    const rowBox = row.getBoundingClientRect();
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    const boxes: CellBox[] = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      for (let i = 0; i < length && boxes.length < wanted.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        // The row's own box is the cell's height: what shows of a glyph is what lies inside it.
        boxes.push({ x: Math.round(r.left), y: Math.round(rowBox.top), width: Math.max(1, Math.round(r.width)), height: Math.round(rowBox.height) });
      }
    }
    return boxes;
  }, text);
}

/** Pixels of a screenshot region that are clearly brighter than the terminal's black background. */
async function litPixels(page: Page, box: CellBox): Promise<number> {
  const png = await page.screenshot({ clip: box });
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (ctx === null) return 0;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let lit = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0) > 240) lit++;
    return lit;
  }, png.toString('base64'));
}

test('serial console hides underscores: echo a_b_c shows every underscore, and | g j whole', async ({ page }) => {
  test.setTimeout(150_000);
  const uuid = await startDemo();
  await page.goto(`/hosts/local/consoles?${new URLSearchParams({ open: uuid, name: DEMO, kind: 'serial' }).toString()}`);
  const serial = page.locator('[data-testid="console-pane"][data-kind="serial"]').filter({ has: page.locator(`[data-uuid="${uuid}"]`) });
  await expect(serial.getByTestId('console-status')).toHaveAttribute('data-state', 'connected');
  const terminal = serial.getByTestId('serial-terminal');
  await terminal.click();
  await page.keyboard.type('echo a_b_c; echo "g|j"');
  await page.keyboard.press('Enter');

  await expect.poll(async () => (await cellBoxes(terminal, 'a_b_c')).length, { timeout: 20_000 }).toBe(5);
  const cells = await cellBoxes(terminal, 'a_b_c');
  const lit = await Promise.all(cells.map((cell) => litPixels(page, cell)));
  expect(lit[0], 'the "a" is drawn').toBeGreaterThan(3);
  expect(lit[1], 'the first underscore is drawn inside its cell').toBeGreaterThan(3);
  expect(lit[3], 'the second underscore is drawn inside its cell').toBeGreaterThan(3);

  // Descenders and the bar reach the cell's bottom rows: their lowest lit line is in the cell's lower quarter.
  const [g, bar, j] = await cellBoxes(terminal, 'g|j');
  for (const [glyph, cell] of [['g', g], ['|', bar], ['j', j]] as const) {
    expect(cell, `${glyph} is on screen`).toBeDefined();
    if (cell === undefined) continue;
    const lower = { ...cell, y: cell.y + Math.floor((cell.height * 3) / 4), height: Math.ceil(cell.height / 4) };
    expect(await litPixels(page, lower), `the bottom of "${glyph}" is drawn`).toBeGreaterThan(0);
  }
});

// --- Stale values after a change ---------------------------------------------------------------
// Each change is made on the Hardware tab of a running guest; then every place of the page that
// shows what changed must show the new value without a reload, as virsh does.

test.describe('stale values after a change', () => {
  let guest: TestGuest;
  let iso: string;

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    guest = await createTestGuest({ prefix: 'e2e-first', disk: 'qcow2', nic: true, start: false });
    iso = `${guest.name}-media.iso`;
    await virsh(QEMU_URI, 'vol-create-as', TEST_POOL, iso, '1M', '--format', 'raw');
    // An empty CD-ROM drive, as virt-install --cdrom leaves one after installing.
    const xml = (await virsh(QEMU_URI, 'dumpxml', '--inactive', guest.name)).replace(
      '</devices>',
      "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='sda' bus='sata'/><readonly/></disk></devices>",
    );
    const dir = await mkdtemp(join(tmpdir(), 'virtdeck-e2e-'));
    try {
      await writeFile(join(dir, 'domain.xml'), xml);
      await virsh(QEMU_URI, 'define', join(dir, 'domain.xml'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await virsh(QEMU_URI, 'start', guest.name);
    await guest.waitForBanner(90_000);
  });

  test.afterAll(async () => {
    await guest?.cleanup();
    if (guest === undefined) return;
    const volumes = ((await virshOrNull(QEMU_URI, 'vol-list', '--pool', TEST_POOL)) ?? '').split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '');
    for (const volume of volumes.filter((v) => v.startsWith(`${guest.name}-`))) await virshOrNull(QEMU_URI, 'vol-delete', '--pool', TEST_POOL, volume);
  });

  const liveXml = () => virsh(QEMU_URI, 'dumpxml', guest.name);
  const configXml = () => virsh(QEMU_URI, 'dumpxml', '--inactive', guest.name);

  /** Opens the guest from the list (so the list, the VM page and its tabs share one page's cache). */
  async function openHardware(page: Page): Promise<void> {
    await page.goto('/hosts/local/vms');
    await page.locator(`[data-testid="vm-row"][data-vm-name="${guest.name}"]`).getByTestId('vm-link').click();
    await expect(page.locator('#vm-name')).toHaveText(guest.name);
    await page.locator('#vm-tab-overview').click();
    await expect(page.locator('#vm-overview-memory')).toBeVisible();
    await page.locator('#vm-tab-devices').click();
    await expect(page.locator('#vm-disks')).toBeVisible();
    await page.locator('#vm-tab-hardware').click();
    await expect(page.locator('#hw-disk-vda')).toBeVisible();
  }

  test('memory set now and at next boot shows at once on the Hardware tab, the overview and the list', async ({ page }) => {
    await openHardware(page);
    await expect(page.locator('#hw-memory')).toContainText('128 MiB of at most 128 MiB');
    await page.locator('#hw-mem-current').fill('96');
    await page.locator('#hw-mem-apply-both').check();
    await page.locator('#hw-mem-save').click();

    await expect.poll(async () => (await virsh(QEMU_URI, 'dominfo', guest.name)).match(/Used memory:\s+(\d+) KiB/)?.[1], { timeout: 20_000 }).toBe('98304');
    expect(await configXml()).toMatch(/<currentMemory unit='KiB'>98304<\/currentMemory>/);
    await expect(page.locator('#hw-memory')).toContainText('96 MiB of at most 128 MiB', { timeout: 5_000 });
    await page.locator('#vm-tab-overview').click();
    await expect(page.locator('#vm-overview-memory')).toContainText('96 MiB');
    await page.locator('#vm-back').click();
    await expect(page.locator(`[data-testid="vm-row"][data-vm-name="${guest.name}"]`).getByTestId('vm-memory')).toHaveText('96 MiB');
  });

  test('vCPUs set for the next boot show at once on the Hardware tab and in the XML tab', async ({ page }) => {
    await openHardware(page);
    await page.locator('#vm-tab-xml').click();
    await page.locator('#vm-xml-inactive').check();
    await expect(page.locator('#vm-xml')).toContainText('<vcpu');
    await page.locator('#vm-tab-hardware').click();
    await page.locator('#hw-vcpus-max').fill('2');
    await page.locator('#hw-vcpus-count').fill('2');
    await page.locator('#hw-vcpus-apply-config').check();
    await page.locator('#hw-vcpus-save').click();

    await expect(page.locator('#hw-vcpus')).toContainText('next boot: 2 of at most 2');
    expect(await configXml()).toMatch(/<vcpu[^>]*>2<\/vcpu>/);
    expect(await virsh(QEMU_URI, 'dominfo', guest.name)).toMatch(/CPU\(s\):\s+1\b/);
    await page.locator('#vm-tab-xml').click();
    await page.locator('#vm-xml-inactive').check();
    await expect.poll(async () => ((await page.locator('#vm-xml').textContent()) ?? '').trim()).toBe(await configXml());
  });

  test('a hot-added and grown disk shows at once on the Hardware tab, the devices tab and the pool', async ({ page }) => {
    test.setTimeout(90_000);
    // The pool's volume list is in the page's cache before the change.
    await page.goto(`/hosts/local/storage/${TEST_POOL}`);
    await expect(page.locator('#volume-table')).toBeVisible();
    await page.locator('#nav-vms').click();
    await page.locator(`[data-testid="vm-row"][data-vm-name="${guest.name}"]`).getByTestId('vm-link').click();
    await page.locator('#vm-tab-devices').click();
    await expect(page.locator('#vm-disks')).toContainText('vda');
    await page.locator('#vm-tab-hardware').click();

    await page.locator('#hw-disk-add').click();
    await expect(page.locator('#disk-name')).toHaveValue(new RegExp(`^${guest.name}-disk\\d+\\.qcow2$`));
    const volume = await page.locator('#disk-name').inputValue();
    await page.locator('#disk-size').fill('16M');
    await page.locator('#disk-add-submit').click();
    await expect(page.locator('#hw-disk-vdb')).toBeVisible({ timeout: 30_000 });
    expect(await virsh(QEMU_URI, 'domblklist', guest.name)).toContain(volume);

    await page.locator('#hw-disk-vdb-grow').click();
    await page.locator('#disk-grow-size').fill('32M');
    await page.locator('#disk-grow-submit').click();
    await expect(page.locator('#disk-grow-dialog')).toBeHidden({ timeout: 20_000 });
    expect(await virsh(QEMU_URI, 'vol-info', '--pool', TEST_POOL, volume)).toMatch(/Capacity:\s+32\.00 MiB/);

    await page.locator('#vm-tab-devices').click();
    await expect(page.locator('#vm-disks')).toContainText(volume);
    await page.locator('#nav-storage').click();
    await page.locator(`#pool-link-${TEST_POOL}`).click();
    await expect(page.locator(`#volume-row-${volume.replace(/\./g, '\\.')}`).getByTestId('volume-capacity')).toHaveText('32 MiB');
  });

  test('a hot-added NIC and its link state show at once on the Hardware tab and the devices tab', async ({ page }) => {
    test.setTimeout(90_000);
    await openHardware(page);
    const before = await page.locator('[data-testid="hw-nic"]').count();
    await page.locator('#hw-nic-add').click();
    await page.locator('#nic-add-submit').click();
    await expect(page.locator('#nic-add-dialog')).toBeHidden({ timeout: 30_000 });
    await expect(page.locator('[data-testid="hw-nic"]')).toHaveCount(before + 1);
    const macs = [...(await liveXml()).matchAll(/<mac address='([0-9a-f:]+)'\/>/g)].map((m) => m[1] ?? '');
    expect(macs).toHaveLength(before + 1);
    const added = macs[macs.length - 1] ?? '';
    await page.locator('#vm-tab-devices').click();
    await expect(page.locator('#vm-nics')).toContainText(added);
    expect(await virsh(QEMU_URI, 'domiflist', guest.name)).toContain(added);
  });

  test('media inserted into the CD-ROM shows at once on the Hardware tab and the devices tab', async ({ page }) => {
    await openHardware(page);
    await expect(page.locator('#hw-disk-sda')).toContainText('empty');
    await page.locator('#hw-disk-sda-insert').click();
    await page.locator('#media-pool').selectOption(TEST_POOL);
    await page.locator('#media-volume').selectOption(iso);
    await page.locator('#media-insert-submit').click();
    await expect(page.locator('#media-insert-dialog')).toBeHidden({ timeout: 20_000 });
    await expect(page.locator('#hw-disk-sda')).toContainText(iso);
    expect(await virsh(QEMU_URI, 'domblklist', guest.name)).toMatch(new RegExp(`sda\\s+\\S*${iso.replace(/\./g, '\\.')}`));
    await page.locator('#vm-tab-devices').click();
    await expect(page.locator('#vm-disks')).toContainText(iso);
  });

  test('a new boot order shows at once on the Hardware tab and in the XML tab', async ({ page }) => {
    await openHardware(page);
    await page.locator('#vm-tab-xml').click();
    await page.locator('#vm-xml-inactive').check();
    await expect(page.locator('#vm-xml')).toContainText('<os>');
    await page.locator('#vm-tab-hardware').click();
    await page.getByRole('button', { name: 'Add CD-ROM' }).click();
    await page.getByRole('button', { name: 'Move CD-ROM up' }).click();
    await page.locator('#hw-boot-save').click();
    await expect(page.getByTestId('hw-last-summary')).toBeVisible();
    expect(await configXml()).toMatch(/<boot dev='cdrom'\/>\s*<boot dev='hd'\/>/);
    await expect(page.locator('#hw-boot-order')).toContainText('1. CD-ROM');
    await page.locator('#vm-tab-xml').click();
    await page.locator('#vm-xml-inactive').check();
    await expect.poll(async () => ((await page.locator('#vm-xml').textContent()) ?? '').trim()).toBe(await configXml());
  });

  test('memory of a shut-off VM set for the next boot shows at once on the Hardware tab and the list', async ({ page }) => {
    await virsh(QEMU_URI, 'destroy', guest.name);
    await openHardware(page);
    await page.locator('#hw-mem-current').fill('64');
    await expect(page.locator('#hw-mem-apply-config')).toBeChecked();
    await page.locator('#hw-mem-save').click();
    await expect(page.locator('#hw-memory')).toContainText('64 MiB of at most 128 MiB');
    expect(await virsh(QEMU_URI, 'dominfo', guest.name)).toMatch(/Used memory:\s+65536 KiB/);
    await page.locator('#vm-back').click();
    await expect(page.locator(`[data-testid="vm-row"][data-vm-name="${guest.name}"]`).getByTestId('vm-memory')).toHaveText('64 MiB');
  });
});

// --- Unsafe one-click actions ----------------------------------------------------------------

test.describe('unsafe one-click actions', () => {
  test('Enter on the focused Shut down button of a running row shuts nothing down; Force off sits in its menu and asks first', async ({ page }) => {
    test.setTimeout(150_000);
    await startDemo();
    const powerRequests: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/vms\/[^/]+\/(shutdown|reboot|destroy)$/.test(r.url())) powerRequests.push(r.url());
    });
    await page.goto('/hosts/local/vms');
    await page.locator('#vm-filter').fill(DEMO);
    const row = page.locator(`[data-testid="vm-row"][data-vm-name="${DEMO}"]`);
    await expect(row).toHaveAttribute('data-state', 'running');
    await expect(row.getByRole('button', { name: 'Force off', exact: true })).toHaveCount(0);

    const shutDown = row.getByRole('button', { name: /^Shut down/ });
    await shutDown.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu', { name: 'Shut down' })).toBeVisible();
    await page.waitForTimeout(500);
    expect(powerRequests).toEqual([]);
    expect(await virsh(QEMU_URI, 'domstate', DEMO)).toBe('running');

    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(shutDown).toBeFocused();

    await shutDown.click();
    const forceOff = page.getByRole('menuitem', { name: /Force off/ });
    // Drawn on top of everything: no clipping by the row it belongs to.
    expect(await forceOff.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === el;
    })).toBe(true);
    await page.screenshot({ path: test.info().outputPath('shut-down-menu.png') });
    await forceOff.click();
    const dialog = page.locator('#confirm-force-off');
    await expect(dialog).toContainText(`Force off “${DEMO}”?`);
    await expect(dialog).toContainText('is lost');
    expect(powerRequests).toEqual([]);
    await dialog.getByTestId('confirm-ok').click();
    await expect(row).toHaveAttribute('data-state', 'shutoff');
    expect(await virsh(QEMU_URI, 'domstate', DEMO)).toBe('shut off');
    expect(powerRequests).toHaveLength(1);
  });

  test('deleting a network names the running VMs on it and says they lose connectivity; Cancel keeps it', async ({ page }) => {
    test.setTimeout(150_000);
    await startDemo();
    expect(await virsh(QEMU_URI, 'domiflist', DEMO)).toMatch(/network\s+default/);
    await page.goto('/hosts/local/networks');
    await page.locator('#network-default-delete').click();
    const dialog = page.locator('#network-default-delete-dialog');
    const demo = dialog.getByTestId('confirm-affected-vm').filter({ hasText: DEMO });
    await expect(demo).toHaveAttribute('data-running', 'true');
    await expect(demo).toContainText('loses its network connection');
    await dialog.getByTestId('confirm-cancel').click();
    await expect(dialog).toHaveCount(0);
    expect(await virsh(QEMU_URI, 'net-info', 'default')).toMatch(/Active:\s+yes/);
  });

  test('removing a stopped pool names the VMs with disks in it', async ({ page }) => {
    const pool = uniqueName('e2e-first');
    const dir = await mkdtemp(join(tmpdir(), `${pool}-`));
    const vm = `${pool}-vm`;
    try {
      await virsh(QEMU_URI, 'pool-define-as', pool, 'dir', '--target', dir);
      await virsh(QEMU_URI, 'pool-start', pool);
      await virsh(QEMU_URI, 'vol-create-as', pool, 'disk.img', '1M', '--format', 'raw');
      const xmlDir = await mkdtemp(join(tmpdir(), 'virtdeck-e2e-'));
      await writeFile(join(xmlDir, 'vm.xml'), testGuestXml({ name: vm, disk: { path: join(dir, 'disk.img'), format: 'raw' }, serialLogPath: null }));
      await virsh(QEMU_URI, 'define', join(xmlDir, 'vm.xml'));
      await rm(xmlDir, { recursive: true, force: true });
      await virsh(QEMU_URI, 'pool-destroy', pool);

      await page.goto(`/hosts/local/storage/${pool}`);
      await page.locator(`#pool-${pool}-undefine`).click();
      const dialog = page.locator('#pool-undefine-dialog');
      const user = dialog.getByTestId('confirm-affected-vm');
      await expect(user).toHaveCount(1);
      await expect(user).toContainText(vm);
      await expect(user).toHaveAttribute('data-running', 'false');
      await dialog.getByTestId('confirm-cancel').click();
      expect(await virsh(QEMU_URI, 'pool-info', pool)).toMatch(/State:\s+inactive/);
    } finally {
      await virshOrNull(QEMU_URI, 'undefine', vm);
      await virshOrNull(QEMU_URI, 'pool-destroy', pool);
      await virshOrNull(QEMU_URI, 'pool-undefine', pool);
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { TEST_VIRSH_URI, virsh, virshOrNull } from '../test/helpers/virsh.js';
import { EDGE_CRASHED } from './edge-host.js';

const dir = mkdtempSync(join(tmpdir(), 'vt-e2e-edge-'));
const suffix = randomBytes(4).toString('hex');
const pageState = (page: Page) => page.locator('#vm-state [data-state]');

function transientXml(name: string, uuid: string): string {
  return `<domain type='test'><name>${name}</name><uuid>${uuid}</uuid><memory unit='MiB'>128</memory><os><type arch='x86_64'>hvm</type></os></domain>`;
}

async function createTransient(tag: string): Promise<{ name: string; uuid: string }> {
  const name = `vt-e2e-${tag}-${suffix}`;
  const uuid = `${randomBytes(4).toString('hex')}-9999-4222-8333-${randomBytes(6).toString('hex')}`;
  const file = join(dir, `${tag}.xml`);
  writeFileSync(file, transientXml(name, uuid));
  await virsh(TEST_VIRSH_URI, 'create', file);
  return { name, uuid };
}

const created: string[] = [];

test.describe.configure({ mode: 'serial' });

test.afterAll(async () => {
  for (const uuid of created) {
    await virshOrNull(TEST_VIRSH_URI, 'destroy', uuid);
    await virshOrNull(TEST_VIRSH_URI, 'undefine', uuid);
  }
  rmSync(dir, { recursive: true, force: true });
});

test('a crashed VM offers Force off and Reboot instead of Start, and starts again once forced off', async ({ page }) => {
  await page.goto('/hosts/edge/vms');
  const row = page.locator(`[data-testid="vm-row"][data-vm-name="${EDGE_CRASHED.name}"]`);
  await expect(row).toHaveAttribute('data-state', 'crashed');
  await row.getByTestId('vm-link').click();
  await expect(page.locator('#vm-name')).toHaveText(EDGE_CRASHED.name);
  await expect(pageState(page)).toHaveAttribute('data-state', 'crashed');

  await expect(page.locator('#vm-action-start')).toHaveCount(0);
  await expect(page.locator('#vm-action-crashed-hint')).toContainText('Force it off, then start it again');
  // Reboot and Force off are items of the Shut down menu.
  await page.locator('#vm-action-power').click();
  await expect(page.locator('#vm-action-reboot')).toBeEnabled();
  await expect(page.locator('#vm-action-destroy')).toBeEnabled();

  await page.locator('#vm-action-destroy').click();
  const dialog = page.locator('#confirm-force-off');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('confirm-ok').click();
  await expect(pageState(page)).toHaveAttribute('data-state', 'shutoff');
  await expect(page.locator('#vm-action-crashed-hint')).toHaveCount(0);

  await page.locator('#vm-action-start').click();
  await expect(pageState(page)).toHaveAttribute('data-state', 'running');
});

test('a transient VM says it disappears when stopped; Force off ends on a page and a list that say it is gone', async ({ page }) => {
  const vm = await createTransient('transient');
  created.push(vm.uuid);
  await page.goto(`/hosts/test/vms/${vm.uuid}`);
  await expect(page.locator('#vm-name')).toHaveText(vm.name);
  await expect(page.locator('#vm-transient')).toContainText('disappears');
  await expect(pageState(page)).toHaveAttribute('data-state', 'running');

  await page.locator('#vm-action-power').click();
  await page.locator('#vm-action-destroy').click();
  await page.locator('#confirm-force-off').getByTestId('confirm-ok').click();
  await expect(page.locator('#vm-gone')).toContainText(`“${vm.name}” stopped and is gone`);
  await expect(page.locator('#vm-name')).toHaveCount(0);
  await expect(page.locator('#vm-action-error')).toHaveCount(0);
  expect(await virshOrNull(TEST_VIRSH_URI, 'dominfo', vm.uuid)).toBeNull();

  await page.locator('#vm-back').click();
  await expect(page.locator(`[data-testid="vm-gone"][data-vm-name="${vm.name}"]`)).toContainText('stopped and is gone');
  await expect(page.locator(`[data-testid="vm-row"][data-vm-name="${vm.name}"]`)).toHaveCount(0);
});

test('a transient VM stopped from virsh drops out of the open list with a note', async ({ page }) => {
  const vm = await createTransient('elsewhere');
  created.push(vm.uuid);
  await page.goto('/hosts/test/vms');
  await expect(page.locator(`[data-testid="vm-row"][data-vm-name="${vm.name}"]`)).toBeVisible();
  await expect(page.locator('#connection-indicator')).toHaveAttribute('data-state', 'connected');
  await virsh(TEST_VIRSH_URI, 'destroy', vm.uuid);
  await expect(page.locator(`[data-testid="vm-row"][data-vm-name="${vm.name}"]`)).toHaveCount(0);
  await expect(page.locator(`[data-testid="vm-gone"][data-vm-name="${vm.name}"]`)).toBeVisible();
});

test('Make persistent defines a transient VM from its live XML', async ({ page }) => {
  const vm = await createTransient('keep');
  created.push(vm.uuid);
  await page.goto(`/hosts/test/vms/${vm.uuid}`);
  await expect(page.locator('#vm-make-persistent')).toHaveAttribute('title', /dumpxml --inactive --security-info .* \| virsh .* define \/dev\/stdin/);
  await page.locator('#vm-make-persistent').click();
  await expect(page.locator('#vm-transient')).toHaveCount(0);
  expect(await virsh(TEST_VIRSH_URI, 'dominfo', vm.uuid)).toMatch(/Persistent:\s+yes/);
  await virsh(TEST_VIRSH_URI, 'destroy', vm.uuid);
  await expect(pageState(page)).toHaveAttribute('data-state', 'shutoff');
  expect(await virsh(TEST_VIRSH_URI, 'domstate', vm.uuid)).toBe('shut off');
});

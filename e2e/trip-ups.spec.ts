/**
 * Issue 23's acceptance: the New VM review's MAC is the MAC created, a guest that ignores ACPI
 * shows "did not respond" with Force off, a backing volume is not deleted from under its overlay,
 * and "Discard saved state" removes the managed-save image. Deterministic cases use the test
 * driver (host `test`); the shutdown uses the real test guest.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createTestGuest, TEST_GUEST_BANNER, waitForFileText, type TestGuest } from '../test/helpers/guest.js';
import { QEMU_URI, TEST_VIRSH_URI, virsh, virshOrNull } from '../test/helpers/virsh.js';
import { sameOrigin } from './api.js';

const tag = randomBytes(4).toString('hex');
const made: string[] = [];
const TEST_POOL = 'default-pool';

async function defineTestVm(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vt-e2e-'));
  try {
    const file = join(dir, 'd.xml');
    await writeFile(file, `<domain type='test'><name>${name}</name><memory unit='MiB'>64</memory><os><type>hvm</type></os></domain>`);
    await virsh(TEST_VIRSH_URI, 'define', file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  made.push(name);
  return virsh(TEST_VIRSH_URI, 'domuuid', name);
}

const macsOf = async (uri: string, name: string): Promise<string[]> =>
  [...(await virsh(uri, 'domiflist', name)).matchAll(/([0-9a-f]{2}(?::[0-9a-f]{2}){5})/g)].map((m) => m[1] ?? '');

test.afterAll(async () => {
  for (const name of made) {
    await virshOrNull(TEST_VIRSH_URI, 'destroy', name);
    await virshOrNull(TEST_VIRSH_URI, 'undefine', name, '--managed-save');
  }
  for (const vol of [`vt-e2e-${tag}-top.qcow2`, `vt-e2e-${tag}-base.qcow2`]) await virshOrNull(TEST_VIRSH_URI, 'vol-delete', '--pool', TEST_POOL, vol);
});

test('the MAC on the review step equals virsh domiflist after Create, and the clone preview MAC equals the clone’s; memory above the host is blocked, Back keeps later steps', async ({ page }) => {
  const name = `vt-e2e-${tag}-mac`;
  made.push(name, `${name}-c`);
  await page.goto('/hosts/test/vms');
  await page.locator('#vm-new').click();
  await page.locator('#new-vm-source-pxe').check();
  await page.locator('#new-vm-next').click();
  await page.locator('#new-vm-next').click();

  // Memory: 99999999 MiB is an error of the step, with the host's figure; Next does not leave it.
  await page.locator('#new-vm-memory').fill('99999999');
  await expect(page.locator('#new-vm-next')).toBeDisabled();
  await expect(page.locator('#new-vm-step')).toHaveAttribute('data-step', 'resources');
  await expect(page.locator('#new-vm-messages [data-kind="error"]').last()).toContainText(/Memory must be at most \d+ MiB: the host has/);
  await page.locator('#new-vm-memory').fill('64');
  await page.locator('#new-vm-next').click();
  await page.locator('#new-vm-storage-none').check();
  await page.locator('#new-vm-next').click();
  await page.locator('#new-vm-net-network').check();
  await page.locator('#new-vm-next').click();

  // Back twice: the steps already filled in stay reachable.
  await page.locator('#new-vm-back').click();
  await page.locator('#new-vm-back').click();
  await expect(page.locator('#new-vm-step-network')).toBeEnabled();
  await expect(page.locator('#new-vm-step-review')).toBeEnabled();
  await page.locator('#new-vm-step-review').click();

  await page.locator('#new-vm-name').fill(name);
  await page.locator('#new-vm-start').uncheck();
  const mac = page.locator('#new-vm-mac');
  await expect(mac).toHaveText(/^52:54:00(:[0-9a-f]{2}){3}$/);
  const shown = (await mac.textContent()) ?? '';
  await expect(page.locator('#new-vm-virt-install')).toContainText(`mac=${shown}`);
  // Another dry run (a changed field) keeps the MAC shown.
  await page.locator('#new-vm-graphics').selectOption('none');
  await expect(page.locator('#new-vm-virt-install')).not.toContainText('--graphics vnc');
  await expect(mac).toHaveText(shown);
  await page.locator('#new-vm-create').click();
  await expect(page.locator('#vm-name')).toHaveText(name, { timeout: 30_000 });
  expect(await macsOf(TEST_VIRSH_URI, name)).toEqual([shown]);

  // Clone: the preview names the MAC the clone gets.
  await page.locator('#vm-action-clone').click();
  await page.locator('#clone-name').fill(`${name}-c`);
  const cloneMac = page.locator('[data-testid="clone-mac"]');
  await expect(cloneMac).toHaveText(/^52:54:00(:[0-9a-f]{2}){3}$/);
  const previewed = (await cloneMac.textContent()) ?? '';
  expect(previewed).not.toBe(shown);
  await page.locator('#clone-ok').click();
  await expect(page.locator('#vm-name')).toHaveText(`${name}-c`, { timeout: 30_000 });
  expect(await macsOf(TEST_VIRSH_URI, `${name}-c`)).toEqual([previewed]);
});

test.describe('a guest that ignores ACPI', () => {
  let guest: TestGuest | undefined;
  test.afterAll(async () => guest?.cleanup());

  test('shows "shutting down…" with the elapsed time, then "did not respond" with Force off offered (and confirmed)', async ({ page }) => {
    test.setTimeout(180_000);
    guest = await createTestGuest({ prefix: 'e2e-noacpi', start: true, ignoreAcpi: true });
    await waitForFileText(guest.serialLogPath ?? '', TEST_GUEST_BANNER, 120_000);
    // A short timeout for the test (the default is 60 s); the page reads it from the browser's storage.
    await page.addInitScript(() => localStorage.setItem('virtdeck.shutdownTimeoutSeconds', '6'));
    await page.goto(`/hosts/local/vms/${guest.uuid}`);
    await expect(page.locator('#vm-state [data-state]')).toHaveAttribute('data-state', 'running');
    await page.locator('#vm-action-power').click();
    await page.locator('#vm-action-shutdown').click();
    await page.locator('#confirm-shutdown [data-testid="confirm-ok"]').click();
    const pending = page.locator('#vm-action-power-request-pending');
    await expect(pending).toContainText('Shutting down…');
    await expect(pending.locator('[data-testid="power-elapsed"]')).toHaveText(/^[1-5] s$/);
    const noResponse = page.locator('#vm-action-power-request-no-response');
    await expect(noResponse).toContainText(`${guest.name} did not respond to the shut down request`, { timeout: 20_000 });
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('running');
    // Wait longer starts the clock again; Force off asks first.
    await page.locator('#vm-action-power-request-wait').click();
    await expect(pending).toBeVisible();
    await expect(noResponse).toBeVisible({ timeout: 20_000 });
    await page.locator('#vm-action-power-request-force-off').click();
    await expect(page.locator('#confirm-force-off')).toContainText('cuts the power at once');
    await page.locator('#confirm-force-off [data-testid="confirm-ok"]').click();
    await expect(page.locator('#vm-state [data-state]')).toHaveAttribute('data-state', 'shutoff', { timeout: 20_000 });
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('shut off');
    await expect(noResponse).toHaveCount(0);
  });
});

test('deleting a backing volume is refused with the dependant named; virsh vol-list unchanged', async ({ page, request, baseURL }) => {
  const headers = sameOrigin(baseURL);
  const base = `vt-e2e-${tag}-base.qcow2`;
  const top = `vt-e2e-${tag}-top.qcow2`;
  const api = `/api/v1/hosts/test/pools/${TEST_POOL}/volumes`;
  expect((await request.post(api, { data: { name: base, capacityBytes: 8 * 1024 * 1024, format: 'qcow2' }, headers })).status()).toBe(201);
  expect((await request.post(api, { data: { name: top, capacityBytes: 8 * 1024 * 1024, format: 'qcow2', backingVolume: base }, headers })).status()).toBe(201);
  const before = await virsh(TEST_VIRSH_URI, 'vol-list', TEST_POOL);

  await page.goto(`/hosts/test/storage/${TEST_POOL}`);
  await page.locator(`#volume-delete-${base.replace(/\./g, '\\.')}`).click();
  const dialog = page.locator('#volume-delete-dialog');
  await expect(dialog.locator('[data-testid="backing-dependant"]')).toHaveAttribute('data-volume', `${TEST_POOL}/${top}`);
  await expect(dialog).toContainText('is the backing file of another volume');
  // Refused by default: the delete needs the explicit "delete anyway".
  await expect(dialog.locator('[data-testid="confirm-ok"]')).toBeDisabled();
  await dialog.locator('[data-testid="confirm-cancel"]').click();
  expect(await virsh(TEST_VIRSH_URI, 'vol-list', TEST_POOL)).toBe(before);
  // The API refuses too, naming the overlay.
  const refused = await request.delete(`${api}/${base}`, { headers });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(top);
  expect(await virsh(TEST_VIRSH_URI, 'vol-list', TEST_POOL)).toBe(before);
});

test('a saved state shows in the list and on the VM page; "Discard saved state" leaves virsh dominfo with "Managed save: no"', async ({ page }) => {
  const name = `vt-e2e-${tag}-saved`;
  const uuid = await defineTestVm(name);
  await virsh(TEST_VIRSH_URI, 'start', name);
  await virsh(TEST_VIRSH_URI, 'managedsave', name);
  expect(await virsh(TEST_VIRSH_URI, 'dominfo', name)).toMatch(/Managed save:\s+yes/);

  await page.goto('/hosts/test/vms');
  await expect(page.locator(`[data-testid="vm-row"][data-vm-name="${name}"] [data-testid="vm-state"]`)).toContainText('Saved');
  await page.goto(`/hosts/test/vms/${uuid}`);
  await expect(page.locator('#vm-saved-note')).toContainText('Start restores it');
  await expect(page.locator('#vm-action-start')).toHaveText('Start (restore)');
  await page.locator('#vm-action-discard-saved').click();
  const dialog = page.locator('#confirm-discard-saved');
  await expect(dialog).toContainText('The saved memory is deleted');
  await dialog.locator('[data-testid="confirm-ok"]').click();
  await expect(page.locator('#vm-saved-state')).toHaveCount(0);
  await expect(page.locator('#vm-action-start')).toHaveText('Start');
  expect(await virsh(TEST_VIRSH_URI, 'dominfo', name)).toMatch(/Managed save:\s+no/);
});

import { expect, test } from '@playwright/test';
import { createTestGuest, type TestGuest } from '../test/helpers/guest.js';
import { QEMU_URI, virsh, virshOrNull } from '../test/helpers/virsh.js';

let guest: TestGuest;
let volume: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  guest = await createTestGuest({ prefix: 'e2e-hw', disk: 'qcow2', start: true });
  volume = `${guest.name}-disk2.qcow2`;
  await guest.waitForBanner(60_000);
});

test.afterAll(async () => {
  await guest?.cleanup();
  if ((await virshOrNull(QEMU_URI, 'vol-info', '--pool', 'virtdeck', volume)) !== null) await virshOrNull(QEMU_URI, 'vol-delete', '--pool', 'virtdeck', volume);
});

const blkTargets = async (): Promise<string[]> =>
  (await virsh(QEMU_URI, 'domblklist', guest.name)).split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter((t) => t !== '');

test('hot-add a disk from the Hardware tab of a running guest; virsh domblklist shows it', async ({ page }) => {
  test.setTimeout(90_000);
  await expect
    .poll(async () => ((await (await page.request.get('/api/v1/hosts')).json()) as { hosts: { id: string; state: string }[] }).hosts.find((h) => h.id === 'local')?.state)
    .toBe('connected');
  await page.goto(`/hosts/local/vms/${guest.uuid}/hardware`);
  await expect(page.locator('#hw-disk-vda')).toBeVisible();
  expect(await blkTargets()).toEqual(['vda']);

  await page.locator('#hw-disk-add').click();
  const dialog = page.locator('#disk-add-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.locator('#disk-name')).toHaveValue(volume);
  await expect(page.locator('#disk-pool')).toHaveValue('virtdeck');
  await expect(page.locator('#disk-apply-both')).toBeChecked();
  await page.locator('#disk-add-virsh-toggle').click();
  await expect(page.locator('#disk-add-virsh')).toContainText(`virsh attach-disk ${guest.name} /var/lib/virtdeck/images/${volume} vdb --targetbus virtio --driver qemu --subdriver qcow2 --live --config`);
  await page.locator('#disk-add-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  await expect(page.locator('#hw-disk-vdb')).toContainText('Now and at next boot');
  await expect(page.getByTestId('hw-last-summary')).toContainText('applies now and at next boot');
  await expect(page.getByTestId('hw-last-virsh')).toContainText(`attach-disk ${guest.name}`);
  expect(await blkTargets()).toEqual(['vda', 'vdb']);
  expect(await virsh(QEMU_URI, 'domblklist', guest.name)).toContain(volume);

  await page.locator('#hw-disk-vdb-detach').click();
  await page.locator('#hw-disk-confirm').getByTestId('confirm-ok').click();
  await expect(page.locator('#hw-disk-vdb')).toHaveCount(0, { timeout: 20_000 });
  await expect.poll(blkTargets, { timeout: 20_000 }).toEqual(['vda']);
});

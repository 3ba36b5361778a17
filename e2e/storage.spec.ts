import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { QEMU_URI, virsh, virshOrNull } from '../test/helpers/virsh.js';

const suffix = randomBytes(4).toString('hex');
const pool = `vt-storage-e2e-${suffix}`;
const root = `/var/lib/virtdeck/test-pools/vt-e2e-${suffix}`;
const target = join(root, 'pool');

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  mkdirSync(root, { recursive: true });
});

test.afterAll(async () => {
  await virshOrNull(QEMU_URI, 'pool-destroy', pool);
  await virshOrNull(QEMU_URI, 'pool-delete', pool);
  await virshOrNull(QEMU_URI, 'pool-undefine', pool);
  rmSync(root, { recursive: true, force: true });
});

test('the wizard creates a dir pool from nothing: type → source → target → review → create', async ({ page }) => {
  await page.goto('/hosts/local/storage');
  await page.locator('#pool-new').click();
  const wizard = page.locator('#pool-wizard');
  await expect(wizard).toBeVisible();

  // 1 type: a bad name is refused as it is typed, with the reason.
  await page.locator('#pool-wizard-name').fill('../evil');
  await expect(page.locator('#pool-wizard-name-error')).toContainText('must not contain "/"');
  await page.locator('#pool-wizard-name').fill(pool);
  await expect(page.locator('#pool-wizard-name-error')).toHaveCount(0);
  await page.locator('#pool-wizard-type-dir').check();
  await page.locator('#pool-wizard-next').click();

  // 2 source: a dir pool needs none.
  await expect(page.locator('#pool-wizard-step-source')).toHaveAttribute('aria-current', 'step');
  await expect(page.locator('#pool-wizard-no-source')).toBeVisible();
  await page.locator('#pool-wizard-next').click();

  // 3 target and options.
  await page.locator('#pool-wizard-target').fill('relative/path');
  await expect(page.locator('#pool-wizard-target-error')).toContainText('absolute');
  await page.locator('#pool-wizard-target').fill(target);
  await expect(page.locator('#pool-wizard-build')).toBeChecked();
  await expect(page.locator('#pool-wizard-start')).toBeChecked();
  await expect(page.locator('#pool-wizard-autostart')).toBeChecked();
  await page.locator('#pool-wizard-next').click();

  // 4 review: the server's XML and the virsh command.
  await expect(page.locator('#pool-wizard-xml')).toContainText(`<name>${pool}</name>`);
  await expect(page.locator('#pool-wizard-xml')).toContainText(`<path>${target}</path>`);
  await expect(page.locator('#pool-wizard-virsh')).toContainText(`virsh pool-define-as --name ${pool} --type dir --target ${target}`);
  await expect(page.locator('#pool-wizard-virsh')).toContainText(`virsh pool-autostart ${pool}`);
  await page.locator('#pool-wizard-create').click();

  await expect(wizard).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/hosts/local/storage/${pool}$`));
  await expect(page.locator('#pool-panel-name')).toHaveText(pool);
  await expect(page.locator(`#pool-row-${pool} [data-testid=pool-state]`)).toHaveText('active');
  await expect(page.locator(`#pool-row-${pool} [data-testid=pool-autostart]`)).toHaveText('yes');

  const list = await virsh(QEMU_URI, 'pool-list', '--all');
  const row = list.split('\n').find((l) => l.trim().startsWith(`${pool} `));
  expect(row?.trim().split(/\s+/)).toEqual([pool, 'active', 'yes']);
});

test('a qcow2 volume created from the UI shows in virsh vol-list', async ({ page }) => {
  await page.goto(`/hosts/local/storage/${pool}`);
  await expect(page.locator('#volume-empty')).toBeVisible();
  const meter = page.locator(`#pool-capacity-${pool} [role=meter]`);
  const usedBefore = await meter.getAttribute('aria-valuenow');
  await page.locator('#volume-create').click();
  await page.locator('#volume-create-name').fill('test.qcow2');
  await page.locator('#volume-create-format').selectOption('qcow2');
  await page.locator('#volume-create-size').fill('0');
  await expect(page.locator('#volume-create-size-error')).toContainText('greater than zero');
  await page.locator('#volume-create-size').fill('64');
  await page.locator('#volume-create-size-unit').selectOption('MiB');
  await page.locator('#volume-create-prealloc').selectOption('metadata');
  await page.locator('#volume-create-virsh-toggle').click();
  await expect(page.locator('#volume-create-virsh')).toHaveText(`virsh vol-create-as --pool ${pool} --name test.qcow2 --capacity 67108864b --format qcow2 --prealloc-metadata`);
  await page.locator('#volume-create-submit').click();
  await expect(page.locator('#volume-create-dialog')).toBeHidden();

  const row = page.locator('#volume-row-test\\.qcow2');
  await expect(row.locator('[data-testid=volume-format]')).toHaveText('qcow2');
  await expect(row.locator('[data-testid=volume-capacity]')).toHaveText('64 MiB');
  expect(await virsh(QEMU_URI, 'vol-list', pool)).toContain('test.qcow2');
  // The pool's capacity bar follows (metadata preallocation took space) without a reload.
  await expect(meter).not.toHaveAttribute('aria-valuenow', usedBefore ?? '');
});

test('an upload from the browser shows progress up to 100% and lands in the volume', async ({ page }) => {
  const content = randomBytes(6 * 1024 * 1024);
  await page.goto(`/hosts/local/storage/${pool}`);
  await page.locator('#volume-upload-new').click();
  await page.locator('#volume-upload-file').setInputFiles({ name: 'disk image.img', mimeType: 'application/octet-stream', buffer: content });
  await expect(page.locator('#volume-upload-name')).toHaveValue('disk_image.img');
  await page.locator('#volume-upload-start').click();
  await expect(page.locator('#volume-upload-percent')).toContainText('100%', { timeout: 30_000 });
  await expect(page.locator('#volume-upload-progress')).toHaveAttribute('aria-valuenow', '100');
  await expect(page.locator('#volume-upload-percent')).toContainText('stored in the volume');
  await page.locator('#volume-upload-close').click();
  await expect(page.locator('#volume-row-disk_image\\.img')).toBeVisible();

  expect(await virsh(QEMU_URI, 'vol-list', pool)).toContain('disk_image.img');
  const onDisk = readFileSync(join(target, 'disk_image.img'));
  expect(createHash('sha256').update(onDisk).digest('hex')).toBe(createHash('sha256').update(content).digest('hex'));

  // And back: the browser's download of the volume holds the same bytes.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#volume-download-disk_image\\.img').click()]);
  expect(download.suggestedFilename()).toBe('disk_image.img');
  const saved = readFileSync(await download.path());
  expect(createHash('sha256').update(saved).digest('hex')).toBe(createHash('sha256').update(content).digest('hex'));
});

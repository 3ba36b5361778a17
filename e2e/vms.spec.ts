import { expect, test, type Page } from '@playwright/test';
import { QEMU_URI, virsh, virshOrNull } from '../test/helpers/virsh.js';

const DEMO = 'virtdeck-demo';
const domstate = () => virsh(QEMU_URI, 'domstate', DEMO);

async function ensureShutOff(): Promise<void> {
  if ((await virshOrNull(QEMU_URI, 'domstate', DEMO)) !== 'shut off') await virshOrNull(QEMU_URI, 'destroy', DEMO);
  await virshOrNull(QEMU_URI, 'autostart', '--disable', DEMO);
}

async function openDemo(page: Page): Promise<void> {
  await page.goto('/hosts/local/vms');
  const row = page.locator(`[data-testid="vm-row"][data-vm-name="${DEMO}"]`);
  await expect(row).toBeVisible();
  await row.getByTestId('vm-link').click();
  await expect(page.locator('#vm-name')).toHaveText(DEMO);
}

const pageState = (page: Page) => page.locator('#vm-state [data-state]');

test.describe.configure({ mode: 'serial' });

test.beforeAll(ensureShutOff);
test.afterAll(ensureShutOff);

test('the list shows the demo VM as virsh does', async ({ page }) => {
  await page.goto('/hosts/local/vms');
  const row = page.locator(`[data-testid="vm-row"][data-vm-name="${DEMO}"]`);
  await expect(row).toHaveAttribute('data-state', 'shutoff');
  await expect(row.getByTestId('vm-vcpus')).toHaveText('1');
  await expect(row.getByTestId('vm-memory')).toHaveText('128 MiB');
  expect(await virsh(QEMU_URI, 'list', '--all', '--name')).toContain(DEMO);
});

test('start, pause, resume and force off from the page change virsh domstate', async ({ page }) => {
  await openDemo(page);
  await expect(pageState(page)).toHaveAttribute('data-state', 'shutoff');
  await expect(page.locator('#vm-action-resume')).toBeDisabled();

  await page.locator('#vm-action-start').click();
  await expect(pageState(page)).toHaveAttribute('data-state', 'running');
  expect(await domstate()).toBe('running');

  await page.locator('#vm-action-suspend').click();
  await expect(pageState(page)).toHaveAttribute('data-state', 'paused');
  expect(await domstate()).toBe('paused');

  await page.locator('#vm-action-resume').click();
  await expect(pageState(page)).toHaveAttribute('data-state', 'running');
  expect(await domstate()).toBe('running');

  await page.locator('#vm-action-virsh-toggle').click();
  await expect(page.locator('#vm-action-virsh code[data-action="destroy"]')).toHaveText(`virsh -c qemu:///system destroy '${DEMO}'`);

  await page.locator('#vm-action-power').click();
  await page.locator('#vm-action-destroy').click();
  const dialog = page.locator('#confirm-force-off');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('is lost');
  await expect(dialog.getByTestId('virsh-command')).toHaveText(`virsh -c qemu:///system destroy '${DEMO}'`);
  await dialog.getByTestId('confirm-ok').click();
  await expect(pageState(page)).toHaveAttribute('data-state', 'shutoff');
  expect(await domstate()).toBe('shut off');
});

test('virsh start and destroy in a terminal show up within 1 s without reload', async ({ page }) => {
  await openDemo(page);
  await expect(pageState(page)).toHaveAttribute('data-state', 'shutoff');
  await expect(page.locator('#connection-indicator')).toHaveAttribute('data-state', 'connected');
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => navigations.push(frame.url()));

  await virsh(QEMU_URI, 'start', DEMO);
  await expect(pageState(page)).toHaveAttribute('data-state', 'running', { timeout: 1000 });
  await virsh(QEMU_URI, 'destroy', DEMO);
  await expect(pageState(page)).toHaveAttribute('data-state', 'shutoff', { timeout: 1000 });

  await page.locator('#vm-back').click();
  const row = page.locator(`[data-testid="vm-row"][data-vm-name="${DEMO}"]`);
  await expect(row).toHaveAttribute('data-state', 'shutoff');
  await virsh(QEMU_URI, 'start', DEMO);
  await expect(row).toHaveAttribute('data-state', 'running', { timeout: 1000 });
  await virsh(QEMU_URI, 'destroy', DEMO);
  await expect(row).toHaveAttribute('data-state', 'shutoff', { timeout: 1000 });
  // Only the in-app link was followed: no reload.
  expect(navigations.filter((u) => !u.includes('/vms'))).toEqual([]);
});

test('the autostart toggle is what virsh dominfo reports', async ({ page }) => {
  await openDemo(page);
  const toggle = page.locator('#vm-autostart-toggle');
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(toggle).toBeChecked();
  await expect.poll(async () => (await virsh(QEMU_URI, 'dominfo', DEMO)).match(/Autostart:\s+(\S+)/)?.[1]).toBe('enable');
  await toggle.uncheck();
  await expect(toggle).not.toBeChecked();
  await expect.poll(async () => (await virsh(QEMU_URI, 'dominfo', DEMO)).match(/Autostart:\s+(\S+)/)?.[1]).toBe('disable');
});

test('the XML tab shows exactly what virsh dumpxml prints', async ({ page }) => {
  await openDemo(page);
  await page.locator('#vm-tab-xml').click();
  await expect(page).toHaveURL(/\/xml$/);
  const xml = page.locator('#vm-xml');
  await expect(xml).toBeVisible();
  expect(((await xml.textContent()) ?? '').trim()).toBe(await virsh(QEMU_URI, 'dumpxml', DEMO));
  await page.locator('#vm-xml-inactive').check();
  await expect.poll(async () => ((await xml.textContent()) ?? '').trim()).toBe(await virsh(QEMU_URI, 'dumpxml', '--inactive', DEMO));
});

test('keyboard: arrows move through the list and Enter opens the VM', async ({ page }) => {
  await page.goto('/hosts/local/vms');
  await page.locator('#vm-filter').fill(DEMO);
  await expect(page.locator('[data-testid="vm-row"]')).toHaveCount(1);
  await page.locator('#vm-list').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.locator('#vm-name')).toHaveText(DEMO);
});

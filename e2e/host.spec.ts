import { expect, test } from '@playwright/test';
import { QEMU_URI, virsh } from '../test/helpers/virsh.js';

test('the Host page shows the hostname and libvirt version virsh reports', async ({ page }) => {
  const hostname = await virsh(QEMU_URI, 'hostname');
  const version = await virsh(QEMU_URI, 'version');
  const libvirtVersion = /Using library: libvirt (\S+)/.exec(version)?.[1];
  expect(libvirtVersion).toBeDefined();

  await page.goto('/');
  await expect(page).toHaveURL(/\/hosts\/local\/vms$/);
  await page.locator('#nav-host').click();
  await expect(page).toHaveURL(/\/hosts\/local\/host$/);
  await expect(page.locator('#host-hostname')).toHaveText(hostname);
  await expect(page.locator('#host-libvirt-version')).toHaveText(libvirtVersion ?? '');
  const hypervisor = /Running hypervisor: (.+)/.exec(version)?.[1]?.trim();
  await expect(page.locator('#host-hypervisor')).toHaveText(hypervisor ?? '');
  await expect(page.locator('#connection-indicator')).toHaveAttribute('data-state', 'connected');
});

test('the theme toggle switches and is remembered', async ({ page }) => {
  await page.goto('/hosts/local/host');
  const html = page.locator('html');
  const wasDark = ((await html.getAttribute('class')) ?? '').includes('dark');
  await page.locator('#theme-toggle').click();
  await expect(html).toHaveClass(wasDark ? /^(?!.*dark)/ : /dark/);
  await page.reload();
  await expect(html).toHaveClass(wasDark ? /^(?!.*dark)/ : /dark/);
});

test('the host selector switches to the test driver host', async ({ page }) => {
  await page.goto('/hosts/local/host');
  await page.locator('#host-selector').selectOption('test');
  await expect(page).toHaveURL(/\/hosts\/test\/host$/);
  await expect(page.locator('#host-hypervisor')).toContainText('TEST');
});

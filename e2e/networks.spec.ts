import { expect, test } from '@playwright/test';
import { uniqueName } from '../test/helpers/guest.js';
import { QEMU_URI, virsh, virshOrNull } from '../test/helpers/virsh.js';
import { freeSubnets } from '../server/networks/test-subnets.test-helpers.js';

const name = uniqueName('e2e-net');

test.afterAll(async () => {
  await virshOrNull(QEMU_URI, 'net-destroy', name);
  await virshOrNull(QEMU_URI, 'net-undefine', name);
});

test('create a NAT network from the Networks page; virsh net-list shows it active; delete it', async ({ page }) => {
  test.setTimeout(90_000);
  await expect
    .poll(async () => ((await (await page.request.get('/api/v1/hosts')).json()) as { hosts: { id: string; state: string }[] }).hosts.find((h) => h.id === 'local')?.state)
    .toBe('connected');
  const [prefix] = await freeSubnets(1);
  await page.goto('/hosts/local/networks');
  await expect(page.locator('#network-default')).toBeVisible();

  await page.locator('#network-create').click();
  const dialog = page.locator('#network-create-dialog');
  await expect(dialog).toBeVisible();
  await page.locator('#network-name').fill(name);
  // as-you-type: an address inside the default network is refused before anything is sent
  await page.locator('#network-address').fill('192.168.122.50');
  await expect(dialog.getByTestId('field-error').first()).toContainText('overlaps network "default"');
  await page.locator('#network-address').fill(`${prefix}.1`);
  await expect(page.locator('#network-dhcp-start')).toHaveValue(`${prefix}.100`);
  await page.locator('#network-dhcp-end').fill(`${prefix}.300`);
  await expect(dialog.getByTestId('field-error')).toContainText('not an IPv4 address');
  await page.locator('#network-dhcp-end').fill(`${prefix}.199`);
  await expect(dialog.getByTestId('field-error')).toHaveCount(0);
  await page.locator('#network-create-virsh-toggle').click();
  await expect(page.locator('#network-create-virsh')).toHaveText(`virsh net-define ${name}.xml && virsh net-start ${name}`);
  await page.locator('#network-create-submit').click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });

  const row = page.locator(`#network-${name}`);
  await expect(row.getByTestId('network-state')).toHaveText('active');
  const list = await virsh(QEMU_URI, 'net-list', '--all');
  expect(list).toMatch(new RegExp(`^\\s*${name}\\s+active\\s+no\\s+yes\\s*$`, 'm'));
  expect(await virsh(QEMU_URI, 'net-dumpxml', name)).toContain(`<range start='${prefix}.100' end='${prefix}.199'/>`);

  // autostart from the page; a change made with virsh shows up through the event stream
  await row.locator(`#network-${name}-autostart`).click();
  await expect(row.getByTestId('network-autostart')).toHaveText('yes');
  expect(await virsh(QEMU_URI, 'net-info', name)).toMatch(/Autostart:\s+yes/);
  await virsh(QEMU_URI, 'net-destroy', name);
  await expect(row.getByTestId('network-state')).toHaveText('inactive');

  await row.locator(`#network-${name}-open`).click();
  await expect(page.locator('#network-xml')).toContainText(`<name>${name}</name>`);

  await row.locator(`#network-${name}-delete`).click();
  const confirm = page.locator(`#network-${name}-delete-dialog`);
  await expect(confirm).toContainText('removed from libvirt for good');
  await confirm.getByTestId('confirm-ok').click();
  await expect(row).toHaveCount(0);
  expect(await virshOrNull(QEMU_URI, 'net-info', name)).toBeNull();
});

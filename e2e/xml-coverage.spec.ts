import { expect, test } from '@playwright/test';
import { TEST_VIRSH_URI, virsh } from '../test/helpers/virsh.js';
import { defineXmlCoverageFixtures, type XmlCoverageFixtures } from '../test/helpers/xml-coverage.js';

let fx: XmlCoverageFixtures | undefined;
let uuid = '';
let volume = '';
let netName = '';

// The e2e server holds test:///default open, so what virsh defines here is what it sees.
test.beforeAll(async () => {
  fx = await defineXmlCoverageFixtures();
  ({ uuid, volume, netName } = fx);
});

test.afterAll(async () => {
  await fx?.remove();
});

const expectedSources = async (): Promise<Record<string, string>> => {
  const path = await virsh(TEST_VIRSH_URI, 'vol-path', '--pool', 'default-pool', volume);
  return {
    vda: '/var/lib/libvirt/images/fv0.qcow2',
    sda: '/dev/sdz',
    fda: 'dir: /srv/floppy',
    vdb: `volume default-pool/${volume} → ${path}`,
    vdd: 'rbd://mon1:6789,mon2:6789/pool/image@snap1',
    vde: 'nbd+unix:///export?socket=/run/nbd.sock',
    vdf: 'nbd://nbd.example.com:10809/bar (TLS)',
    sdb: 'iscsi://example.com:3260/iqn.2013-07.com.example:iscsi-nopool/1',
    vdg: 'gluster://gluster1.example.org:24007,gluster2.example.org:24007/Volume/Image',
    sdc: 'http://www.example.org:80/url/path/boot.iso?foo=bar&baz=flurb',
    vdh: 'nfs://nfs.example.org/exports/disk.img',
    vdj: 'nvme: 0000:01:00.0 namespace 1',
    vdk: 'vhost-user: /tmp/vhost-blk.sock',
  };
};

test('the Disks & NICs tab shows every disk source type as an admin writes it', async ({ page }) => {
  const expected = await expectedSources();
  await page.goto(`/hosts/test/vms/${uuid}/devices`);
  const table = page.locator('#vm-disks');
  await expect(table.locator('tbody tr')).toHaveCount((await virsh(TEST_VIRSH_URI, 'domblklist', uuid)).split('\n').length);
  for (const [target, text] of Object.entries(expected)) {
    await expect(table.locator('tbody tr', { hasText: new RegExp(`^${target}`) }).getByTestId('disk-source'), target).toContainText(text);
  }
  await expect(table.locator('tbody tr', { hasText: /^sdf/ })).toContainText('empty');
  await expect(table.getByTestId('disk-source-unsupported')).toHaveCount(0);
});

test('the Hardware tab lists the same sources', async ({ page }) => {
  const expected = await expectedSources();
  await page.goto(`/hosts/test/vms/${uuid}/hardware`);
  for (const [target, text] of Object.entries(expected)) {
    await expect(page.locator(`#hw-disk-${target}`).getByTestId('disk-source'), target).toContainText(text);
  }
  await expect(page.locator('#hw-disk-sdf')).toContainText('empty');
});

test('the network details show every IPv4 and IPv6 block with ranges and static hosts', async ({ page }) => {
  await page.goto('/hosts/test/networks');
  const row = page.locator(`#network-${netName}`);
  await expect(row.getByTestId('network-cidrs')).toHaveText('10.231.122.0/2410.231.123.0/242001:db8:ca2:2::/642001:db8:ca2:3::/64');
  await row.locator(`#network-${netName}-open`).click();
  const details = page.locator('#network-details');
  const blocks = details.getByTestId('network-ip');
  await expect(blocks).toHaveCount((await virsh(TEST_VIRSH_URI, 'net-dumpxml', netName)).split('<ip ').length - 1);
  await expect(blocks.nth(0)).toContainText('IPv4 10.231.122.0/24');
  await expect(blocks.nth(0)).toContainText('DHCP 10.231.122.100 – 10.231.122.254');
  await expect(blocks.nth(0)).toContainText('00:16:3e:77:e2:ed → 10.231.122.10 (foo.example.com)');
  await expect(blocks.nth(0)).toContainText('Boot file pxelinux.0 from 10.231.122.1');
  await expect(blocks.nth(1)).toContainText('IPv4 10.231.123.0/24');
  await expect(blocks.nth(2)).toContainText('IPv6 2001:db8:ca2:2::/64');
  await expect(blocks.nth(2)).toContainText('DHCP 2001:db8:ca2:2:1::10 – 2001:db8:ca2:2:1::ff');
  await expect(blocks.nth(2).getByTestId('network-ip-host')).toHaveCount(5);
  await expect(blocks.nth(2)).toContainText('DUID 0:3:0:1:0:16:3e:11:22:33 → 2001:db8:ca2:2:3::2 (peony)');
  await expect(blocks.nth(3)).toContainText('IPv6 2001:db8:ca2:3::/64');
  // The test driver has no DHCP server: no leases, said so rather than failing.
  await expect(details).toContainText('No leases.');
});

test('the KVM check names the test driver\'s domain type once', async ({ page }) => {
  await page.goto('/hosts/test/host');
  await expect(page.locator('#host-kvm-checks')).toContainText('libvirt offers only test domain types');
});

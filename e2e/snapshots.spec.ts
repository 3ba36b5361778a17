import { expect, test, type Page } from '@playwright/test';
import { createTestGuest, type TestGuest } from '../test/helpers/guest.js';
import { QEMU_URI, virsh, virshOrNull } from '../test/helpers/virsh.js';
import { sameOrigin } from './api.js';

let guest: TestGuest;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  guest = await createTestGuest({ prefix: 'e2e-snap', disk: 'qcow2', start: true });
  await guest.waitForBanner(60_000);
});

test.afterAll(async () => {
  await guest?.cleanup();
});

/** `virsh snapshot-list --tree` as "depth:name" entries (children are indented under "+- "). */
async function virshTree(): Promise<string[]> {
  const out = await virsh(QEMU_URI, 'snapshot-list', '--domain', guest.name, '--tree');
  return out
    .split('\n')
    .filter((line) => line.trim() !== '' && line.trim() !== '|')
    .map((line) => {
      const at = line.indexOf('+- ');
      return at < 0 ? `0:${line.trim()}` : `${(at - 2) / 4 + 1}:${line.slice(at + 3).trim()}`;
    })
    .sort();
}

async function pageTree(page: Page): Promise<string[]> {
  const rows = page.getByTestId('snapshot-row');
  const entries: string[] = [];
  for (const row of await rows.all()) {
    const level = Number(await row.getAttribute('aria-level'));
    entries.push(`${level - 1}:${(await row.getAttribute('data-snapshot-name')) ?? ''}`);
  }
  return entries.sort();
}

/** The page shows what virsh shows: the same tree, parents and current snapshot. */
async function expectPageMatchesVirsh(page: Page, expected: string[], current: string): Promise<void> {
  await expect.poll(() => pageTree(page)).toEqual([...expected].sort());
  expect(await virshTree()).toEqual([...expected].sort());
  const currentRow = page.locator('[data-testid="snapshot-row"][data-current="true"]');
  await expect(currentRow).toHaveCount(1);
  await expect(currentRow).toHaveAttribute('data-snapshot-name', current);
  await expect(currentRow.getByTestId('snapshot-current-badge')).toBeVisible();
  expect(await virsh(QEMU_URI, 'snapshot-current', '--domain', guest.name, '--name')).toBe(current);
  for (const row of await page.getByTestId('snapshot-row').all()) {
    const name = (await row.getAttribute('data-snapshot-name')) ?? '';
    const parent = (await virshOrNull(QEMU_URI, 'snapshot-parent', '--domain', guest.name, '--snapshotname', name)) ?? '';
    expect(await row.getAttribute('data-snapshot-parent')).toBe(parent);
  }
}

async function takeSnapshot(page: Page, name: string, description: string): Promise<void> {
  await page.locator('#snapshot-create').click();
  const dialog = page.locator('#snapshot-create-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.locator('#snapshot-name')).toHaveValue(/^\d{10}$/);
  await expect(page.locator('#snapshot-kind-internal')).toBeChecked();
  await expect(page.locator('#snapshot-memory-note')).toContainText('memory state is included');
  await page.locator('#snapshot-name').fill(name);
  await page.locator('#snapshot-description').fill(description);
  await page.locator('#snapshot-create-virsh-toggle').click();
  await expect(page.locator('#snapshot-create-virsh')).toHaveText(
    `virsh -c qemu:///system snapshot-create-as --domain '${guest.name}' --name '${name}' --description '${description}'`,
  );
  await page.getByTestId('snapshot-create-submit').click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
}

test('create two snapshots, revert to the first, delete the second; virsh agrees at each step', async ({ page }) => {
  test.setTimeout(120_000);
  // a freshly started server may still be connecting to libvirtd
  await expect
    .poll(async () => {
      const res = await page.request.get('/api/v1/hosts');
      const body = (await res.json()) as { hosts: Array<{ id: string; state: string }> };
      return body.hosts.find((h) => h.id === 'local')?.state;
    })
    .toBe('connected');
  await page.goto(`/hosts/local/vms/${guest.uuid}/snapshots`);
  // the first page load of a fresh server under load can take a while
  await expect(page.locator('#snapshots-empty')).toBeVisible({ timeout: 30_000 });
  expect(await virshTree()).toEqual([]);

  await takeSnapshot(page, 'first', 'before <changes> & "tests"');
  await expectPageMatchesVirsh(page, ['0:first'], 'first');
  await expect(page.getByTestId('snapshot-details-description')).toHaveText('before <changes> & "tests"');
  await page.locator('#snapshot-xml summary').click();
  await expect(page.getByTestId('snapshot-xml')).toContainText('<name>first</name>');
  await expect(page.getByTestId('snapshot-xml')).toContainText('<description>before &lt;changes&gt; &amp; &quot;tests&quot;</description>');

  await takeSnapshot(page, 'second', 'later');
  await expectPageMatchesVirsh(page, ['0:first', '1:second'], 'second');

  // keyboard: Up moves the selection from "second" to its parent "first"
  await page.locator('[data-testid="snapshot-row"][data-snapshot-name="second"]').click();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('[data-testid="snapshot-row"][data-snapshot-name="first"]')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-testid="snapshot-row"][data-snapshot-name="first"]')).toBeFocused();

  await page.locator('#snapshot-revert').click();
  const revert = page.locator('#snapshot-revert-dialog');
  await expect(revert).toBeVisible();
  await expect(revert.getByTestId('snapshot-revert-losses')).toContainText('every change to the disks since');
  await expect(revert.getByTestId('snapshot-revert-losses')).toContainText('memory, open programs and unsaved work');
  await revert.locator('#snapshot-revert-virsh-toggle').click();
  await expect(revert.locator('#snapshot-revert-virsh')).toHaveText(`virsh -c qemu:///system snapshot-revert --domain '${guest.name}' --snapshotname 'first'`);
  await revert.getByTestId('confirm-ok').click();
  await expect(revert).toBeHidden({ timeout: 30_000 });
  await expectPageMatchesVirsh(page, ['0:first', '1:second'], 'first');
  expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('running');

  await page.locator('[data-testid="snapshot-row"][data-snapshot-name="second"]').click();
  await page.locator('#snapshot-delete').click();
  const del = page.locator('#snapshot-delete-dialog');
  await expect(del).toBeVisible();
  await expect(del.locator('#snapshot-delete-scope-this')).toBeChecked();
  await expect(del.getByTestId('snapshot-delete-warning')).toContainText('can no longer be reverted');
  await del.locator('#snapshot-delete-virsh-toggle').click();
  await expect(del.locator('#snapshot-delete-virsh')).toHaveText(`virsh -c qemu:///system snapshot-delete --domain '${guest.name}' --snapshotname 'second'`);
  await del.getByTestId('confirm-ok').click();
  await expect(del).toBeHidden({ timeout: 20_000 });
  await expectPageMatchesVirsh(page, ['0:first'], 'first');
});

test('a snapshot taken elsewhere appears without reloading; deleting a subtree needs the children scope', async ({ page, baseURL }) => {
  await page.goto(`/hosts/local/vms/${guest.uuid}/snapshots`);
  await expect(page.locator('[data-testid="snapshot-row"][data-snapshot-name="first"]')).toBeVisible();
  const api = `/api/v1/hosts/local/vms/${guest.uuid}/snapshots`;

  // another client (a second browser tab, say) takes a snapshot: the event refreshes this page
  const created = await page.request.post(api, { data: { name: `child <of> first`, description: 'from elsewhere' }, headers: sameOrigin(baseURL) });
  expect(created.status()).toBe(201);
  await expectPageMatchesVirsh(page, ['0:first', '1:child <of> first'], 'child <of> first');

  await page.locator('[data-testid="snapshot-row"][data-snapshot-name="first"]').click();
  await page.locator('#snapshot-delete').click();
  const del = page.locator('#snapshot-delete-dialog');
  await expect(del.locator('#snapshot-delete-scope-this')).toBeChecked();
  await del.locator('#snapshot-delete-scope-children').check();
  await expect(del.getByTestId('snapshot-delete-warning')).toContainText('These snapshots are deleted: “first”, “child <of> first”');
  await del.locator('#snapshot-delete-virsh-toggle').click();
  await expect(del.locator('#snapshot-delete-virsh')).toHaveText(
    `virsh -c qemu:///system snapshot-delete --domain '${guest.name}' --snapshotname 'first' --children`,
  );
  await del.getByTestId('confirm-ok').click();
  await expect(del).toBeHidden({ timeout: 20_000 });
  await expect(page.locator('#snapshots-empty')).toBeVisible();
  expect(await virshTree()).toEqual([]);
});

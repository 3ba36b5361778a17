import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createTestGuest, type TestGuest } from '../test/helpers/guest.js';
import { QEMU_URI, virsh } from '../test/helpers/virsh.js';
import { adminRequest, logIn } from './access-helpers.js';
import { sameOrigin } from './api.js';

// A Console user limited to one running VM of `local`, made by the admin through the Users & roles page.
test.describe.configure({ mode: 'serial' });

let guest: TestGuest;
const username = `console-${randomBytes(3).toString('hex')}`;
const password = `access-e2e-${randomBytes(9).toString('hex')}`;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  guest = await createTestGuest({ prefix: 'e2e-access', start: true });
  await guest.waitForBanner(90_000);
});

test.afterAll(async ({ playwright }, testInfo) => {
  const admin = await adminRequest(playwright.request, testInfo);
  try {
    await admin.delete(`/api/v1/access/users/${username}`, { headers: sameOrigin(testInfo.project.use.baseURL) });
  } finally {
    await admin.dispose();
  }
  await guest?.cleanup();
});

async function grantsOf(page: Page, name: string): Promise<{ role: string; path: string }[]> {
  const res = await page.request.get('/api/v1/access/users');
  expect(res.status()).toBe(200);
  const { users } = (await res.json()) as { users: { username: string; grants: { role: string; path: string }[] }[] };
  return users.find((u) => u.username === name)?.grants.map(({ role, path }) => ({ role, path })) ?? [];
}

test('the admin creates a Console user limited to one VM on the Users & roles page', async ({ page }) => {
  await page.goto('/hosts/local/vms');
  await page.locator('#nav-access').click();
  await expect(page).toHaveURL('/hosts/local/access');

  await page.locator('#users-create').click();
  await page.locator('#user-create-username').fill(username);
  await page.locator('#user-create-display-name').fill('Console e2e');
  await page.locator('#user-create-password').fill(password);
  await page.locator('#user-create-confirm').fill(password);
  await page.locator('#user-create-submit').click();
  const row = page.locator(`#user-${username}-row`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('user-no-grants')).toBeVisible();

  await row.locator(`#user-${username}-grant`).click();
  await page.locator('#grant-role').selectOption('Console user');
  await page.locator('#grant-scope').selectOption('vms');
  await page.locator('#grant-host').selectOption('local');
  await page.locator('#grant-object').selectOption(guest.uuid);
  await expect(page.locator('#grant-path')).toHaveText(`/hosts/local/vms/${guest.uuid}`);
  await page.locator('#grant-submit').click();
  await expect(page.locator('#grant-dialog')).toBeHidden();
  const grant = row.getByTestId('user-grant');
  await expect(grant).toHaveAttribute('data-role', 'Console user');
  await expect(grant).toContainText(`VM ${guest.name} on local`);

  // The store holds exactly that grant.
  expect(await grantsOf(page, username)).toEqual([{ role: 'Console user', path: `/hosts/local/vms/${guest.uuid}` }]);
});

test('the Console user sees one VM, types in its serial console, cannot force off, delete or snapshot it; logout ends the console', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL });
  try {
    const page = await context.newPage();
    await logIn(page, username, password);
    await expect(page.locator('[data-testid="user-menu-name"]')).toHaveText('Console e2e');

    await page.goto('/hosts/local/vms');
    const rows = page.getByTestId('vm-row');
    await expect(rows).toHaveCount(1);
    await expect(rows).toHaveAttribute('data-vm-name', guest.name);
    await expect(page.locator('#nav-access')).toHaveCount(0);
    await expect(page.locator('#nav-audit')).toHaveCount(0);

    // Controls are there but disabled, naming the missing privilege.
    await page.goto(`/hosts/local/vms/${guest.uuid}`);
    await expect(page.locator('#vm-state')).toHaveText('Running');
    for (const [id, privilege] of [['#vm-action-power', 'vm.power'], ['#vm-action-delete', 'vm.delete']] as const) {
      await expect(page.locator(id)).toBeDisabled();
      await expect(page.locator(id)).toHaveAttribute('data-missing-privilege', privilege);
    }
    await page.goto(`/hosts/local/vms/${guest.uuid}/snapshots`);
    await expect(page.locator('#snapshot-create')).toBeDisabled();
    await expect(page.locator('#snapshot-create')).toHaveAttribute('data-missing-privilege', 'vm.snapshot');

    // The API refuses them too, and the VM is unchanged.
    const headers = sameOrigin(baseURL);
    const vmApi = `/api/v1/hosts/local/vms/${guest.uuid}`;
    const refused = [
      await context.request.post(`${vmApi}/destroy`, { headers, data: {} }),
      await context.request.delete(vmApi, { headers }),
      await context.request.post(`${vmApi}/snapshots`, { headers, data: { name: 'e2e-refused' } }),
    ];
    for (const res of refused) {
      expect(res.status()).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    }
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('running');
    expect(await virsh(QEMU_URI, 'snapshot-list', guest.name, '--name')).toBe('');

    // The serial console works.
    const consolePage = await context.newPage();
    const sockets: { url: string; closed: boolean }[] = [];
    consolePage.on('websocket', (ws) => {
      const entry = { url: ws.url(), closed: false };
      sockets.push(entry);
      ws.on('close', () => (entry.closed = true));
    });
    await consolePage.goto(`/hosts/local/consoles?${new URLSearchParams({ open: guest.uuid, name: guest.name, kind: 'serial' }).toString()}`);
    const pane = consolePage.locator('[data-testid="console-pane"][data-kind="serial"]');
    await expect(pane.getByTestId('console-status')).toHaveAttribute('data-state', 'connected');
    const tag = randomBytes(4).toString('hex');
    await pane.getByTestId('serial-terminal').click();
    await consolePage.keyboard.type(`echo access-$((6*7))-${tag}`);
    await consolePage.keyboard.press('Enter');
    await expect(pane.locator('.xterm-rows')).toContainText(`access-42-${tag}`);
    const serialSocket = sockets.find((s) => s.url.endsWith('/console/serial'));
    expect(serialSocket?.closed).toBe(false);

    // Logging out in the other tab ends the console here within seconds.
    await page.bringToFront();
    await page.locator('#user-menu').click();
    await page.locator('#user-menu-logout').click();
    await expect(page).toHaveURL('/login');
    await expect.poll(() => serialSocket?.closed, { timeout: 5000 }).toBe(true);
    // The pane says so, unless the tab has already moved to the login page (its event stream was ended too).
    await expect
      .poll(async () => new URL(consolePage.url()).pathname === '/login' || (await pane.getByTestId('console-status').getAttribute('data-state')) === 'disconnected', { timeout: 5000 })
      .toBe(true);
    expect((await context.request.get('/api/v1/auth/me')).status()).toBe(401);
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('running');
  } finally {
    await context.close();
  }
});

test('the Audit page shows the user creation and the grant, without the password', async ({ page }) => {
  await page.goto('/hosts/local/vms');
  await page.locator('#nav-audit').click();
  await expect(page).toHaveURL('/hosts/local/audit');
  await page.locator('#audit-filter-user').fill('admin');
  await page.locator('#audit-filter-result').selectOption('success');
  await page.locator('#audit-apply').click();
  const table = page.locator('#audit-table');
  const created = table.locator('[data-testid="audit-row"][data-action="user.create"]').filter({ hasText: username });
  const granted = table.locator('[data-testid="audit-row"][data-action="grant.create"]').filter({ hasText: guest.uuid });
  await expect(created).toHaveCount(1);
  await expect(granted).toHaveCount(1);
  await expect(granted).toContainText('Console user');
  await expect(table).not.toContainText(password);

  // The console user's own login and logout, and the refused calls, under their name.
  await page.locator('#audit-filter-user').fill(username);
  await page.locator('#audit-filter-result').selectOption('');
  await page.locator('#audit-apply').click();
  await expect(table.locator('[data-testid="audit-row"][data-action="login"]')).toHaveCount(1);
  await expect(table.locator('[data-testid="audit-row"][data-status="403"]')).toHaveCount(3);
});

test('My API tokens: a token limited to host test is shown once, works only there, and stops at once when revoked; My sessions marks this browser', async ({ page, playwright, baseURL }) => {
  await page.goto('/hosts/test/vms');
  await page.locator('#user-menu').click();
  await page.locator('#user-menu-sessions').click();
  await expect(page.locator('#sessions-dialog [data-testid="session-row"][data-current="true"]')).toHaveCount(1);
  await page.locator('#sessions-close').click();

  const name = `e2e-${randomBytes(3).toString('hex')}`;
  await page.locator('#user-menu').click();
  await page.locator('#user-menu-tokens').click();
  await page.locator('#token-create').click();
  await page.locator('#token-name').fill(name);
  await page.locator('#token-expiry').selectOption('1');
  await page.locator('#token-carries-some').check();
  await page.locator('#token-grant-role').selectOption('Administrator');
  await page.locator('#token-grant-scope').selectOption('host');
  await page.locator('#token-grant-host').selectOption('test');
  await page.locator('#token-grant-add').click();
  await expect(page.getByTestId('token-grant')).toHaveAttribute('data-path', '/hosts/test');
  await page.locator('#token-create-submit').click();
  const secret = (await page.locator('#token-secret').textContent()) ?? '';
  expect(secret.length).toBeGreaterThan(20);
  await page.locator('#token-created-done').click();
  const row = page.locator('[data-testid="token-row"]').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(page.locator('#tokens-dialog')).not.toContainText(secret);

  const bearer = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  try {
    expect((await bearer.get('/api/v1/hosts/test/vms')).status()).toBe(200);
    expect((await bearer.get('/api/v1/hosts/local')).status()).toBe(403);

    await row.getByRole('button', { name: 'Revoke…' }).click();
    await page.locator('#token-revoke-dialog [data-testid="confirm-ok"]').click();
    await expect(row).toHaveCount(0);
    expect((await bearer.get('/api/v1/hosts/test/vms')).status()).toBe(401);
  } finally {
    await bearer.dispose();
  }
});

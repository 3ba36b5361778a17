import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { adminRequest, logIn } from './access-helpers.js';
import { sameOrigin } from './api.js';

// A Linux account of this machine, made a virtdeck user (realm pam) on the Users & roles page.
test.describe.configure({ mode: 'serial' });

const username = `vt-pam-e2e-${randomBytes(3).toString('hex')}`;
const systemPassword = `sys-e2e-${randomBytes(9).toString('hex')}`;

test.beforeAll(() => {
  if (process.getuid?.() !== 0) throw new Error('pam-login.spec.ts must run as root: it creates a Linux account');
  execFileSync('useradd', ['-M', '-s', '/usr/sbin/nologin', username]);
  execFileSync('chpasswd', { input: `${username}:${systemPassword}\n` });
});

test.afterAll(async ({ playwright }, testInfo) => {
  const admin = await adminRequest(playwright.request, testInfo);
  try {
    await admin.delete(`/api/v1/access/users/${username}`, { headers: sameOrigin(testInfo.project.use.baseURL) });
  } finally {
    await admin.dispose();
    execFileSync('userdel', [username]);
  }
});

test('the admin adds a Linux account without a password; its owner logs in with the system password', async ({ page, browser, baseURL }) => {
  await page.goto('/hosts/local/access');
  await page.locator('#users-create').click();
  await page.locator('#user-create-username').fill(username);
  await page.locator('#user-create-realm-pam').check();
  await expect(page.locator('#user-create-password')).toHaveCount(0);
  await page.locator('#user-create-submit').click();
  const row = page.locator(`#user-${username}-row`);
  await expect(row).toContainText('Linux account');
  await expect(row.locator(`#user-${username}-password`)).toHaveCount(0);
  const grant = await page.request.post('/api/v1/access/grants', {
    data: { username, role: 'Auditor', path: '/' },
    headers: sameOrigin(baseURL),
  });
  expect(grant.status()).toBe(201);

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL });
  try {
    const own = await context.newPage();
    await logIn(own, username, systemPassword);
    await expect(own.locator('#user-menu')).toHaveAttribute('title', `${username} (Linux account of the host)`);
    await own.locator('#user-menu').click();
    await expect(own.locator('#user-menu-logout')).toBeVisible();
    await expect(own.locator('#user-menu-password')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

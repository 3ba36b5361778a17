import { randomBytes } from 'node:crypto';
import { expect, request, test } from '@playwright/test';
import { ADMIN_USERNAME } from './api.js';
import { startFirstStartServer, type FirstStartServer } from './login-server.js';

// A browser with no session at all: this spec's server has never seen it.
test.use({ storageState: { cookies: [], origins: [] } });

let server: FirstStartServer | undefined;

test.beforeAll(async () => {
  server = await startFirstStartServer();
});

test.afterAll(async () => {
  await server?.stop();
});

/** Logs in through the API from a context of its own: the password works outside the browser too. */
async function apiLoginStatus(baseURL: string, password: string): Promise<number> {
  const context = await request.newContext({ baseURL });
  try {
    const res = await context.post('/api/v1/auth/login', { data: { username: ADMIN_USERNAME, password }, headers: { origin: baseURL } });
    return res.status();
  } finally {
    await context.dispose();
  }
}

test('first start: the setup link creates the admin, log out, a wrong password is refused, the right one returns to next', async ({ page }) => {
  if (server === undefined) throw new Error('the server did not start');
  const { baseURL, setupUrl } = server;
  const password = `login-e2e-${randomBytes(9).toString('hex')}`;

  // Before setup, the login page says an administrator has to be created first.
  await page.goto(`${baseURL}/hosts/test/vms`);
  await expect(page).toHaveURL(`${baseURL}/login?next=%2Fhosts%2Ftest%2Fvms`);
  await expect(page.locator('#login-setup-needed')).toBeVisible();

  await page.goto(setupUrl);
  await expect(page.locator('#setup-username')).toHaveValue(ADMIN_USERNAME);
  await page.locator('#setup-password').fill(password);
  await page.locator('#setup-confirm').fill(password);
  await page.locator('#setup-confirm').press('Enter');
  await expect(page).toHaveURL(`${baseURL}/hosts/test/vms`);
  await expect(page.locator('[data-testid="vm-row"][data-vm-name="test"]')).toBeVisible();
  await expect(page.locator('[data-testid="user-menu-name"]')).toHaveText(ADMIN_USERNAME);
  expect(await apiLoginStatus(baseURL, password)).toBe(204);
  const status = await page.request.get(`${baseURL}/api/v1/auth/setup`);
  expect(await status.json()).toEqual({ needed: false });

  // The link is used up.
  await page.goto(setupUrl);
  await expect(page.locator('#setup-done')).toBeVisible();
  await page.goto(`${baseURL}/hosts/test/vms`);

  await page.locator('#user-menu').click();
  await page.locator('#user-menu-logout').click();
  await expect(page).toHaveURL(`${baseURL}/login`);
  await expect(page.locator('#login-username')).toBeFocused();
  expect((await page.request.get(`${baseURL}/api/v1/auth/me`)).status()).toBe(401);

  await page.goto(`${baseURL}/hosts/test/networks`);
  await expect(page).toHaveURL(`${baseURL}/login?next=%2Fhosts%2Ftest%2Fnetworks`);
  await page.locator('#login-username').fill(ADMIN_USERNAME);
  await page.locator('#login-password').fill(`${password}-wrong`);
  await page.locator('#login-password').press('Enter');
  await expect(page.locator('#login-error')).toHaveText('Wrong user name or password');
  await expect(page).toHaveURL(`${baseURL}/login?next=%2Fhosts%2Ftest%2Fnetworks`);

  await page.locator('#login-password').fill(password);
  await page.locator('#login-submit').click();
  await expect(page).toHaveURL(`${baseURL}/hosts/test/networks`);
  await expect(page.locator('#networks-page')).toBeVisible();
  await expect(page.locator('#network-default')).toBeVisible();
  const me = await page.request.get(`${baseURL}/api/v1/auth/me`);
  expect(me.status()).toBe(200);
  expect((await me.json()) as unknown).toMatchObject({ username: ADMIN_USERNAME, via: 'session' });
});

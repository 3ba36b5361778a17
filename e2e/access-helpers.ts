import { join } from 'node:path';
import { expect, type APIRequest, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';

/** A request context with the admin's saved session, for hooks that have no `request` fixture. */
export async function adminRequest(factory: APIRequest, testInfo: TestInfo): Promise<APIRequestContext> {
  const runDir = process.env['VIRTDECK_E2E_DIR'];
  if (runDir === undefined) throw new Error('VIRTDECK_E2E_DIR is set by playwright.config.ts');
  return factory.newContext({ baseURL: testInfo.project.use.baseURL, storageState: join(runDir, 'admin-state.json') });
}

/** Logs in through the login page and waits until the app is open. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('#login-password').press('Enter');
  await expect(page.locator('#user-menu')).toBeVisible();
}

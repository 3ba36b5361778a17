import { request, type FullConfig } from '@playwright/test';
import { ADMIN_USERNAME } from './api.js';

/** Logs in as admin through the API and writes the session to the configured storage state. */
export default async function logInAsAdmin(config: FullConfig): Promise<void> {
  const { baseURL, storageState } = config.projects[0]?.use ?? {};
  const password = process.env['VIRTDECK_ADMIN_PASSWORD'];
  if (baseURL === undefined || typeof storageState !== 'string' || password === undefined) {
    throw new Error('playwright.config.ts must set baseURL, storageState and VIRTDECK_ADMIN_PASSWORD');
  }
  const context = await request.newContext({ baseURL });
  try {
    const res = await context.post('/api/v1/auth/login', {
      data: { username: ADMIN_USERNAME, password },
      headers: { origin: new URL(baseURL).origin },
    });
    if (res.status() !== 204) throw new Error(`login as ${ADMIN_USERNAME} answered ${String(res.status())}: ${(await res.text()).slice(0, 200)}`);
    await context.storageState({ path: storageState });
  } finally {
    await context.dispose();
  }
}


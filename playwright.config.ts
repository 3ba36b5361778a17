import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { edgeHostUri } from './e2e/edge-host.js';

const port = Number(process.env['VIRTDECK_E2E_PORT'] ?? 8090);

// One fresh directory per run for the server's data dir and the admin's login state, and one admin
// password. Set in process.env so that the test workers (which load this file again) and the server
// see the same values; a directory made here is removed when the run ends.
if (process.env['VIRTDECK_E2E_DIR'] === undefined) {
  const made = mkdtempSync(join(tmpdir(), 'virtdeck-e2e-'));
  process.env['VIRTDECK_E2E_DIR'] = made;
  process.on('exit', () => rmSync(made, { recursive: true, force: true }));
}
process.env['VIRTDECK_ADMIN_PASSWORD'] ??= `e2e-${randomBytes(18).toString('hex')}`;
const runDir = process.env['VIRTDECK_E2E_DIR'];
const dataDir = join(runDir, 'data');
mkdirSync(dataDir, { recursive: true, mode: 0o700 });

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  // Logs in as admin through the API and saves the session for every page and request context.
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    storageState: join(runDir, 'admin-state.json'),
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node dist/server/server/main.js`,
    // Public: answers once the server listens, before anyone has logged in.
    url: `http://127.0.0.1:${port}/api/v1/auth/setup`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      VIRTDECK_HOSTS: process.env['VIRTDECK_HOSTS'] ?? `local=qemu:///system,test=test:///default,edge=${edgeHostUri()}`,
      VIRTDECK_DATA_DIR: dataDir,
      VIRTDECK_ADMIN_PASSWORD: process.env['VIRTDECK_ADMIN_PASSWORD'],
    },
  },
});

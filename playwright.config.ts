import { defineConfig } from '@playwright/test';
import { edgeHostUri } from './e2e/edge-host.js';

const port = Number(process.env['VIRTDECK_E2E_PORT'] ?? 8090);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
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
    url: `http://127.0.0.1:${port}/api/v1/hosts`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      VIRTDECK_HOSTS: process.env['VIRTDECK_HOSTS'] ?? `local=qemu:///system,test=test:///default,edge=${edgeHostUri()}`,
    },
  },
});

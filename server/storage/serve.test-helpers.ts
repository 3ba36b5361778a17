/**
 * Runs the real server in its own process for memory measurements: prints `PORT <n>` once listening.
 * Its admin password is VIRTDECK_ADMIN_PASSWORD (the parent sets it and logs in over HTTP).
 */
import { buildTestApp } from '../../test/helpers/app.js';
import { storageTestConfig } from './storage-app.test-helpers.js';

const { app } = await buildTestApp({ config: storageTestConfig });
await app.hosts.ready('local');
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
process.stdout.write(`PORT ${port}\n`);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});

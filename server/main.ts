import { buildApp } from './app.js';
import { ConfigError, loadConfig, type ServerConfig } from './config.js';

/** The one-time setup link works for an hour. */
const SETUP_TOKEN_TTL_MS = 3600_000;

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`virtdeck: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }

  const app = await buildApp({ config, logger: process.env['VIRTDECK_LOG'] === '1' });
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`virtdeck: ${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('virtdeck: error while shutting down', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  await app.listen({ host: config.listenHost, port: config.port });
  const shownHost = config.listenHost.includes(':') ? `[${config.listenHost}]` : config.listenHost;
  console.log(`virtdeck: serving http://${shownHost}:${config.port}/ (hosts: ${config.hosts.map((h) => `${h.id}=${h.uri}`).join(', ')})`);
  if (app.auth.store.countUsers() === 0) {
    const token = app.auth.store.createSetupToken(SETUP_TOKEN_TTL_MS);
    console.log(`virtdeck: no users yet; create the first administrator at http://${shownHost}:${config.port}/setup?token=${encodeURIComponent(token)}`);
  }
}

main().catch((err: unknown) => {
  console.error('virtdeck: failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});

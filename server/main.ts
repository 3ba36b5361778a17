import { buildApp } from './app.js';
import { ConfigError, DEFAULT_DATA_DIR, loadConfig, type ServerConfig } from './config.js';
import { resolveServerTls, ServerTlsError, type ServerTls } from './tls/server-certificate.js';

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

  const dataDir = config.dataDir ?? DEFAULT_DATA_DIR;
  let tls: ServerTls;
  try {
    tls = await resolveServerTls({
      ...(config.tlsCertPath === undefined ? {} : { certPath: config.tlsCertPath }),
      ...(config.tlsKeyPath === undefined ? {} : { keyPath: config.tlsKeyPath }),
      listenHost: config.listenHost,
      dataDir,
      insecureHttp: config.insecureHttp ?? false,
    });
  } catch (err) {
    if (err instanceof ServerTlsError) {
      console.error(`virtdeck: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }

  const app = await buildApp({
    config,
    logger: process.env['VIRTDECK_LOG'] === '1',
    ...(tls.kind === 'plain' ? {} : { https: { cert: tls.cert, key: tls.key } }),
  });
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
  const base = `${tls.kind === 'plain' ? 'http' : 'https'}://${shownHost}:${config.port}`;
  console.log(`virtdeck: serving ${base}/ (hosts: ${config.hosts.map((h) => `${h.id}=${h.uri}`).join(', ')})`);
  if (tls.kind === 'self-signed') {
    console.log(`virtdeck: ${tls.created ? 'created a' : 'using the'} self-signed certificate in ${dataDir}/tls; its fingerprint is ${tls.fingerprint}`);
  } else if (tls.kind === 'given') {
    console.log(`virtdeck: certificate fingerprint ${tls.fingerprint}`);
  }
  if (app.auth.store.countUsers() === 0) {
    const token = app.auth.store.createSetupToken(SETUP_TOKEN_TTL_MS);
    console.log(`virtdeck: no users yet; create the first administrator at ${base}/setup?token=${encodeURIComponent(token)}`);
  }
}

main().catch((err: unknown) => {
  console.error('virtdeck: failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});

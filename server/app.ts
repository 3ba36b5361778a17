import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import Fastify, { type FastifyInstance, type FastifyServerFactory } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { registerAjvFormats, TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  DEFAULT_AUDIT_RETENTION_DAYS, DEFAULT_DATA_DIR, DEFAULT_SESSION_IDLE_MS, DEFAULT_SESSION_MAX_MS, type ServerConfig,
} from './config.js';
import { installAuth } from './auth/auth-plugin.js';
import { seedAdministrator } from './auth/seed-admin.js';
import { openSqliteAccessStore } from './auth/store/sqlite-access-store.js';
import { authRoutes } from './routes/auth.js';
import { accessRoutes } from './routes/access.js';
import { auditRoutes } from './routes/audit.js';
import { fileConnectionSettings } from './hosts/connection-settings.js';
import { HostRegistry } from './hosts/registry.js';
import { EventHub } from './events/hub.js';
import { publishHostEvents } from './events/host-events.js';
import { installErrorHandlers } from './http/handlers.js';
import { hostRoutes } from './routes/hosts.js';
import { vmRoutes } from './routes/vms.js';
import { createVmFeature, type VmFeature } from './vms/feature.js';
import { eventRoutes } from './routes/events.js';
import { consoleRoutes } from './routes/consoles.js';
import { snapshotRoutes } from './routes/snapshots.js';
import { poolRoutes } from './routes/pools.js';
import { volumeRoutes } from './routes/volumes.js';
import { provisioningRoutes } from './routes/provisioning.js';
import { networkRoutes } from './routes/networks.js';
import { hardwareRoutes } from './routes/hardware.js';
import { CONSOLE_MAX_FRAME_BYTES } from '../common/consoles.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Per-host libvirt clients: `app.hosts.get(id)` gives a connected client or throws 404/503. */
    hosts: HostRegistry;
    /** The server-sent event hub: `app.events.publish({ type, host, ... })`. */
    events: EventHub;
    /** VM service (`app.vms.service.summary(...)`) and the stats sampler. */
    vms: VmFeature;
  }
}

export interface BuildAppOptions {
  config: ServerConfig;
  /** Directory of the built SPA; defaults to dist/spa. Not served when it does not exist. */
  spaRoot?: string;
  logger?: boolean;
  /** An existing registry (tests share one across apps); created from config.hosts otherwise. */
  hosts?: HostRegistry;
  /** Serve HTTPS with this certificate and key (PEM); plain HTTP without. */
  https?: { cert: Buffer; key: Buffer };
}

export type App = FastifyInstance;

const JSON_BODY_LIMIT = 1024 * 1024;

function defaultSpaRoot(): string | undefined {
  // dist/server/server/app.js when built, server/app.ts under tsx.
  const candidates = [resolve(import.meta.dirname, '../../spa'), resolve(import.meta.dirname, '../dist/spa')];
  return candidates.find((dir) => existsSync(resolve(dir, 'index.html')));
}

export async function buildApp(options: BuildAppOptions): Promise<App> {
  registerAjvFormats();
  const tls = options.https;
  // An https.Server is an http.Server to Fastify: the app keeps one type either way.
  const httpsFactory: FastifyServerFactory<Server> | undefined =
    tls === undefined ? undefined : (handler) => createHttpsServer({ cert: tls.cert, key: tls.key }, handler);
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: JSON_BODY_LIMIT, ...(httpsFactory === undefined ? {} : { serverFactory: httpsFactory }) })
    .withTypeProvider<TypeBoxTypeProvider>()
    .setValidatorCompiler(TypeBoxValidatorCompiler);

  const { config } = options;
  const dataDir = config.dataDir ?? DEFAULT_DATA_DIR;
  // Before the auth hooks: its onRequest marks upgrades, so that a refused upgrade's socket is closed.
  await app.register(fastifyWebsocket, { options: { maxPayload: CONSOLE_MAX_FRAME_BYTES } });
  const store = openSqliteAccessStore(dataDir);
  app.addHook('onClose', async () => store.close());
  try {
    await seedAdministrator(store, config.adminPassword);
    await installAuth(app, {
      store,
      limits: { idleMs: config.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS, absoluteMs: config.sessionMaxMs ?? DEFAULT_SESSION_MAX_MS },
      allowedOrigins: config.allowedOrigins ?? [],
      auditRetentionDays: config.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS,
    });
  } catch (err) {
    store.close();
    throw err;
  }

  const ownsRegistry = options.hosts === undefined;
  const hosts =
    options.hosts ??
    new HostRegistry(config.hosts, {
      connection: fileConnectionSettings({ dataDir, allowInsecureTcp: config.allowInsecureTcp ?? false }),
    });
  const events = new EventHub();
  app.decorate('hosts', hosts);
  app.decorate('events', events);
  const stopHostEvents = publishHostEvents(hosts, events);
  const vmFeature = createVmFeature(hosts, events, (msg, err) => app.log.warn({ err }, msg));
  app.decorate('vms', vmFeature);
  app.addHook('onClose', async () => {
    vmFeature.close();
    stopHostEvents();
    events.close();
    if (ownsRegistry) await hosts.close();
  });
  if (ownsRegistry) hosts.start();

  installErrorHandlers(app);

  const spaRoot = options.spaRoot ?? defaultSpaRoot();
  if (spaRoot !== undefined && existsSync(resolve(spaRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: spaRoot, wildcard: false, index: 'index.html' });
  }

  // One line per resource. Every /api/v1 route needs its rule in server/auth/route-access.ts.
  await app.register(authRoutes, { prefix: '/api/v1' });
  await app.register(accessRoutes, { prefix: '/api/v1' });
  await app.register(auditRoutes, { prefix: '/api/v1' });
  await app.register(hostRoutes, { prefix: '/api/v1' });
  await app.register(vmRoutes, { prefix: '/api/v1', vms: vmFeature.service });
  await app.register(eventRoutes, { prefix: '/api/v1' });
  await app.register(consoleRoutes, { prefix: '/api/v1' });
  await app.register(snapshotRoutes, { prefix: '/api/v1' });
  await app.register(poolRoutes, { prefix: '/api/v1' });
  await app.register(volumeRoutes, { prefix: '/api/v1' });
  await app.register(networkRoutes, { prefix: '/api/v1' });
  await app.register(hardwareRoutes, { prefix: '/api/v1' });
  await app.register(provisioningRoutes, { prefix: '/api/v1' });

  return app;
}

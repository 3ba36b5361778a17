import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AutostartBodySchema, BuildBodySchema, DeleteStorageBodySchema, FindSourcesBodySchema, FindSourcesResultSchema,
  PoolCreateBodySchema, PoolCreateQuerySchema, PoolCreateResultSchema, PoolDetailsSchema, PoolListSchema,
  PoolParamsSchema, PoolPreviewSchema, PoolUsersSchema, type PoolEventData,
} from '../../common/storage.js';
import type { StorageClient } from '../storage/client.js';
import { poolUsersOf, scanDiskUses } from '../storage/used-by.js';
import { scanBackingDependants } from '../storage/dependants.js';
import { forwardPoolEvents, publishPoolEvent } from '../storage/events.js';
import {
  buildPool, createPool, deletePoolStorage, findPoolSources, getPool, listPools, previewPool, refreshPool,
  setPoolAutostart, startPool, stopPool, undefinePool,
} from '../storage/pools.js';

const HostParams = Type.Object({ host: Type.String() });

/** Storage pools: list, wizard define (with dry run), lifecycle, discovery; publishes `pool` events. */
export const poolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const stopForwarding = forwardPoolEvents(app.hosts, app.events);
  app.addHook('onClose', async () => stopForwarding());

  const client = (host: string): StorageClient => app.hosts.get(host);
  const changed = (host: string, name: string, event: PoolEventData['event']): void =>
    publishPoolEvent(app.events, { host, id: name, name, event });

  app.get('/hosts/:host/pools', { schema: { params: HostParams, response: { 200: PoolListSchema } } }, async (request) => ({
    pools: await listPools(client(request.params.host)),
  }));

  app.post(
    '/hosts/:host/pools',
    { schema: { params: HostParams, querystring: PoolCreateQuerySchema, body: PoolCreateBodySchema, response: { 200: PoolPreviewSchema, 201: PoolCreateResultSchema } } },
    async (request, reply) => {
      const dryRun = request.query.dryRun === '1' || request.query.dryRun === 'true';
      if (dryRun) return reply.status(200).send(previewPool(request.body));
      const { host } = request.params;
      const result = await createPool(client(host), request.body);
      changed(host, result.pool.name, 'changed');
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/hosts/:host/pool-sources',
    { schema: { params: HostParams, body: FindSourcesBodySchema, response: { 200: FindSourcesResultSchema } } },
    async (request) => ({ sources: await findPoolSources(client(request.params.host), request.body) }),
  );

  app.get('/hosts/:host/pools/:pool', { schema: { params: PoolParamsSchema, response: { 200: PoolDetailsSchema } } }, async (request) =>
    getPool(client(request.params.host), request.params.pool));

  app.get('/hosts/:host/pools/:pool/users', { schema: { params: PoolParamsSchema, response: { 200: PoolUsersSchema } } }, async (request) => {
    const c = client(request.params.host);
    const [pool, uses, backing] = await Promise.all([getPool(c, request.params.pool), scanDiskUses(c), scanBackingDependants(c)]);
    const dependants = pool.targetPath === undefined || pool.targetPath === '' ? [] : backing.dependantsUnder(pool.targetPath);
    return { users: poolUsersOf(uses, pool.name, pool.targetPath), dependants };
  });

  app.delete('/hosts/:host/pools/:pool', { schema: { params: PoolParamsSchema } }, async (request, reply) => {
    const { host, pool } = request.params;
    await undefinePool(client(host), pool);
    changed(host, pool, 'undefined');
    return reply.status(204).send();
  });

  const action = (path: string, run: (c: StorageClient, pool: string) => Promise<void>, event: PoolEventData['event']): void => {
    app.post(`/hosts/:host/pools/:pool/${path}`, { schema: { params: PoolParamsSchema, response: { 200: PoolDetailsSchema } } }, async (request) => {
      const { host, pool } = request.params;
      const c = client(host);
      await run(c, pool);
      changed(host, pool, event);
      return getPool(c, pool);
    });
  };
  action('start', startPool, 'started');
  action('stop', stopPool, 'stopped');
  action('refresh', refreshPool, 'refresh');

  app.post(
    '/hosts/:host/pools/:pool/build',
    { schema: { params: PoolParamsSchema, body: Type.Optional(BuildBodySchema), response: { 200: PoolDetailsSchema } } },
    async (request) => {
      const { host, pool } = request.params;
      const c = client(host);
      await buildPool(c, pool, request.body?.overwrite === true);
      changed(host, pool, 'changed');
      return getPool(c, pool);
    },
  );

  app.put(
    '/hosts/:host/pools/:pool/autostart',
    { schema: { params: PoolParamsSchema, body: AutostartBodySchema, response: { 200: PoolDetailsSchema } } },
    async (request) => {
      const { host, pool } = request.params;
      const c = client(host);
      await setPoolAutostart(c, pool, request.body.enabled);
      changed(host, pool, 'changed');
      return getPool(c, pool);
    },
  );

  app.post(
    '/hosts/:host/pools/:pool/delete-storage',
    { schema: { params: PoolParamsSchema, body: DeleteStorageBodySchema, response: { 200: PoolDetailsSchema } } },
    async (request) => {
      const { host, pool } = request.params;
      const c = client(host);
      await deletePoolStorage(c, pool, request.body.confirm, request.body.breakDependants === true);
      changed(host, pool, 'deleted');
      return getPool(c, pool);
    },
  );
};

/** New VM, clone, delete with storage, managed save, and the OS catalog (osinfo-db). */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HostParams } from '../../common/hosts.js';
import { VmParams } from '../../common/vms.js';
import {
  CloneVmBody, CloneVmResult, CreateVmBody, CreateVmResult, DeletePlan, DeleteVmBody, DeleteVmResult, OsSearchQuery, OsSearchResult,
  ProvisioningOptions, SaveVmResult, type ProvisioningEventData,
} from '../../common/provisioning.js';
import { OsCatalog } from '../osinfo/catalog.js';
import { cloneVm } from '../provisioning/clone.js';
import { createVm } from '../provisioning/create.js';
import { deletePlan, deleteVm } from '../provisioning/delete.js';
import { provisioningOptions } from '../provisioning/options.js';
import { PlatformCache } from '../provisioning/platform.js';
import { saveVm } from '../provisioning/save.js';

export interface ProvisioningRoutesOptions {
  catalog?: OsCatalog;
}

// One catalog per process: osinfo-db is read once.
const sharedCatalog = new OsCatalog();

const JobHeaders = Type.Object({ 'x-virtdeck-job': Type.Optional(Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' })) });
const Flag = Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0'), Type.Literal('true'), Type.Literal('false')]));
const DeleteQuery = Type.Object({
  volumes: Type.Optional(Type.Union([Type.String({ maxLength: 1024 }), Type.Array(Type.String({ maxLength: 1024 }), { maxItems: 64 })])),
  snapshots: Flag,
  managedSave: Flag,
  nvram: Flag,
  force: Flag,
  breakDependants: Flag,
});
const on = (v: string | undefined): boolean | undefined => (v === undefined ? undefined : v === '1' || v === 'true');

export const provisioningRoutes: FastifyPluginAsyncTypebox<ProvisioningRoutesOptions> = async (app, opts) => {
  const catalog = opts.catalog ?? sharedCatalog;
  const platforms = new PlatformCache();
  const progress = (host: string, job: string, op: ProvisioningEventData['op']) => (step: string, done = false): void => {
    app.events.publish<ProvisioningEventData>({ type: 'provisioning', data: { host, job, op, step, done } });
  };

  app.get('/osinfo', { schema: { querystring: OsSearchQuery, response: { 200: OsSearchResult } } }, async (request) =>
    catalog.search(request.query.q ?? '', request.query.limit ?? 20),
  );

  app.get('/hosts/:host/provisioning/options', { schema: { params: HostParams, response: { 200: ProvisioningOptions } } }, async (request) => {
    const { host } = request.params;
    const client = app.hosts.get(host);
    return provisioningOptions(client, await platforms.get(host, app.hosts.uri(host), client));
  });

  app.post(
    '/hosts/:host/vms',
    { schema: { params: HostParams, headers: JobHeaders, body: CreateVmBody, response: { 200: CreateVmResult, 201: CreateVmResult } } },
    async (request, reply) => {
      const { host } = request.params;
      const client = app.hosts.get(host);
      const platform = await platforms.get(host, app.hosts.uri(host), client);
      const report = progress(host, request.body.job ?? request.headers['x-virtdeck-job'] ?? randomUUID(), 'create');
      const result = await createVm({ hostId: host, uri: app.hosts.uri(host), client, platform, catalog, progress: (s) => report(s) }, request.body);
      if (!result.dryRun) report('done', true);
      return reply.status(result.dryRun ? 200 : 201).send(result);
    },
  );

  app.post(
    '/hosts/:host/vms/:uuid/clone',
    { schema: { params: VmParams, headers: JobHeaders, body: CloneVmBody, response: { 200: CloneVmResult, 201: CloneVmResult } } },
    async (request, reply) => {
      const { host, uuid } = request.params;
      const { name, macs, dryRun } = request.body;
      const report = progress(host, request.body.job ?? request.headers['x-virtdeck-job'] ?? randomUUID(), 'clone');
      const result = await cloneVm({ client: app.hosts.get(host), progress: (s) => report(s) }, uuid, { name, ...(macs === undefined ? {} : { macs }), ...(dryRun === undefined ? {} : { dryRun }) });
      if (result.dryRun) return reply.status(200).send(result);
      report('done', true);
      return reply.status(201).send(result);
    },
  );

  app.get('/hosts/:host/vms/:uuid/delete-plan', { schema: { params: VmParams, response: { 200: DeletePlan } } }, async (request) =>
    deletePlan(app.hosts.get(request.params.host), request.params.uuid),
  );

  app.delete(
    '/hosts/:host/vms/:uuid',
    {
      schema: { params: VmParams, querystring: DeleteQuery, body: DeleteVmBody, response: { 200: DeleteVmResult } },
      // The options may come in the query alone (DELETE without a body).
      preValidation: async (request) => {
        if (request.body === undefined || request.body === null) request.body = {};
      },
    },
    async (request) => {
      const q = request.query;
      const b = request.body;
      const queryVolumes = q.volumes === undefined ? [] : Array.isArray(q.volumes) ? q.volumes : [q.volumes];
      const merged: DeleteVmBody = {
        volumes: [...(b.volumes ?? []), ...queryVolumes],
        snapshots: b.snapshots ?? on(q.snapshots) ?? false,
        managedSave: b.managedSave ?? on(q.managedSave) ?? false,
        nvram: b.nvram ?? on(q.nvram) ?? false,
        force: b.force ?? on(q.force) ?? false,
        breakDependants: b.breakDependants ?? on(q.breakDependants) ?? false,
      };
      return deleteVm(app.hosts.get(request.params.host), request.params.uuid, merged);
    },
  );

  app.post('/hosts/:host/vms/:uuid/save', { schema: { params: VmParams, response: { 200: SaveVmResult } } }, async (request) =>
    saveVm(app.hosts.get(request.params.host), request.params.uuid),
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HostParams } from '../../common/hosts.js';
import { AutostartBody, VmActionParams, VmActionResult, VmDetail, VmList, VmParams, VmXml, VmXmlQuery } from '../../common/vms.js';
import type { VmService } from '../vms/service.js';

export interface VmRoutesOptions {
  vms: VmService;
}

export const vmRoutes: FastifyPluginAsyncTypebox<VmRoutesOptions> = async (app, { vms }) => {
  app.get('/hosts/:host/vms', { schema: { params: HostParams, response: { 200: VmList } } }, async (request) => ({
    vms: await vms.list(request.params.host),
  }));

  app.get('/hosts/:host/vms/:uuid', { schema: { params: VmParams, response: { 200: VmDetail } } }, async (request) =>
    vms.detail(request.params.host, request.params.uuid),
  );

  app.get('/hosts/:host/vms/:uuid/xml', { schema: { params: VmParams, querystring: VmXmlQuery, response: { 200: VmXml } } }, async (request) => {
    const inactive = request.query.inactive === '1' || request.query.inactive === 'true';
    return { xml: await vms.xml(request.params.host, request.params.uuid, inactive) };
  });

  app.post('/hosts/:host/vms/:uuid/:action', { schema: { params: VmActionParams, response: { 200: VmActionResult } } }, async (request) =>
    vms.action(request.params.host, request.params.uuid, request.params.action),
  );

  // Static, so it wins over the :action route above.
  app.post('/hosts/:host/vms/:uuid/persist', { schema: { params: VmParams, response: { 200: VmActionResult } } }, async (request) => ({
    vm: await vms.persist(request.params.host, request.params.uuid),
  }));

  // libvirt sends no event for a removed save image: the hub tells the other pages.
  app.delete('/hosts/:host/vms/:uuid/managed-save', { schema: { params: VmParams, response: { 200: VmActionResult } } }, async (request) => {
    const vm = await vms.discardSavedState(request.params.host, request.params.uuid);
    app.events.publish({ type: 'vm', data: { host: request.params.host, uuid: vm.uuid, name: vm.name, kind: 'managed-save-removed', vm } });
    return { vm };
  });

  app.put('/hosts/:host/vms/:uuid/autostart', { schema: { params: VmParams, body: AutostartBody, response: { 200: VmActionResult } } }, async (request) => ({
    vm: await vms.setAutostart(request.params.host, request.params.uuid, request.body.enabled),
  }));
};

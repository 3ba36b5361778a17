import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HostParams } from '../../common/hosts.js';
import { HostBridges } from '../../common/networks.js';
import {
  ApplyQuery, BootBody, ChangeResult, DiskAddBody, DiskParams, DiskResizeBody, HardwareParams, HardwareView, LinkBody, MediaBody,
  MemoryBody, NicAddBody, NicParams, VcpusBody,
} from '../../common/hardware.js';
import { listHostBridges } from '../hardware/bridges.js';
import { hardwareView, loadVm } from '../hardware/context.js';
import { addDisk, changeMedia, detachDisk, resizeDisk } from '../hardware/disks.js';
import { addNic, detachNic, setLink } from '../hardware/nics.js';
import { setBootOrder, setMemory, setVcpus } from '../hardware/resources.js';

const changed = { response: { 200: ChangeResult } };

/** A VM's hardware: disks, NICs, vCPUs, memory, boot order (live and/or persistent). */
export const hardwareRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const vm = '/hosts/:host/vms/:uuid';
  const client = (host: string) => app.hosts.get(host);

  app.get(`${vm}/hardware`, { schema: { params: HardwareParams, response: { 200: HardwareView } } }, async (request) => {
    const { host, uuid } = request.params;
    return hardwareView(await loadVm(client(host), uuid), uuid);
  });

  app.get('/hosts/:host/bridges', { schema: { params: HostParams, response: { 200: HostBridges } } }, async (request) => ({
    bridges: await listHostBridges(client(request.params.host)),
  }));

  app.post(`${vm}/disks`, { schema: { params: HardwareParams, body: DiskAddBody, ...changed } }, async (request) =>
    addDisk(client(request.params.host), request.params.uuid, request.body));
  app.delete(`${vm}/disks/:target`, { schema: { params: DiskParams, querystring: ApplyQuery, ...changed } }, async (request) =>
    detachDisk(client(request.params.host), request.params.uuid, request.params.target, request.query.apply));
  app.put(`${vm}/disks/:target/media`, { schema: { params: DiskParams, body: MediaBody, ...changed } }, async (request) =>
    changeMedia(client(request.params.host), request.params.uuid, request.params.target, request.body, request.body.apply));
  app.delete(`${vm}/disks/:target/media`, { schema: { params: DiskParams, querystring: ApplyQuery, ...changed } }, async (request) =>
    changeMedia(client(request.params.host), request.params.uuid, request.params.target, undefined, request.query.apply));
  app.post(`${vm}/disks/:target/resize`, { schema: { params: DiskParams, body: DiskResizeBody, ...changed } }, async (request) =>
    resizeDisk(client(request.params.host), request.params.uuid, request.params.target, request.body.capacityBytes));

  app.post(`${vm}/interfaces`, { schema: { params: HardwareParams, body: NicAddBody, ...changed } }, async (request) =>
    addNic(client(request.params.host), request.params.uuid, request.body));
  app.delete(`${vm}/interfaces/:mac`, { schema: { params: NicParams, querystring: ApplyQuery, ...changed } }, async (request) =>
    detachNic(client(request.params.host), request.params.uuid, request.params.mac, request.query.apply));
  app.put(`${vm}/interfaces/:mac/link`, { schema: { params: NicParams, body: LinkBody, ...changed } }, async (request) =>
    setLink(client(request.params.host), request.params.uuid, request.params.mac, request.body.state, request.body.apply));

  app.put(`${vm}/vcpus`, { schema: { params: HardwareParams, body: VcpusBody, ...changed } }, async (request) =>
    setVcpus(client(request.params.host), request.params.uuid, request.body));
  app.put(`${vm}/memory`, { schema: { params: HardwareParams, body: MemoryBody, ...changed } }, async (request) =>
    setMemory(client(request.params.host), request.params.uuid, request.body));
  app.put(`${vm}/boot`, { schema: { params: HardwareParams, body: BootBody, ...changed } }, async (request) =>
    setBootOrder(client(request.params.host), request.params.uuid, request.body));
};

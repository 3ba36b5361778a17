import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { WebSocket } from 'ws';
import { ConsoleCloseCode, ConsoleList, SerialQuery, VncQuery } from '../../common/consoles.js';
import { ConsoleHolders } from '../consoles/holders.js';
import { listConsoles } from '../consoles/list.js';
import type { ConsoleLibvirt } from '../consoles/libvirt-port.js';
import { isOriginAllowed, originAllowListFromEnv } from '../consoles/origin.js';
import { SerialSession } from '../consoles/serial-session.js';
import { closeSocket, sendControl } from '../consoles/socket.js';
import { DomainStartWatch } from '../consoles/start-watcher.js';
import { VncSession } from '../consoles/vnc-session.js';

const VmParams = Type.Object({
  host: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }),
  uuid: Type.String({ pattern: '^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$' }),
});

export interface ConsoleRouteOptions {
  /** Origins allowed besides the server's own; defaults to VIRTDECK_CONSOLE_ORIGINS. */
  allowedOrigins?: readonly string[];
}

/** Serial and VNC console WebSockets, and the list of a VM's console devices. */
export const consoleRoutes: FastifyPluginAsyncTypebox<ConsoleRouteOptions> = async (app, options) => {
  const holders = new ConsoleHolders();
  const starts = new DomainStartWatch(app.hosts);
  app.addHook('onClose', async () => starts.close());
  const allowedOrigins = options.allowedOrigins ?? originAllowListFromEnv(process.env);

  const checkOrigin = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!isOriginAllowed(request.headers.origin, request.headers.host, allowedOrigins)) {
      await reply.code(403).send({ error: { code: 'FORBIDDEN_ORIGIN', message: 'This origin may not open consoles' } });
    }
  };

  /** The host's client, or the socket closed with the reason when the host is unknown or down. */
  const clientFor = (socket: WebSocket, host: string): ConsoleLibvirt | null => {
    try {
      return app.hosts.get(host);
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      const message = error instanceof Error ? error.message : 'host unavailable';
      const code = status === 404 ? ConsoleCloseCode.notFound : ConsoleCloseCode.hostUnavailable;
      sendControl(socket, { type: 'status', state: 'closed', message });
      closeSocket(socket, code, message);
      return null;
    }
  };

  app.get('/hosts/:host/vms/:uuid/consoles', {
    schema: { params: VmParams, response: { 200: ConsoleList } },
  }, async (request) => listConsoles(app.hosts.get(request.params.host), request.params.uuid));

  app.get('/hosts/:host/vms/:uuid/console/serial', {
    websocket: true,
    preValidation: checkOrigin,
    schema: { params: VmParams, querystring: SerialQuery },
  }, (socket, request) => {
    const { host, uuid } = request.params;
    const client = clientFor(socket, host);
    if (client === null) return;
    new SerialSession({
      ws: socket,
      client,
      hostId: host,
      uuid,
      device: request.query.device ?? null,
      force: request.query.force === '1',
      holders,
      watchStart: (dom, onStarted) => starts.watch(host, dom, onStarted),
      log: request.log,
    }).start();
  });

  // The target comes from the VM's live XML only; the one query parameter says whether to wait for a start.
  app.get('/hosts/:host/vms/:uuid/console/vnc', {
    websocket: true,
    preValidation: checkOrigin,
    schema: { params: VmParams, querystring: VncQuery },
  }, (socket, request) => {
    const { host, uuid } = request.params;
    const client = clientFor(socket, host);
    if (client === null) return;
    void new VncSession({
      ws: socket,
      client,
      uuid,
      watchStart: (dom, onStarted) => starts.watch(host, dom, onStarted),
      log: request.log,
      waitForStart: request.query.wait === '1',
    }).start();
  });
};

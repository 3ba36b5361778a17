import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { WebSocket } from 'ws';
import { ConsoleCloseCode, ConsoleList, SerialQuery, VncQuery } from '../../common/consoles.js';
import { ConsoleHolders } from '../consoles/holders.js';
import { listConsoles } from '../consoles/list.js';
import type { ConsoleLibvirt } from '../consoles/libvirt-port.js';
import { SESSION_ENDED_CLOSE_CODE } from '../auth/live-sessions.js';
import { SerialSession } from '../consoles/serial-session.js';
import { closeSocket, sendControl } from '../consoles/socket.js';
import { DomainStartWatch } from '../consoles/start-watcher.js';
import { VncSession } from '../consoles/vnc-session.js';

const VmParams = Type.Object({
  host: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }),
  uuid: Type.String({ pattern: '^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$' }),
});

/**
 * Serial and VNC console WebSockets, and the list of a VM's console devices. The origin rule, login and
 * `vm.console` are checked for the upgrade by the auth guard (server/auth/auth-plugin.ts).
 */
export const consoleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const holders = new ConsoleHolders();
  const starts = new DomainStartWatch(app.hosts);
  app.addHook('onClose', async () => starts.close());

  /** Ends the socket when its session or token ends; typing into the console counts as session activity. */
  const endWithCredential = (socket: WebSocket, request: FastifyRequest): boolean => {
    const { principal, recheckCredential } = request;
    if (principal === undefined || recheckCredential === undefined) {
      closeSocket(socket, ConsoleCloseCode.forbidden, 'Log in first');
      return false;
    }
    const handle = app.auth.live.add(principal, recheckCredential, () => {
      sendControl(socket, { type: 'status', state: 'closed', message: 'Your session ended' });
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(SESSION_ENDED_CLOSE_CODE, 'Your session ended');
    });
    socket.on('message', () => handle.markActive());
    socket.on('close', () => handle.remove());
    return true;
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
    schema: { params: VmParams, querystring: SerialQuery },
  }, (socket, request) => {
    if (!endWithCredential(socket, request)) return;
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
    schema: { params: VmParams, querystring: VncQuery },
  }, (socket, request) => {
    if (!endWithCredential(socket, request)) return;
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

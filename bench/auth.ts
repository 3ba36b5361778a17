/**
 * `npm run bench -- auth`: what authorisation costs at 1,000 VMs, measured beside the same work without it.
 *
 * One server (security on) and, sharing its libvirt connection, VM service and event hub, a bare Fastify
 * instance with only the VM list route and a plain event stream: the unauthenticated path. Measured in
 * the same run, requests interleaved so both see the same machine load:
 *  - GET /api/v1/hosts/test/vms p50/p95: bare, as admin (no filter), as an Operator granted 100 single VMs
 *    (the ACL filter runs on every row);
 *  - SSE fan-out: a VM start reaching all of 50 clients, each a user with a different set of granted VMs,
 *    beside 50 clients of the bare stream.
 * Prints one JSON line per result; `ratio` is bare / authorised (1.0 = no cost; 0.91 = 10 % added).
 */
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { type BenchResult, percentile } from './run.js';
import { buildTestApp, login, type Api } from '../test/helpers/app.js';
import { SseClient } from '../server/events/sse-client.test-helpers.js';
import { defineManyTestDomains, type ManyDomains } from '../server/vms/many-domains.test-helpers.js';
import { vmRoutes } from '../server/routes/vms.js';
import { installErrorHandlers } from '../server/http/handlers.js';
import { objectPath } from '../common/access.js';

const COUNT = 1000;
const REQUESTS = 60;
const CLIENTS = 50;
const VMS_PER_CLIENT = 20;
const OPERATOR_VMS = 100;
const EVENT_ROUNDS = 15;

function result(metric: string, value: number, unit: string, baseline: number): BenchResult {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { bench: 'auth', metric, value: round(value), unit, baseline: round(baseline), ratio: value === 0 ? null : round(baseline / value) };
}

async function createUser(api: Api, username: string, password: string, vmUuids: string[]): Promise<void> {
  const made = await api({ method: 'POST', url: '/api/v1/access/users', payload: { username, password } });
  if (made.statusCode !== 201) throw new Error(`creating ${username} answered ${made.statusCode}: ${made.body.slice(0, 200)}`);
  for (const uuid of vmUuids) {
    const granted = await api({ method: 'POST', url: '/api/v1/access/grants', payload: { username, role: 'Operator', path: objectPath('test', 'vms', uuid) } });
    if (granted.statusCode !== 201) throw new Error(`granting ${username} answered ${granted.statusCode}: ${granted.body.slice(0, 200)}`);
  }
}

async function timedGet(url: string, headers: Record<string, string>, expected: number): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const body = (await res.json()) as { vms: unknown[] };
  const ms = performance.now() - t0;
  if (res.status !== 200 || body.vms.length < expected) throw new Error(`GET ${url} answered ${res.status} with ${body.vms.length} VMs, expected ${expected}`);
  return ms;
}

/** Time from a start through libvirt until every client has the VM's `started` event. */
async function fanOut(clients: SseClient[], many: ManyDomains, index: number): Promise<number> {
  const dom = many.domains[index];
  const uuid = many.uuids[index] ?? '';
  if (dom === undefined) throw new Error('no such bench domain');
  const isStart = (m: { event: string; data: string }) => m.event === 'vm' && m.data.includes(uuid) && m.data.includes('"event":"started"');
  const isStop = (m: { event: string; data: string }) => m.event === 'vm' && m.data.includes(uuid) && m.data.includes('"event":"stopped"');
  const since = clients.map((c) => c.messages.length);
  const t0 = performance.now();
  const started = Promise.all(clients.map((c, i) => c.next(isStart, 10_000, since[i])));
  await many.client.domainCreate({ dom });
  const last = Math.max(...(await started).map((m) => m.receivedAt)) - t0;
  await many.client.domainDestroy({ dom });
  await Promise.all(clients.map((c, i) => c.next(isStop, 10_000, since[i])));
  return last;
}

export async function run(): Promise<BenchResult[]> {
  const { app, api, socketHeaders } = await buildTestApp({ config: { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0 } });
  const bare = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>().setValidatorCompiler(TypeBoxValidatorCompiler);
  let many: ManyDomains | undefined;
  const clients: SseClient[] = [];
  try {
    await app.hosts.ready('test');
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    installErrorHandlers(bare);
    await bare.register(vmRoutes, { prefix: '/api/v1', vms: app.vms.service });
    // The same hub, written to the socket with no gate: what the stream costs without authorisation.
    bare.get('/api/v1/events', (request, reply) => {
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      reply.raw.write('retry: 2000\n\n');
      const unsubscribe = app.events.subscribe((frame) => reply.raw.write(frame));
      request.raw.on('close', unsubscribe);
    });
    const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });

    many = await defineManyTestDomains(COUNT, 'bench-auth');
    const uuids = many.uuids;
    // Let the burst of "defined" events pass before measuring.
    await new Promise((r) => setTimeout(r, 3000));

    const password = `pw-${randomBytes(12).toString('hex')}`;
    await createUser(api, 'bench-operator', password, uuids.slice(0, OPERATOR_VMS));
    const operatorCookie = await login(app, 'bench-operator', password);
    const adminHeaders = socketHeaders();
    const operatorHeaders = { ...adminHeaders, cookie: operatorCookie };

    const listPath = '/api/v1/hosts/test/vms';
    const bareSamples: number[] = [];
    const adminSamples: number[] = [];
    const operatorSamples: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      bareSamples.push(await timedGet(`${bareBase}${listPath}`, {}, COUNT));
      adminSamples.push(await timedGet(`${base}${listPath}`, adminHeaders, COUNT));
      operatorSamples.push(await timedGet(`${base}${listPath}`, operatorHeaders, OPERATOR_VMS));
    }
    const results = [
      result('get_vms_p50_ms_admin', percentile(adminSamples, 50), 'ms', percentile(bareSamples, 50)),
      result('get_vms_p95_ms_admin', percentile(adminSamples, 95), 'ms', percentile(bareSamples, 95)),
      result('get_vms_p50_ms_acl_filtered', percentile(operatorSamples, 50), 'ms', percentile(bareSamples, 50)),
      result('get_vms_p95_ms_acl_filtered', percentile(operatorSamples, 95), 'ms', percentile(bareSamples, 95)),
    ];

    // 50 users, each granted the measured VMs and a different slice of 20 others.
    const measured = uuids.slice(OPERATOR_VMS, OPERATOR_VMS + EVENT_ROUNDS);
    for (let c = 0; c < CLIENTS; c++) {
      const start = OPERATOR_VMS + EVENT_ROUNDS + c * VMS_PER_CLIENT;
      const name = `bench-user-${String(c)}`;
      await createUser(api, name, password, [...measured, ...uuids.slice(start, start + VMS_PER_CLIENT)]);
      clients.push(await SseClient.open(`${base}/api/v1/events`, { ...adminHeaders, cookie: await login(app, name, password) }));
    }
    const authSamples: number[] = [];
    const bareFanOut: number[] = [];
    // One set of clients at a time, so that neither waits behind the other's writes.
    const bareClients = await Promise.all(Array.from({ length: CLIENTS }, () => SseClient.open(`${bareBase}/api/v1/events`)));
    for (let round = 0; round < EVENT_ROUNDS; round++) bareFanOut.push(await fanOut(bareClients, many, OPERATOR_VMS + round));
    for (const client of bareClients) client.close();
    for (let round = 0; round < EVENT_ROUNDS; round++) authSamples.push(await fanOut(clients, many, OPERATOR_VMS + round));
    results.push(
      result('sse_fanout_50_clients_p50_ms', percentile(authSamples, 50), 'ms', percentile(bareFanOut, 50)),
      result('sse_fanout_50_clients_p95_ms', percentile(authSamples, 95), 'ms', percentile(bareFanOut, 95)),
    );
    return results;
  } finally {
    for (const client of clients) client.close();
    await many?.remove();
    await bare.close();
    await app.close();
  }
}

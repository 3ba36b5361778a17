/**
 * `npm run bench -- vms`: the VM list and live events at 1,000 VMs.
 *
 * Defines 1,000 domains in test:///default (unique prefix, removed afterwards) and measures, in
 * the same run:
 *  - GET /api/v1/hosts/test/vms over HTTP to a real server: the first request, made while the
 *    server still handles the 1,000 "defined" events, then p50/p95 of 50 requests once that is
 *    over, beside the shell way (`virsh list --all` then `virsh dominfo` per VM);
 *  - the time from `virsh start` to the `vm` event reaching an SSE client, and from a start through
 *    our own client (no process start) to the event.
 * Prints one JSON line per result: {"bench","metric","value","unit","baseline","ratio"}.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type BenchResult, percentile } from './run.js';
import { buildTestApp } from '../test/helpers/app.js';
import { SseClient } from '../server/events/sse-client.test-helpers.js';
import { defineManyTestDomains } from '../server/vms/many-domains.test-helpers.js';

const execFileAsync = promisify(execFile);
const VIRSH_URI = 'test+unix:///default';
const COUNT = 1000;
const REQUESTS = 50;
const EVENT_ROUNDS = 20;

function result(metric: string, value: number, unit: string, baseline: number | null = null): BenchResult {
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    bench: 'vms',
    metric,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline === null || value === 0 ? null : round(baseline / value),
  };
}

async function virsh(...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('virsh', ['-q', '-c', VIRSH_URI, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The shell-dashboard way: one `virsh list`, then one `virsh dominfo` process per VM. */
async function shellInventory(): Promise<{ ms: number; vms: number }> {
  const t0 = performance.now();
  const names = (await virsh('list', '--all', '--uuid')).split('\n').filter((l) => l.trim() !== '');
  for (const uuid of names) await virsh('dominfo', uuid.trim());
  return { ms: performance.now() - t0, vms: names.length };
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const emit = (...args: Parameters<typeof result>) => {
    results.push(result(...args));
  };
  // Logged in as admin, as every client of the server is: the measured path includes the session check.
  const { app, socketHeaders } = await buildTestApp({ config: { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0 } });
  let many: Awaited<ReturnType<typeof defineManyTestDomains>> | undefined;
  try {
    await app.hosts.ready('test');
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    // Count the vm events of the definitions, to know when that burst of background work is over.
    let defined = 0;
    const stopCounting = app.events.subscribe((frame) => {
      if (frame.includes('event: vm') && frame.includes('"event":"defined"')) defined++;
    });
    many = await defineManyTestDomains(COUNT, 'bench');
    const listUrl = `${base}/api/v1/hosts/test/vms`;
    const headers = socketHeaders();

    const get = async () => {
      const t0 = performance.now();
      const res = await fetch(listUrl, { headers });
      const body = (await res.json()) as { vms: unknown[] };
      if (res.status !== 200) throw new Error(`GET vms answered ${res.status}`);
      return { ms: performance.now() - t0, count: body.vms.length };
    };
    const cold = await get();
    if (cold.count < COUNT) throw new Error(`GET vms listed ${cold.count} VMs, expected at least ${COUNT}`);
    const burstStart = performance.now();
    while (defined < COUNT && performance.now() - burstStart < 120_000) await new Promise((r) => setTimeout(r, 50));
    stopCounting();
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS; i++) samples.push((await get()).ms);

    const shell = await shellInventory();
    emit('get_vms_first_while_1000_define_events_ms', cold.ms, 'ms', shell.ms);
    emit('get_vms_p50_ms', percentile(samples, 50), 'ms', shell.ms);
    emit('get_vms_p95_ms', percentile(samples, 95), 'ms', shell.ms);
    emit('vms_listed', cold.count, 'count', shell.vms);

    // Events: start/destroy bench domains while an SSE client listens.
    const sse = await SseClient.open(`${base}/api/v1/events`, headers);
    await sse.next((m) => m.event === 'host');
    const viaVirsh: number[] = [];
    const virshOwn: number[] = [];
    const viaClient: number[] = [];
    for (let i = 0; i < EVENT_ROUNDS; i++) {
      const uuid = many.uuids[i] ?? '';
      const dom = many.domains[i];
      if (dom === undefined) break;
      const since = sse.messages.length;
      const isStart = (m: { event: string; data: string }) => m.event === 'vm' && m.data.includes(uuid) && m.data.includes('"event":"started"');
      const t0 = performance.now();
      const started = sse.next(isStart, 5000, since);
      await virsh('start', uuid);
      virshOwn.push(performance.now() - t0);
      viaVirsh.push((await started).receivedAt - t0);
      await many.client.domainDestroy({ dom });
      await sse.next((m) => m.event === 'vm' && m.data.includes(uuid) && m.data.includes('"event":"stopped"'), 5000, since);

      const since2 = sse.messages.length;
      const t1 = performance.now();
      const started2 = sse.next(isStart, 5000, since2);
      await many.client.domainCreate({ dom });
      viaClient.push((await started2).receivedAt - t1);
      await many.client.domainDestroy({ dom });
      await sse.next((m) => m.event === 'vm' && m.data.includes(uuid) && m.data.includes('"event":"stopped"'), 5000, since2);
    }
    sse.close();
    emit('virsh_start_to_sse_event_p50_ms', percentile(viaVirsh, 50), 'ms', percentile(virshOwn, 50));
    emit('virsh_start_to_sse_event_p95_ms', percentile(viaVirsh, 95), 'ms', percentile(virshOwn, 95));
    emit('libvirt_start_to_sse_event_p50_ms', percentile(viaClient, 50), 'ms');
    emit('libvirt_start_to_sse_event_p95_ms', percentile(viaClient, 95), 'ms');
  } finally {
    await many?.remove();
    await app.close();
  }
  return results;
}

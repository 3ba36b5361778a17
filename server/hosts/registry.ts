import { LibvirtClient, type ConnectOptions } from '../libvirt/index.js';
import type { HostConfig } from '../config.js';
import type { HostConnectionState, HostSummary } from '../../common/hosts.js';
import { ErrorCodes } from '../../common/errors.js';
import { HttpError } from '../http/errors.js';
import type { HostConnectionSettings } from './connection-settings.js';

interface Entry {
  config: HostConfig;
  client: LibvirtClient | undefined;
  state: HostConnectionState;
  error: string | undefined;
  since: string;
}

export type HostStateListener = (summary: HostSummary) => void;
export type ClientOpener = (options: ConnectOptions) => LibvirtClient;

export interface HostRegistryOptions {
  socketPath?: string;
  /** How clients are opened; LibvirtClient.open (connects in the background, reconnects) by default. */
  open?: ClientOpener;
  /** Host keys, credentials and transport policy per host (none: only local and no_verify=1 SSH hosts connect). */
  connection?: HostConnectionSettings;
}

/**
 * One long-lived libvirt client per configured host. The client reconnects by itself; the
 * registry tracks its state for `GET /hosts` and the `host` events, and hands out clients to
 * routes: `hosts.get(id)` is a connected client or an HttpError (404 unknown host, 503 down).
 */
export class HostRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<HostStateListener>();
  private readonly clientListeners = new Set<(hostId: string, client: LibvirtClient) => void>();
  private readonly open: ClientOpener;
  private started = false;

  constructor(
    hosts: readonly HostConfig[],
    private readonly options: HostRegistryOptions = {},
  ) {
    this.open = options.open ?? ((o) => LibvirtClient.open(o));
    const now = new Date().toISOString();
    for (const config of hosts) {
      this.entries.set(config.id, { config, client: undefined, state: 'connecting', error: undefined, since: now });
    }
  }

  /** Opens every host's connection (in the background). */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const entry of this.entries.values()) this.openEntry(entry);
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  list(): HostSummary[] {
    return [...this.entries.values()].map(summaryOf);
  }

  summary(id: string): HostSummary {
    return summaryOf(this.entry(id));
  }

  uri(id: string): string {
    return this.entry(id).config.uri;
  }

  /** The connected client of `id`; throws HttpError 404 for an unknown host, 503 when it is not connected. */
  get(id: string): LibvirtClient {
    const entry = this.entry(id);
    if (entry.client === undefined || entry.state !== 'connected') {
      const why = entry.error === undefined ? '' : `: ${entry.error}`;
      const what = entry.state === 'connecting' ? 'is still connecting' : 'is not connected';
      throw new HttpError(503, ErrorCodes.hostUnavailable, `Host "${id}" (${entry.config.uri}) ${what}${why}`);
    }
    return entry.client;
  }

  /** The client of `id` whatever its state (for event subscriptions that survive reconnects). */
  client(id: string): LibvirtClient | undefined {
    return this.entries.get(id)?.client;
  }

  /** Resolves once `id` is connected; rejects after `timeoutMs` with the reason it is not. */
  async ready(id: string, timeoutMs = 15_000): Promise<LibvirtClient> {
    const entry = this.entry(id);
    if (entry.state === 'connected' && entry.client !== undefined) return entry.client;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`host ${id} not connected within ${timeoutMs} ms${entry.error === undefined ? '' : `: ${entry.error}`}`));
      }, timeoutMs);
      const off = this.onState((s) => {
        if (s.id === id && s.state === 'connected' && entry.client !== undefined) {
          clearTimeout(timer);
          off();
          resolve(entry.client);
        }
      });
    });
  }

  onState(listener: HostStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called once per host when its client object is created (subscribe to libvirt events there). */
  onClient(listener: (hostId: string, client: LibvirtClient) => void): () => void {
    this.clientListeners.add(listener);
    for (const [id, entry] of this.entries) if (entry.client !== undefined) listener(id, entry.client);
    return () => this.clientListeners.delete(listener);
  }

  async close(): Promise<void> {
    const clients = [...this.entries.values()].map((e) => e.client).filter((c) => c !== undefined);
    this.listeners.clear();
    this.clientListeners.clear();
    await Promise.allSettled(clients.map((c) => c.close()));
  }

  private entry(id: string): Entry {
    const entry = this.entries.get(id);
    if (entry === undefined) throw new HttpError(404, ErrorCodes.hostNotFound, `No host "${id}" is configured`);
    return entry;
  }

  private openEntry(entry: Entry): void {
    const client = this.open({
      uri: entry.config.uri,
      ...(this.options.socketPath === undefined ? {} : { socketPath: this.options.socketPath }),
      ...this.options.connection?.optionsFor(entry.config),
    });
    entry.client = client;
    client.on('connected', () => this.setState(entry, 'connected', undefined));
    client.on('disconnected', (err) => this.setState(entry, 'disconnected', err?.message ?? entry.error ?? 'connection closed'));
    client.on('reconnecting', (info) => this.setState(entry, 'disconnected', info.error?.message ?? entry.error ?? 'connection lost'));
    if (client.state === 'connected') this.setState(entry, 'connected', undefined);
    for (const listener of this.clientListeners) listener(entry.config.id, client);
  }

  private setState(entry: Entry, state: HostConnectionState, error: string | undefined): void {
    if (entry.state === state && entry.error === error) return;
    if (entry.state !== state) entry.since = new Date().toISOString();
    entry.state = state;
    entry.error = state === 'connected' ? undefined : error;
    const summary = summaryOf(entry);
    for (const listener of this.listeners) listener(summary);
  }
}

function summaryOf(entry: Entry): HostSummary {
  return {
    id: entry.config.id,
    uri: entry.config.uri,
    state: entry.state,
    since: entry.since,
    ...(entry.error === undefined ? {} : { error: entry.error }),
  };
}

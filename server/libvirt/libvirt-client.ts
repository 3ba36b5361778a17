import { ClientCore, installProcedures, type ConnectOptions, type ProcedureMethods, type StreamOpener } from './client.js';
import type { CallOptions } from './procedure.js';
import {
  EventHub,
  type DomainEventMap,
  type NetworkEventMap,
  type StoragePoolEventMap,
  type Unsubscribe,
} from './events.js';
import { allProcedures } from './procedures/index.js';
import type { DomainRef, NetworkRef, StoragePoolRef } from './remote-types.js';
import { LibvirtStream } from './stream.js';
import { encode } from './xdr/index.js';

/** A libvirt connection with one typed method per remote procedure (see README.md). */
export type LibvirtClient = LibvirtClientImpl & ProcedureMethods<LibvirtStream>;

/** Procedures that move volume data: by default each runs on a connection of its own. */
const BULK_STREAMS = new Set(['storageVolUpload', 'storageVolDownload']);

const openStream: StreamOpener = async (client, p, name, args, options) => {
  const o = client.options;
  if (BULK_STREAMS.has(name) && o.bulkStreams === 'dedicated' && !o.dedicated) {
    return openOnDedicated(client as LibvirtClientImpl, name, args, options);
  }
  const t = client.requireTransport(name);
  const body = encode(p.args, args);
  const serial = t.nextSerial();
  const policy = { pauseSocket: o.dedicated, maxBufferedBytes: o.streamBufferBytes };
  const stream = new LibvirtStream(t, p.number, serial, p.direction, name, policy);
  // Registered before the call so that data racing the reply is not lost.
  t.registerStream(serial, stream);
  try {
    await t.callWithSerial(serial, p.number, body, options?.timeoutMs ?? o.callTimeoutMs, name);
  } catch (err) {
    t.unregisterStream(serial);
    throw err;
  }
  return stream;
};

/** Opens the stream on a new connection that closes with the stream. */
async function openOnDedicated(client: LibvirtClientImpl, name: string, args: unknown, options: CallOptions | undefined): Promise<LibvirtStream> {
  const dedicated = await client.openDedicated();
  try {
    const method = (dedicated as unknown as Record<string, (a: unknown, o?: CallOptions) => Promise<LibvirtStream>>)[name];
    if (!method) throw new Error(`${name}: no such stream procedure`);
    const stream = await method.call(dedicated, args, options);
    stream.once('close', () => void dedicated.close());
    return stream;
  } catch (err) {
    await dedicated.close();
    throw err;
  }
}

class LibvirtClientImpl extends ClientCore {
  private readonly events = new EventHub(this);

  /** Connects and completes the handshake; rejects when the first attempt fails. */
  static async connect(options: ConnectOptions): Promise<LibvirtClient> {
    const client = new LibvirtClientImpl(options) as LibvirtClient;
    await client.start();
    return client;
  }

  /** Returns at once; connects in the background and keeps retrying (watch `state` and the events). */
  static open(options: ConnectOptions): LibvirtClient {
    const client = new LibvirtClientImpl(options) as LibvirtClient;
    client.startInBackground();
    return client;
  }

  /**
   * Opens a second connection to the same daemon and URI for one bulk transfer: its streams
   * pause that connection's socket when their reader is slow, which stalls nothing else.
   * No keepalive, no reconnect; close it when done (see withDedicatedConnection).
   */
  openDedicated(): Promise<LibvirtClient> {
    const { uri, socketPath, callTimeoutMs, connectTimeoutMs, streamBufferBytes, hostKeys, ssh, tls, allowInsecureTcp, sasl } = this.options;
    return LibvirtClientImpl.connect({ uri, socketPath, callTimeoutMs, connectTimeoutMs, streamBufferBytes, hostKeys, ssh, tls, allowInsecureTcp, sasl, dedicated: true });
  }

  /** Subscribes to domain events; survives reconnects. Resolves to an unsubscribe function. */
  onDomainEvent<K extends keyof DomainEventMap>(
    kind: K,
    handler: (event: DomainEventMap[K]) => void,
    filter?: { dom?: DomainRef | null },
  ): Promise<Unsubscribe> {
    return this.events.onDomainEvent(kind, handler, filter);
  }

  /** Subscribes to virtual network events; survives reconnects. */
  onNetworkEvent<K extends keyof NetworkEventMap>(
    kind: K,
    handler: (event: NetworkEventMap[K]) => void,
    filter?: { net?: NetworkRef | null },
  ): Promise<Unsubscribe> {
    return this.events.onNetworkEvent(kind, handler, filter);
  }

  /** Subscribes to storage pool events; survives reconnects. */
  onStoragePoolEvent<K extends keyof StoragePoolEventMap>(
    kind: K,
    handler: (event: StoragePoolEventMap[K]) => void,
    filter?: { pool?: StoragePoolRef | null },
  ): Promise<Unsubscribe> {
    return this.events.onStoragePoolEvent(kind, handler, filter);
  }
}

installProcedures(LibvirtClientImpl.prototype, allProcedures, openStream);

// The class value is exported under the type's name: `LibvirtClient.connect(...)`, `client: LibvirtClient`.
export const LibvirtClient = LibvirtClientImpl;

/**
 * Runs `fn` with a connection of its own (`dedicated`: streams get true backpressure) and closes
 * it afterwards, whatever happens. For bulk transfers the caller drives itself.
 */
export async function withDedicatedConnection<T>(options: ConnectOptions, fn: (client: LibvirtClient) => Promise<T>): Promise<T> {
  const client = await LibvirtClientImpl.connect({ ...options, dedicated: true });
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

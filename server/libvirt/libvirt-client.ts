import { ClientCore, installProcedures, type ConnectOptions, type ProcedureMethods, type StreamOpener } from './client.js';
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

const openStream: StreamOpener = async (client, p, name, args, options) => {
  const t = client.requireTransport(name);
  const body = encode(p.args, args);
  const serial = t.nextSerial();
  const stream = new LibvirtStream(t, p.number, serial, p.direction, name);
  // Registered before the call so that data racing the reply is not lost.
  t.registerStream(serial, stream);
  try {
    await t.callWithSerial(serial, p.number, body, options?.timeoutMs ?? client.options.callTimeoutMs, name);
  } catch (err) {
    t.unregisterStream(serial);
    throw err;
  }
  return stream;
};

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

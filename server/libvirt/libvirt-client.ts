import { ClientCore, installProcedures, type ConnectOptions, type ProcedureMethods } from './client.js';
import { allProcedures } from './procedures/index.js';

/** A libvirt connection with one typed method per remote procedure (see README.md). */
export type LibvirtClient = LibvirtClientImpl & ProcedureMethods<never>;

class LibvirtClientImpl extends ClientCore {
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
}

installProcedures(LibvirtClientImpl.prototype, allProcedures, undefined);

// The class value is exported under the type's name: `LibvirtClient.connect(...)`, `client: LibvirtClient`.
export const LibvirtClient = LibvirtClientImpl;

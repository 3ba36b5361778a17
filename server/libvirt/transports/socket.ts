import net from 'node:net';
import { NotConnectedError } from '../errors.js';
import type { ByteStream } from '../transport.js';

/** Opens a unix or TCP socket; rejects with NotConnectedError when it cannot within `timeoutMs`. */
export function connectSocket(target: net.NetConnectOpts, label: string, timeoutMs: number): Promise<ByteStream> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(target);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new NotConnectedError(`connecting to ${label} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve({ stream: socket });
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(new NotConnectedError(`cannot connect to ${label}: ${err.message}`, { cause: err }));
    });
  });
}

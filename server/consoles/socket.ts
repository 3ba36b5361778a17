import type { RawData, WebSocket } from 'ws';
import type { ConsoleCloseCode, ServerControl } from '../../common/consoles.js';

const OPEN = 1;

export function sendControl(ws: WebSocket, control: ServerControl): void {
  if (ws.readyState === OPEN) ws.send(JSON.stringify(control));
}

/** Close reasons are limited to 123 bytes by RFC 6455. */
export function closeSocket(ws: WebSocket, code: ConsoleCloseCode, reason: string): void {
  let text = reason;
  while (Buffer.byteLength(text) > 123) text = text.slice(0, -1);
  if (ws.readyState === OPEN || ws.readyState === 0) ws.close(code, text);
}

export function rawDataToBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

import { parseServerControl, type ServerControl } from '../../../common/consoles';

type Handler<E> = ((event: E) => void) | null;

/**
 * A WebSocket look-alike for noVNC: binary frames (RFB) go to noVNC, JSON text frames (virtdeck
 * control: status, credentials) go to `onControl`, so that noVNC never sees a byte that is not RFB.
 */
export class ControlChannel {
  binaryType: BinaryType = 'arraybuffer';
  onopen: Handler<Event> = null;
  onmessage: Handler<MessageEvent> = null;
  onclose: Handler<CloseEvent> = null;
  onerror: Handler<Event> = null;

  constructor(
    private readonly ws: WebSocket,
    onControl: (control: ServerControl) => void,
  ) {
    ws.binaryType = 'arraybuffer';
    ws.addEventListener('open', (e) => this.onopen?.(e));
    ws.addEventListener('error', (e) => this.onerror?.(e));
    ws.addEventListener('close', (e) => this.onclose?.(e));
    ws.addEventListener('message', (e: MessageEvent<ArrayBuffer | string>) => {
      if (typeof e.data === 'string') {
        const control = parseServerControl(e.data);
        if (control !== null) onControl(control);
        return;
      }
      this.onmessage?.(e);
    });
  }

  get protocol(): string {
    return this.ws.protocol;
  }

  get readyState(): number {
    return this.ws.readyState;
  }

  send(data: Parameters<WebSocket['send']>[0]): void {
    this.ws.send(data);
  }

  close(code?: number, reason?: string): void {
    this.ws.close(code, reason);
  }
}

import { Type, type Static } from 'typebox';

/** Largest WebSocket frame a console accepts from the browser; bigger frames close the socket with 1009. */
export const CONSOLE_MAX_FRAME_BYTES = 1024 * 1024;

/** Console device names are libvirt device aliases such as `serial0` or `console1`. */
export const CONSOLE_DEVICE_PATTERN = '^[a-z][a-z0-9_-]{0,31}$';

export const SerialDevice = Type.Object({
  /** The alias libvirt opens the console by (`serial0`, `console1`). */
  name: Type.String(),
  kind: Type.Union([Type.Literal('serial'), Type.Literal('console')]),
  /** `isa-serial`, `virtio`, `pci-serial`, … as the domain XML says (empty when unknown). */
  targetType: Type.String(),
  port: Type.Integer(),
  /** How QEMU exposes it (`pty`, `file`, `unix`, …); only `pty` consoles can be opened. */
  sourceType: Type.String(),
});
export type SerialDevice = Static<typeof SerialDevice>;

export const GraphicsDevice = Type.Object({
  type: Type.String(),
  /** `address`, `socket` or `none`: where the VM's own server listens (never exposed to the browser). */
  listen: Type.Union([Type.Literal('address'), Type.Literal('socket'), Type.Literal('none')]),
  /** Whether virtdeck can relay this device to a browser (VNC with an address or a unix socket). */
  supported: Type.Boolean(),
  passwordProtected: Type.Boolean(),
});
export type GraphicsDevice = Static<typeof GraphicsDevice>;

export const ConsoleList = Type.Object({
  running: Type.Boolean(),
  serial: Type.Array(SerialDevice),
  graphics: Type.Array(GraphicsDevice),
});
export type ConsoleList = Static<typeof ConsoleList>;

export const SerialQuery = Type.Object({
  device: Type.Optional(Type.String({ pattern: CONSOLE_DEVICE_PATTERN })),
  force: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0')])),
});
export type SerialQuery = Static<typeof SerialQuery>;

export const VncQuery = Type.Object({
  wait: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0')])),
});
export type VncQuery = Static<typeof VncQuery>;

export type ConsoleState = 'connecting' | 'connected' | 'vm-not-running' | 'in-use' | 'closed';

/** Control frames the server sends as JSON text frames. */
export type ServerControl =
  | { type: 'status'; state: ConsoleState; message: string; device?: string }
  | { type: 'displaced'; message: string }
  /** The VM was started again; a VNC pane reconnects on this. */
  | { type: 'restarted'; message: string }
  /** Only on the VNC socket, only when the VM's graphics have a password. */
  | { type: 'vnc-credentials'; password: string };

/** Control frames the browser sends as JSON text frames. */
export type ClientControl =
  | { type: 'resize'; cols: number; rows: number }
  | { type: 'take-over' };

/**
 * WebSocket close codes used by the console sockets (4000–4999 are ours by RFC 6455).
 * The close reason carries a human readable message.
 */
export const ConsoleCloseCode = {
  normal: 1000,
  tooBig: 1009,
  internal: 1011,
  displaced: 4001,
  /** The VM was started again: open a new socket to see the new session. */
  restarted: 4002,
  badRequest: 4400,
  forbidden: 4403,
  notFound: 4404,
  notRunning: 4409,
  noGraphics: 4415,
  upstreamClosed: 4502,
  hostUnavailable: 4503,
} as const;
export type ConsoleCloseCode = (typeof ConsoleCloseCode)[keyof typeof ConsoleCloseCode];

/** The JSON object a control frame carries, or null when the text is not one. */
function parseJsonObject(text: string): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

const STATES: readonly ConsoleState[] = ['connecting', 'connected', 'vm-not-running', 'in-use', 'closed'];

/** Parses a server control frame; returns null for anything that is not one. */
export function parseServerControl(text: string): ServerControl | null {
  const value = parseJsonObject(text);
  if (value === null) return null;
  switch (value['type']) {
    case 'status': {
      const state = value['state'];
      const message = value['message'];
      if (typeof message !== 'string' || !STATES.includes(state as ConsoleState)) return null;
      const device = value['device'];
      return typeof device === 'string'
        ? { type: 'status', state: state as ConsoleState, message, device }
        : { type: 'status', state: state as ConsoleState, message };
    }
    case 'displaced':
    case 'restarted': {
      const message = value['message'];
      return typeof message === 'string' ? { type: value['type'], message } : null;
    }
    case 'vnc-credentials': {
      const password = value['password'];
      return typeof password === 'string' ? { type: 'vnc-credentials', password } : null;
    }
    default:
      return null;
  }
}

/** Parses a browser control frame; returns null for anything that is not one. */
export function parseClientControl(text: string): ClientControl | null {
  const value = parseJsonObject(text);
  if (value === null) return null;
  if (value['type'] === 'take-over') return { type: 'take-over' };
  if (value['type'] === 'resize') {
    const cols = value['cols'];
    const rows = value['rows'];
    if (
      typeof cols === 'number' && typeof rows === 'number' &&
      Number.isInteger(cols) && Number.isInteger(rows) &&
      cols > 0 && rows > 0 && cols <= 1000 && rows <= 1000
    ) {
      return { type: 'resize', cols, rows };
    }
  }
  return null;
}

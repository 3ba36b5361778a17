import { createRequire } from 'node:module';

/** The PAM service of virtdeck's logins; scripts/setup-host writes it. */
export const PAM_SERVICE = 'virtdeck';
export const PAM_SERVICE_FILE = `/etc/pam.d/${PAM_SERVICE}`;

/**
 * The addon copies the password into a 128-byte C buffer: a longer one would be cut (and so match its first
 * bytes), and a NUL would end it early. Such passwords are refused before PAM sees them.
 */
const MAX_PASSWORD_BYTES = 126;

type PamCallback = (error?: string) => void;

interface PamAddon {
  authenticate(username: string, password: string, callback: PamCallback, options: { serviceName: string; remoteHost: string }): void;
}

function isPamAddon(value: unknown): value is PamAddon {
  return typeof value === 'object' && value !== null && 'authenticate' in value && typeof value.authenticate === 'function';
}

let addon: PamAddon | undefined;

/** Loaded on the first PAM login, so that a machine without the addon still serves local users. */
function loadAddon(): PamAddon {
  if (addon !== undefined) return addon;
  const loaded: unknown = createRequire(import.meta.url)('authenticate-pam');
  if (!isPamAddon(loaded)) throw new Error('authenticate-pam has no authenticate function');
  addon = loaded;
  return addon;
}

export type PamResult = { ok: true } | { ok: false; reason: string };

/**
 * Checks `password` for the host account `username` through PAM (authentication only: the service's auth stack),
 * off the main thread. `reason` is PAM's message and never holds the password.
 */
export function pamAuthenticate(username: string, password: string, remoteHost: string): Promise<PamResult> {
  if (password.includes('\0') || Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    return Promise.resolve({ ok: false, reason: `password longer than ${MAX_PASSWORD_BYTES} bytes or with a NUL` });
  }
  let pam: PamAddon;
  try {
    pam = loadAddon();
  } catch (err) {
    return Promise.resolve({ ok: false, reason: `PAM unavailable: ${err instanceof Error ? err.message : String(err)}` });
  }
  return new Promise((resolve) => {
    pam.authenticate(username, password, (error) => resolve(error === undefined ? { ok: true } : { ok: false, reason: error }), {
      serviceName: PAM_SERVICE,
      remoteHost,
    });
  });
}

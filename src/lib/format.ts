import { shellQuote } from '../../common/shell.js';

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d}d ${h}h ${m}m`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${sec}s`;
  return `${sec}s`;
}


/** `virsh -c <uri> <command> <args…>` with the args already quoted by the caller's choice. */
export function virshCommand(uri: string, command: string, ...args: string[]): string {
  return ['virsh', '-c', shellQuote(uri), command, ...args].join(' ');
}

/**
 * The URI virsh needs to reach the same connection through the daemon: the test driver is
 * in-process for virsh unless named test+unix.
 */
export function virshUri(uri: string): string {
  return uri.replace(/^test:\/\/\//, 'test+unix:///');
}

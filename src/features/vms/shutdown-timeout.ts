/** How long a shutdown or reboot request may go unanswered before the page says so (seconds; remembered in the browser). */
import { useSyncExternalStore } from 'react';

export const DEFAULT_SHUTDOWN_TIMEOUT_SECONDS = 60;
export const SHUTDOWN_TIMEOUT_STORAGE_KEY = 'virtdeck.shutdownTimeoutSeconds';
const MAX_SECONDS = 3600;

const listeners = new Set<() => void>();

/** A whole number of seconds from 1 to 3600, or undefined. */
export function parseTimeoutSeconds(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text.trim())) return undefined;
  const n = Number(text);
  return n >= 1 && n <= MAX_SECONDS ? n : undefined;
}

function read(): number {
  try {
    return parseTimeoutSeconds(localStorage.getItem(SHUTDOWN_TIMEOUT_STORAGE_KEY)) ?? DEFAULT_SHUTDOWN_TIMEOUT_SECONDS;
  } catch {
    return DEFAULT_SHUTDOWN_TIMEOUT_SECONDS;
  }
}

export function setShutdownTimeoutSeconds(seconds: number): void {
  try {
    localStorage.setItem(SHUTDOWN_TIMEOUT_STORAGE_KEY, String(seconds));
  } catch {
    // Storage refused (private mode): the value holds for this page only.
  }
  listeners.forEach((l) => l());
}

export function useShutdownTimeoutSeconds(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
  );
}

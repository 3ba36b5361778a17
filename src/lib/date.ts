/**
 * The one date format of the app: `2026-12-03 13:05:09` in the browser's time zone, the same in
 * every locale (the locale's own format turns 03/12 into March or December depending on who looks).
 */
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatDateTime(date: Date | number): string {
  const d = typeof date === 'number' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return '—';
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** For libvirt's times, which are seconds since the epoch. */
export function formatEpochSeconds(seconds: number): string {
  return formatDateTime(seconds * 1000);
}

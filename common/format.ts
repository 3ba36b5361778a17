/**
 * The one formatter per kind of number shown anywhere: bytes, rates, percentages, counts.
 * Units are chosen by magnitude and every figure keeps at most three significant digits
 * (`26 B/s`, `1.5 KiB`, `12.3 GiB`, `128 MiB`), so pages never show a raw float.
 */

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

/** A figure the API could not send exactly: libvirt's value was above 2^53 (see common/exact-bytes.ts). */
export const UNKNOWN = 'unknown';
const NONE = '—';

/** At most three significant digits, trailing zeros trimmed: 1.5, 12.3, 128. */
function threeDigits(value: number): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const text = value.toFixed(digits);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** `1536` → `1.5 KiB`; undefined → `—`; null (not meaningful) → `unknown`. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null) return UNKNOWN;
  if (bytes === undefined || !Number.isFinite(bytes)) return NONE;
  const negative = bytes < 0;
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // Whole bytes are whole: a rate of 26.16 B/s reads "26 B".
  const text = unit === 0 ? String(Math.round(value)) : threeDigits(value);
  return `${negative ? '-' : ''}${text} ${BYTE_UNITS[unit]}`;
}

/** Bytes per second: `26.156941649899398` → `26 B/s`. */
export function formatRate(bytesPerSecond: number | null | undefined): string {
  const text = formatBytes(bytesPerSecond);
  return text === NONE || text === UNKNOWN ? text : `${text}/s`;
}

/** A percentage already scaled to 0–100: `12.345` → `12.3 %`, `100` → `100 %`. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null) return UNKNOWN;
  if (value === undefined || !Number.isFinite(value)) return NONE;
  return `${value < 0 ? '-' : ''}${threeDigits(Math.abs(value))} %`;
}

/** A count of things: whole, with thin-space thousands groups (`12 345`) independent of locale. */
export function formatCount(value: number | null | undefined): string {
  if (value === null) return UNKNOWN;
  if (value === undefined || !Number.isFinite(value)) return NONE;
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}

/** Size units as virsh reads them: K/KiB/M/MiB… are powers of 1024, KB/MB/GB… powers of 1000. */
const UNIT_FACTORS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  byte: 1,
  bytes: 1,
  k: 1024,
  kib: 1024,
  kb: 1000,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  mb: 1000 ** 2,
  g: 1024 ** 3,
  gib: 1024 ** 3,
  gb: 1000 ** 3,
  t: 1024 ** 4,
  tib: 1024 ** 4,
  tb: 1000 ** 4,
  p: 1024 ** 5,
  pib: 1024 ** 5,
  pb: 1000 ** 5,
};

export const SIZE_UNITS = ['MiB', 'GiB', 'TiB'] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number];

export const UNIT_BYTES: Readonly<Record<SizeUnit, number>> = {
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
};

/** Largest size the API accepts for a volume or a resize: 1 PiB. */
export const MAX_SIZE_BYTES = 1024 ** 5;

export type SizeParse = { ok: true; bytes: number } | { ok: false; reason: string };

/** Parses "3G", "1.5 GiB", "512MiB", "1000000" (bytes) into a whole number of bytes. */
export function parseSize(text: string): SizeParse {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$/.exec(text);
  if (!m) return { ok: false, reason: 'Enter a number followed by an optional unit, e.g. 10 GiB' };
  const [, num = '', unitRaw = ''] = m;
  const factor = UNIT_FACTORS[unitRaw.toLowerCase()];
  if (factor === undefined) return { ok: false, reason: `Unknown unit "${unitRaw}" (use KiB, MiB, GiB, TiB)` };
  const bytes = Math.round(Number(num) * factor);
  return checkSize(bytes);
}

/** Checks that a byte count is a positive integer within MAX_SIZE_BYTES. */
export function checkSize(bytes: number): SizeParse {
  if (!Number.isFinite(bytes) || !Number.isInteger(bytes)) return { ok: false, reason: 'Size must be a whole number of bytes' };
  if (bytes <= 0) return { ok: false, reason: 'Size must be greater than zero' };
  if (bytes > MAX_SIZE_BYTES) return { ok: false, reason: 'Size must be at most 1 PiB' };
  return { ok: true, bytes };
}

const FORMAT_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** Formats a byte count as "1.5 GiB" (binary units, up to 3 significant decimals trimmed). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const negative = bytes < 0;
  let value = Math.abs(bytes);
  let i = 0;
  while (value >= 1024 && i < FORMAT_UNITS.length - 1) {
    value /= 1024;
    i += 1;
  }
  const digits = i === 0 ? 0 : value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const text = value.toFixed(digits).replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');
  return `${negative ? '-' : ''}${text} ${FORMAT_UNITS[i]}`;
}

/** Splits a byte count into the largest unit that divides it evenly (for prefilling a size field). */
export function toUnitValue(bytes: number): { value: number; unit: SizeUnit } {
  for (const unit of [...SIZE_UNITS].reverse()) {
    const f = UNIT_BYTES[unit];
    if (bytes >= f && bytes % f === 0) return { value: bytes / f, unit };
  }
  return { value: Math.max(1, Math.ceil(bytes / UNIT_BYTES.MiB)), unit: 'MiB' };
}

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

/** What a size field holds: the typed amount ("10", "4G", "1.5 TiB") and the unit picked beside it. */
export interface SizeValue {
  amount: string;
  unit: SizeUnit;
}

/** An amount that carries its own unit ("4G", "512M", "1.5 TiB") wins over the picker. */
export function parseSizeValue({ amount, unit }: SizeValue): SizeParse {
  const text = amount.trim();
  return parseSize(/[A-Za-z]/.test(text) ? text : `${text} ${unit}`);
}

/** Checks that a byte count is a positive integer within MAX_SIZE_BYTES. */
export function checkSize(bytes: number): SizeParse {
  if (!Number.isFinite(bytes) || !Number.isInteger(bytes)) return { ok: false, reason: 'Size must be a whole number of bytes' };
  if (bytes <= 0) return { ok: false, reason: 'Size must be greater than zero' };
  if (bytes > MAX_SIZE_BYTES) return { ok: false, reason: 'Size must be at most 1 PiB' };
  return { ok: true, bytes };
}

/** Splits a byte count into the largest unit that divides it evenly (for prefilling a size field). */
export function toUnitValue(bytes: number): { value: number; unit: SizeUnit } {
  for (const unit of [...SIZE_UNITS].reverse()) {
    const f = UNIT_BYTES[unit];
    if (bytes >= f && bytes % f === 0) return { value: bytes / f, unit };
  }
  return { value: Math.max(1, Math.ceil(bytes / UNIT_BYTES.MiB)), unit: 'MiB' };
}

/** A size field's value for a byte count: the largest unit that holds it whole (64 MiB, 10 GiB). */
export function sizeValueOf(bytes: number): SizeValue {
  const { value, unit } = toUnitValue(bytes);
  return { amount: String(value), unit };
}

import { Type } from 'typebox';

/**
 * A byte count libvirt reported, or null when the figure is not meaningful: above 2^53 it cannot
 * travel exactly as a JSON number, and libvirt's 64-bit sizes only get there by going wrong (an
 * "available" that underflowed to 2^64-1 on a pool whose allocation exceeds its capacity).
 */
export const ReportedBytes = Type.Union([Type.Number(), Type.Null()]);
export type ReportedBytes = number | null;

/** libvirt's unsigned 64-bit size → an exact number of bytes, or null (not meaningful). */
export function reportedBytes(value: bigint): ReportedBytes {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
}

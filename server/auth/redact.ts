/** Body keys whose values never reach the audit log. */
const SECRET_KEY = /pass|secret|token|key|cookie|authorization/i;
export const REDACTED = '[redacted]';
export const SUMMARY_MAX_BYTES = 2048;

function redact(value: unknown, depth: number): unknown {
  if (depth > 20) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? REDACTED : redact(inner, depth + 1);
    return out;
  }
  return value;
}

/** Cuts UTF-8 text to at most `maxBytes` bytes without splitting a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  const marker = '…';
  let cut = maxBytes - Buffer.byteLength(marker);
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut -= 1;
  return bytes.subarray(0, cut).toString('utf8') + marker;
}

/**
 * A request body as the audit log keeps it: JSON with every value under a secret-sounding key replaced,
 * at most 2 KiB. Nothing for bodies that are not JSON values (uploads are streams).
 */
export function auditSummary(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'object' && !Array.isArray(body) && Object.getPrototypeOf(body) !== Object.prototype && Object.getPrototypeOf(body) !== null) {
    return undefined;
  }
  if (typeof body === 'function' || typeof body === 'symbol' || typeof body === 'bigint') return undefined;
  if (typeof body === 'string') return undefined; // plain text bodies may be anything; keep none
  return truncateUtf8(JSON.stringify(redact(body, 0)), SUMMARY_MAX_BYTES);
}

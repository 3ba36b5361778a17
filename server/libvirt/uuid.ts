const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Formats libvirt's 16 raw uuid bytes as `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`. */
export function uuidToString(uuid: Uint8Array): string {
  if (uuid.length !== 16) throw new RangeError(`uuid must be 16 bytes, got ${uuid.length}`);
  const hex = Buffer.from(uuid).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Parses a uuid string (with or without dashes) into 16 bytes; throws RangeError when malformed. */
export function uuidFromString(text: string): Uint8Array {
  if (!UUID_RE.test(text)) throw new RangeError(`not a uuid: ${JSON.stringify(text)}`);
  return new Uint8Array(Buffer.from(text.replace(/-/g, ''), 'hex'));
}

export function isUuid(text: string): boolean {
  return UUID_RE.test(text);
}

export function uuidEquals(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

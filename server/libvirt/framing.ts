import { ProtocolError } from './errors.js';
import { HEADER_SIZE, LENGTH_SIZE, MESSAGE_MAX } from './protocol.js';

export interface PacketHeader {
  program: number;
  version: number;
  procedure: number;
  type: number;
  serial: number;
  status: number;
}

export interface Packet {
  header: PacketHeader;
  /** The XDR body (or raw stream bytes), without length word and header. */
  body: Buffer;
}

/** Builds one packet: length word, header, body. */
export function encodePacket(header: PacketHeader, body: Uint8Array = Buffer.alloc(0)): Buffer {
  const total = LENGTH_SIZE + HEADER_SIZE + body.length;
  if (total - LENGTH_SIZE > MESSAGE_MAX) {
    throw new ProtocolError(`packet of ${total} bytes exceeds the ${MESSAGE_MAX} byte maximum`);
  }
  const out = Buffer.allocUnsafe(total);
  out.writeUInt32BE(total, 0);
  out.writeUInt32BE(header.program >>> 0, 4);
  out.writeUInt32BE(header.version >>> 0, 8);
  out.writeInt32BE(header.procedure | 0, 12);
  out.writeInt32BE(header.type | 0, 16);
  out.writeUInt32BE(header.serial >>> 0, 20);
  out.writeInt32BE(header.status | 0, 24);
  out.set(body, LENGTH_SIZE + HEADER_SIZE);
  return out;
}

/** Parses the header of a complete packet (length word included). */
export function decodePacket(packet: Buffer): Packet {
  if (packet.length < LENGTH_SIZE + HEADER_SIZE) {
    throw new ProtocolError(`packet of ${packet.length} bytes is shorter than a header`);
  }
  const len = packet.readUInt32BE(0);
  if (len !== packet.length) throw new ProtocolError(`packet length word ${len} != ${packet.length} bytes`);
  return {
    header: {
      program: packet.readUInt32BE(4),
      version: packet.readUInt32BE(8),
      procedure: packet.readInt32BE(12),
      type: packet.readInt32BE(16),
      serial: packet.readUInt32BE(20),
      status: packet.readInt32BE(24),
    },
    body: packet.subarray(LENGTH_SIZE + HEADER_SIZE),
  };
}

/**
 * Reassembles packets from socket chunks: a packet may span chunks and a
 * chunk may carry several packets. A bad length word is a ProtocolError; the
 * connection cannot be resynchronised after it.
 */
export class PacketReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Adds a chunk and returns every packet now complete. */
  push(chunk: Buffer): Packet[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const out: Packet[] = [];
    for (;;) {
      if (this.buffered < LENGTH_SIZE) break;
      const len = this.peekLength();
      if (len < LENGTH_SIZE + HEADER_SIZE || len - LENGTH_SIZE > MESSAGE_MAX) {
        throw new ProtocolError(`invalid packet length ${len}`);
      }
      if (this.buffered < len) break;
      out.push(decodePacket(this.take(len)));
    }
    return out;
  }

  /** Bytes held waiting for the rest of a packet. */
  get pending(): number {
    return this.buffered;
  }

  reset(): void {
    this.chunks = [];
    this.buffered = 0;
  }

  private peekLength(): number {
    const first = this.chunks[0];
    if (first && first.length >= LENGTH_SIZE) return first.readUInt32BE(0);
    const head = Buffer.alloc(LENGTH_SIZE);
    let filled = 0;
    for (const c of this.chunks) {
      filled += c.copy(head, filled, 0, Math.min(c.length, LENGTH_SIZE - filled));
      if (filled === LENGTH_SIZE) break;
    }
    return head.readUInt32BE(0);
  }

  private take(n: number): Buffer {
    const first = this.chunks[0];
    if (first && first.length >= n) {
      const out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      this.buffered -= n;
      return out;
    }
    const all = Buffer.concat(this.chunks, this.buffered);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }
}

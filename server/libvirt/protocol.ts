// Wire constants of libvirt's RPC (virnetprotocol.x, remote_protocol.x, virkeepaliveprotocol.x).

export const REMOTE_PROGRAM = 0x20008086;
export const REMOTE_PROTOCOL_VERSION = 1;
export const KEEPALIVE_PROGRAM = 0x6b656570;
export const KEEPALIVE_PROTOCOL_VERSION = 1;
export const KEEPALIVE_PROC_PING = 1;
export const KEEPALIVE_PROC_PONG = 2;

export const MessageType = {
  CALL: 0,
  REPLY: 1,
  MESSAGE: 2,
  STREAM: 3,
  CALL_WITH_FDS: 4,
  REPLY_WITH_FDS: 5,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

export const MessageStatus = {
  OK: 0,
  ERROR: 1,
  CONTINUE: 2,
} as const;
export type MessageStatus = (typeof MessageStatus)[keyof typeof MessageStatus];

/** Length word (4 bytes, counts itself) + header (24 bytes). */
export const LENGTH_SIZE = 4;
export const HEADER_SIZE = 24;
/** Largest packet accepted, excluding the length word (newer daemons allow 32 MiB). */
export const MESSAGE_MAX = 32 * 1024 * 1024;
/** Most raw bytes one stream data packet may carry. */
export const STREAM_PAYLOAD_MAX = 262_120;
/** Longest string libvirt sends (REMOTE_STRING_MAX). */
export const REMOTE_STRING_MAX = 4_194_304;

export const REMOTE_AUTH_NONE = 0;
export const REMOTE_AUTH_SASL = 1;
export const REMOTE_AUTH_POLKIT = 2;

/** VIR_DRV_FEATURE_PROGRAM_KEEPALIVE for connectSupportsFeature. */
export const VIR_DRV_FEATURE_PROGRAM_KEEPALIVE = 10;

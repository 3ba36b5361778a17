export { LibvirtClient, withDedicatedConnection } from './libvirt-client.js';
export {
  DEFAULT_SOCKET_PATH,
  type ConnectOptions,
  type ConnectionState,
  type ClientEvents,
  type KeepaliveSettings,
  type ReconnectSettings,
  type ReconnectInfo,
} from './client.js';
export type { CallOptions } from './procedure.js';
export {
  LibvirtError,
  isLibvirtCode,
  NotConnectedError,
  ConnectionLostError,
  CallTimeoutError,
  ProtocolError,
  StreamOverflowError,
  type RemoteErrorFields,
} from './errors.js';
export * from './error-codes.js';
export { XdrError } from './xdr/index.js';
export { versionToString } from './version.js';
export { uuidToString, uuidFromString, uuidEquals, isUuid } from './uuid.js';
export {
  typedParamsToObject,
  TypedParamType,
  type DomainRef,
  type NetworkRef,
  type StoragePoolRef,
  type StorageVolRef,
  type DomainSnapshotRef,
  type TypedParam,
  type TypedParamScalar,
} from './remote-types.js';
export { allProcedures } from './procedures/index.js';
export { LibvirtStream, DEFAULT_STREAM_BUFFER_BYTES, type StreamDirection, type StreamReadPolicy } from './stream.js';
export type {
  DomainEventMap,
  DomainLifecycleEvent,
  DomainRebootEvent,
  DomainDeviceEvent,
  DomainBalloonChangeEvent,
  DomainTrayChangeEvent,
  DomainTunableEvent,
  NetworkEventMap,
  NetworkLifecycleEvent,
  StoragePoolEventMap,
  StoragePoolLifecycleEvent,
  StoragePoolRefreshEvent,
  Unsubscribe,
} from './events.js';
export * from './enums.js';
export { parseLibvirtUri, LibvirtUriError, LIBVIRTD_TLS_PORT, LIBVIRTD_TCP_PORT, type LibvirtUri, type LibvirtTransport, type RemoteParams } from './uri.js';
export { isInsecureTransport } from './transports/connect.js';
export { SshAuthenticationError, TlsCertificateError, TransportConfigError, AuthenticationUnavailableError } from './transports/errors.js';
export {
  UnknownHostKeyError,
  HostKeyMismatchError,
  knownHostsVerifier,
  knownHostsLine,
  fingerprintOf,
  type HostKeyVerifier,
  type PresentedHostKey,
} from './transports/host-keys.js';
export type { SshCredentials } from './transports/ssh.js';
export { SaslAuthenticationError, type SaslCredentials } from './transports/sasl.js';
export type { TlsCredentials } from './transports/tls.js';

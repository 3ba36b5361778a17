import { Type, type Static } from 'typebox';

export const HostIdPattern = '^[a-z0-9][a-z0-9-]{0,62}$';
export const HostParams = Type.Object({ host: Type.String({ pattern: HostIdPattern }) });
export type HostParams = Static<typeof HostParams>;

export const HostConnectionState = Type.Enum(['connecting', 'connected', 'disconnected']);
export type HostConnectionState = Static<typeof HostConnectionState>;

export const HostSummary = Type.Object({
  id: Type.String(),
  uri: Type.String(),
  state: HostConnectionState,
  /** Why the host is not connected (libvirt's or the socket's message). */
  error: Type.Optional(Type.String()),
  /** When the state last changed (ISO 8601). */
  since: Type.String(),
});
export type HostSummary = Static<typeof HostSummary>;

export const HostList = Type.Object({ hosts: Type.Array(HostSummary) });
export type HostList = Static<typeof HostList>;

export const KvmCheck = Type.Object({
  name: Type.String(),
  ok: Type.Boolean(),
  detail: Type.String(),
});
export type KvmCheck = Static<typeof KvmCheck>;

export const HostFacts = Type.Object({
  id: Type.String(),
  uri: Type.String(),
  /** How virtdeck reaches the host's libvirtd: `unix`, `ssh`, `tls`, `tcp` … */
  transport: Type.String(),
  /** The connection is neither encrypted nor authenticated (qemu+tcp://): anyone on the path can read and act. */
  insecure: Type.Boolean(),
  hostname: Type.String(),
  /** libvirt's version as "major.minor.micro". */
  libvirtVersion: Type.String(),
  hypervisor: Type.Object({
    /** The driver name libvirt reports (QEMU, TEST …). */
    type: Type.String(),
    version: Type.String(),
  }),
  cpu: Type.Object({
    model: Type.String(),
    /** Host CPU model name from the capabilities, when known. */
    name: Type.Optional(Type.String()),
    arch: Type.String(),
    count: Type.Integer(),
    mhz: Type.Integer(),
    sockets: Type.Integer(),
    cores: Type.Integer(),
    threads: Type.Integer(),
  }),
  memoryBytes: Type.Number(),
  numaNodes: Type.Integer(),
  /** Domain types (`kvm`, `qemu`, `test` …) guests can use on this host. */
  domainTypes: Type.Array(Type.String()),
  kvm: Type.Object({
    usable: Type.Boolean(),
    /** One line per fact the decision rests on. */
    checks: Type.Array(KvmCheck),
  }),
});
export type HostFacts = Static<typeof HostFacts>;

import { array, charArray, int, struct, uhyper, uint, withDefault, xvoid } from '../xdr/index.js';
import { flags, needResults, proc } from '../procedure.js';
import {
  domainRef,
  networkRef,
  nonnullString,
  nullableString,
  storagePoolRef,
  storageVolRef,
  typedParams,
  uuidCodec,
} from '../remote-types.js';

const statPair = struct({ field: nonnullString, value: uhyper });

export const domainStatsRecord = struct({ dom: domainRef, params: typedParams(4096) });

/** Connection, host and lookup procedures (numbers from remote_protocol.x). */
export const connectProcedures = {
  connectOpen: proc(1, struct({ name: nullableString, flags }), xvoid),
  connectClose: proc(2, xvoid, xvoid),
  connectGetType: proc(3, xvoid, struct({ type: nonnullString })),
  connectGetVersion: proc(4, xvoid, struct({ hvVer: uhyper })),
  connectGetMaxVcpus: proc(5, struct({ type: nullableString }), struct({ maxVcpus: int })),
  nodeGetInfo: proc(
    6,
    xvoid,
    struct({
      model: charArray(32),
      memory: uhyper,
      cpus: int,
      mhz: int,
      nodes: int,
      sockets: int,
      cores: int,
      threads: int,
    }),
  ),
  connectGetCapabilities: proc(7, xvoid, struct({ capabilities: nonnullString })),
  connectGetHostname: proc(59, xvoid, struct({ hostname: nonnullString })),
  connectSupportsFeature: proc(60, struct({ feature: int }), struct({ supported: int })),
  authList: proc(66, xvoid, struct({ types: array(int, 20) })),
  authSaslInit: proc(67, xvoid, struct({ mechlist: nonnullString })),
  // SASL data is `char data<65536>`: each byte travels as one 4-byte XDR int; `nil` 1 means NULL, not "".
  authSaslStart: proc(68, struct({ mech: nonnullString, nil: int, data: array(int, 65536) }), struct({ complete: int, nil: int, data: array(int, 65536) })),
  authSaslStep: proc(69, struct({ nil: int, data: array(int, 65536) }), struct({ complete: int, nil: int, data: array(int, 65536) })),
  authPolkit: proc(70, xvoid, struct({ complete: int })),
  connectFindStoragePoolSources: proc(
    75,
    struct({ type: nonnullString, srcSpec: nullableString, flags }),
    struct({ xml: nonnullString }),
  ),
  nodeGetFreeMemory: proc(102, xvoid, struct({ freeMem: uhyper })),
  connectGetUri: proc(110, xvoid, struct({ uri: nonnullString })),
  connectIsSecure: proc(149, xvoid, struct({ secure: int })),
  connectGetLibVersion: proc(157, xvoid, struct({ libVer: uhyper })),
  connectGetSysinfo: proc(203, struct({ flags }), struct({ sysinfo: nonnullString })),
  nodeGetCpuStats: proc(
    227,
    struct({ cpuNum: withDefault(int, -1), nparams: int, flags }),
    struct({ params: array(statPair, 16), nparams: int }),
  ),
  nodeGetMemoryStats: proc(
    228,
    struct({ nparams: int, cellNum: withDefault(int, -1), flags }),
    struct({ params: array(statPair, 16), nparams: int }),
  ),
  connectListAllDomains: proc(
    273,
    struct({ needResults, flags }),
    struct({ domains: array(domainRef, 16384), ret: uint }),
  ),
  connectListAllStoragePools: proc(
    281,
    struct({ needResults, flags }),
    struct({ pools: array(storagePoolRef, 4096), ret: uint }),
  ),
  connectListAllNetworks: proc(
    283,
    struct({ needResults, flags }),
    struct({ nets: array(networkRef, 16384), ret: uint }),
  ),
  connectGetDomainCapabilities: proc(
    342,
    struct({
      emulatorbin: nullableString,
      arch: nullableString,
      machine: nullableString,
      virttype: nullableString,
      flags,
    }),
    struct({ capabilities: nonnullString }),
  ),
  connectGetAllDomainStats: proc(
    344,
    struct({ doms: withDefault(array(domainRef, 16384), []), stats: withDefault(uint, 0), flags }),
    struct({ retStats: array(domainStatsRecord, 16384) }),
  ),

  domainLookupById: proc(22, struct({ id: int }), struct({ dom: domainRef })),
  domainLookupByName: proc(23, struct({ name: nonnullString }), struct({ dom: domainRef })),
  domainLookupByUuid: proc(24, struct({ uuid: uuidCodec }), struct({ dom: domainRef })),
  networkLookupByName: proc(46, struct({ name: nonnullString }), struct({ net: networkRef })),
  networkLookupByUuid: proc(47, struct({ uuid: uuidCodec }), struct({ net: networkRef })),
  storagePoolLookupByName: proc(84, struct({ name: nonnullString }), struct({ pool: storagePoolRef })),
  storagePoolLookupByUuid: proc(85, struct({ uuid: uuidCodec }), struct({ pool: storagePoolRef })),
  storagePoolLookupByVolume: proc(86, struct({ vol: storageVolRef }), struct({ pool: storagePoolRef })),
} as const;

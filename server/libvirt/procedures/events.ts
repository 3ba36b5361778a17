import { int, optional, struct, uhyper, xvoid } from '../xdr/index.js';
import { proc } from '../procedure.js';
import { domainRef, networkRef, nonnullString, storagePoolRef, typedParams } from '../remote-types.js';

const REMOTE_DOMAIN_EVENT_TUNABLE_MAX = 2048;

const callbackId = struct({ callbackID: int });

/** Event (de)registration procedures (numbers from remote_protocol.x). */
export const eventProcedures = {
  connectNetworkEventRegisterAny: proc(313, struct({ eventID: int, net: optional(networkRef) }), callbackId),
  connectNetworkEventDeregisterAny: proc(314, callbackId, xvoid),
  connectDomainEventCallbackRegisterAny: proc(
    316,
    struct({ eventID: int, dom: optional(domainRef) }),
    callbackId,
  ),
  connectDomainEventCallbackDeregisterAny: proc(317, callbackId, xvoid),
  connectStoragePoolEventRegisterAny: proc(
    368,
    struct({ eventID: int, pool: optional(storagePoolRef) }),
    callbackId,
  ),
  connectStoragePoolEventDeregisterAny: proc(369, callbackId, xvoid),
} as const;

/** Bodies of the MESSAGE packets that carry events, keyed by procedure number. */
export const eventMessages = {
  networkLifecycle: {
    number: 315,
    codec: struct({ callbackID: int, net: networkRef, event: int, detail: int }),
  },
  domainLifecycle: {
    number: 318,
    codec: struct({ callbackID: int, msg: struct({ dom: domainRef, event: int, detail: int }) }),
  },
  domainReboot: {
    number: 319,
    codec: struct({ callbackID: int, msg: struct({ dom: domainRef }) }),
  },
  domainTrayChange: {
    number: 328,
    codec: struct({ callbackID: int, msg: struct({ dom: domainRef, devAlias: nonnullString, reason: int }) }),
  },
  domainBalloonChange: {
    number: 331,
    codec: struct({ callbackID: int, msg: struct({ dom: domainRef, actual: uhyper }) }),
  },
  domainDeviceRemoved: {
    number: 333,
    codec: struct({ callbackID: int, msg: struct({ dom: domainRef, devAlias: nonnullString }) }),
  },
  domainDeviceAdded: {
    number: 354,
    codec: struct({ callbackID: int, dom: domainRef, devAlias: nonnullString }),
  },
  domainTunable: {
    number: 346,
    codec: struct({ callbackID: int, dom: domainRef, params: typedParams(REMOTE_DOMAIN_EVENT_TUNABLE_MAX) }),
  },
  storagePoolLifecycle: {
    number: 370,
    codec: struct({ callbackID: int, pool: storagePoolRef, event: int, detail: int }),
  },
  storagePoolRefresh: {
    number: 373,
    codec: struct({ callbackID: int, pool: storagePoolRef }),
  },
} as const;

import { connectProcedures } from './connect.js';
import { domainProcedures } from './domain.js';
import { eventProcedures } from './events.js';
import { interfaceProcedures } from './interface.js';
import { networkProcedures } from './network.js';
import { snapshotProcedures } from './snapshot.js';
import { storageProcedures } from './storage.js';

/** Every procedure the client exposes, keyed by method name. */
export const allProcedures = {
  ...connectProcedures,
  ...domainProcedures,
  ...snapshotProcedures,
  ...storageProcedures,
  ...networkProcedures,
  ...interfaceProcedures,
  ...eventProcedures,
} as const;

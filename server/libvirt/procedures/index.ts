import { connectProcedures } from './connect.js';

/** Every procedure the client exposes, keyed by method name. */
export const allProcedures = {
  ...connectProcedures,
} as const;

import { useSyncExternalStore } from 'react';
import type { ProvisioningEventData } from '../../../common/provisioning.js';
import { onServerEvent } from '../../lib/events';

/** Progress lines of running create/clone jobs, fed by the `provisioning` server events. */
const steps = new Map<string, string[]>();
const listeners = new Set<() => void>();
const EMPTY: string[] = [];

onServerEvent<ProvisioningEventData>('provisioning', (event) => {
  if (event.done) return;
  steps.set(event.job, [...(steps.get(event.job) ?? []), event.step]);
  for (const l of listeners) l();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useJobSteps(job: string): string[] {
  return useSyncExternalStore(subscribe, () => steps.get(job) ?? EMPTY);
}

/** crypto.randomUUID exists only in secure contexts (https or localhost). */
export function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

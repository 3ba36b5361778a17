/** A server error about one field of the New VM request, placed on the wizard step and field it concerns. */
import { ApiError } from '../../../lib/api';
import type { StepId } from './model';

export interface WizardFieldError {
  /** The request field (`memoryMiB`), also the key the steps look up. */
  field: string;
  step: StepId;
  /** The error in words, with the field's label: "Memory (MiB) must be at most 16777216". */
  text: string;
}

const FIELDS: Record<string, { step: StepId; label: string }> = {
  memoryMiB: { step: 'resources', label: 'Memory (MiB)' },
  vcpus: { step: 'resources', label: 'vCPUs' },
  'storage.sizeBytes': { step: 'storage', label: 'Disk size' },
  'network.bridge': { step: 'network', label: 'Bridge' },
  'network.mac': { step: 'network', label: 'MAC address' },
  'source.kernel': { step: 'source', label: 'Kernel path' },
  'source.initrd': { step: 'source', label: 'Initrd path' },
  'source.cmdline': { step: 'source', label: 'Kernel command line' },
  'source.path': { step: 'source', label: 'ISO path' },
  name: { step: 'review', label: 'Name' },
};

/** undefined when the error names no field the wizard has (it is then shown as a banner). */
export function wizardFieldError(error: unknown): WizardFieldError | undefined {
  if (!(error instanceof ApiError) || error.problem === undefined) return undefined;
  const known = FIELDS[error.problem.field];
  if (known === undefined) return undefined;
  return { field: error.problem.field, step: known.step, text: `${known.label} ${error.problem.reason}` };
}

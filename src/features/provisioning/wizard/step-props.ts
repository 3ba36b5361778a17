import type { ProvisioningOptions } from '../../../../common/provisioning.js';
import type { StepId, WizardState } from './model';
import type { WizardFieldError } from './server-field-error';

export interface StepProps {
  host: string;
  state: WizardState;
  update: (patch: Partial<WizardState>) => void;
  options: ProvisioningOptions | undefined;
  /** A server error about a field of this step, shown on that field. */
  fieldError?: WizardFieldError | undefined;
  /** The review's dry run found a field at fault: the wizard shows it on that field's step. */
  onFieldError: (error: WizardFieldError) => void;
  goTo: (step: StepId) => void;
}

/** The words of the server error about `field`, when there is one. */
export function serverErrorOn(props: Pick<StepProps, 'fieldError'>, field: string): string | undefined {
  return props.fieldError?.field === field ? props.fieldError.text : undefined;
}

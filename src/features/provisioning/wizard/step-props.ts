import type { ProvisioningOptions } from '../../../../common/provisioning.js';
import type { WizardState } from './model';

export interface StepProps {
  host: string;
  state: WizardState;
  update: (patch: Partial<WizardState>) => void;
  options: ProvisioningOptions | undefined;
}

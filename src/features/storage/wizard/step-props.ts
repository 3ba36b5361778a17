import type { PoolType } from '../../../../common/storage-pool-types.js';
import type { WizardState } from './model';

export interface StepProps {
  host: string;
  state: WizardState;
  /** Applies a partial change; a `type` change goes through withType. */
  update: (patch: Partial<Omit<WizardState, 'type'>> & { type?: PoolType }) => void;
  /** The reason a field (e.g. "source.host") is refused, when it should be shown. */
  errorOf: (field: string) => string | undefined;
}

import { useState } from 'react';
import { Button, Dialog, ErrorBanner, SubmitAttemptedContext } from '../../../lib/ui';
import type { PoolSummary } from '../../../../common/storage.js';
import { useCreatePool, usePoolPreview, usePools } from '../queries';
import { errorsOfStep, initialWizardState, prefilledTarget, toBody, withType, wizardErrors, WIZARD_STEPS, type WizardState } from './model';
import { ReviewStep } from './ReviewStep';
import { SourceStep } from './SourceStep';
import type { StepProps } from './step-props';
import { TargetStep } from './TargetStep';
import { TypeStep } from './TypeStep';

const NO_POOLS: readonly PoolSummary[] = [];

const STEP_TITLES = { type: '1 Type', source: '2 Source', target: '3 Target & options', review: '4 Review' } as const;

const FIELD_OF: Partial<Record<keyof WizardState, string>> = {
  name: 'name', host: 'source.host', port: 'source.port', dir: 'source.dir', device: 'source.device', sourceName: 'source.name',
  format: 'source.format', initiatorIqn: 'source.initiatorIqn', adapterName: 'source.adapter.name', wwnn: 'source.adapter.wwnn',
  wwpn: 'source.adapter.wwpn', adapterParent: 'source.adapter.parent', authUser: 'source.auth.username', secret: 'source.auth.secret',
  targetPath: 'target.path',
};

/** The storage-pool wizard: type → source → target & options → review (server-made XML + virsh) → create. */
export function PoolWizard({ host, open, onClose, onCreated }: { host: string; open: boolean; onClose: () => void; onCreated: (pool: string) => void }) {
  const [state, setState] = useState<WizardState>(() => initialWizardState());
  const [stepIndex, setStepIndex] = useState(0);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState<ReadonlySet<string>>(new Set());
  const preview = usePoolPreview();
  const create = useCreatePool(host);
  const step = WIZARD_STEPS[stepIndex] ?? 'type';
  const pools = usePools(host).data ?? NO_POOLS;
  const errors = wizardErrors(state, pools);

  const reset = () => {
    setState(initialWizardState());
    setStepIndex(0);
    setTouched(new Set());
    setAttempted(new Set());
    preview.reset();
    create.reset();
  };
  const close = () => {
    reset();
    onClose();
  };

  const update: StepProps['update'] = (patch) => {
    const { type, ...rest } = patch;
    setState((s) => ({ ...(type !== undefined && type !== s.type ? withType(s, type) : s), ...rest }));
    const fields = Object.keys(rest).map((k) => FIELD_OF[k as keyof WizardState]).filter((f): f is string => f !== undefined);
    if (fields.length > 0) setTouched((t) => new Set([...t, ...fields]));
  };
  const errorOf = (field: string): string | undefined => {
    const e = errors[field];
    if (e === undefined) return undefined;
    const value = touched.has(field) || attempted.has(step);
    // Required-but-empty is only shown after "Next"; a wrong value is shown as it is typed.
    return value && (attempted.has(step) || !/is required$/.test(e)) ? e : undefined;
  };

  const goTo = (index: number) => {
    setStepIndex(index);
    // A pre-filled target another pool already uses is replaced by a free one, until the user edits it.
    if (WIZARD_STEPS[index] === 'target' && !touched.has('target.path')) setState((s) => ({ ...s, targetPath: prefilledTarget(s, pools) }));
    if (WIZARD_STEPS[index] === 'review') preview.mutate({ host, body: toBody(state) });
  };
  const next = () => {
    if (Object.keys(errorsOfStep(errors, step)).length > 0) {
      setAttempted((a) => new Set([...a, step]));
      return;
    }
    goTo(stepIndex + 1);
  };

  const stepProps: StepProps = { host, state, update, errorOf };
  return (
    <Dialog open={open} title="New storage pool" onClose={close} id="pool-wizard" wide
      footer={
        <>
          <Button onClick={close} id="pool-wizard-cancel">Cancel</Button>
          {stepIndex > 0 && <Button onClick={() => goTo(stepIndex - 1)} id="pool-wizard-back">Back</Button>}
          {step !== 'review' ? (
            <Button variant="primary" onClick={next} id="pool-wizard-next">Next</Button>
          ) : (
            <Button
              variant="primary"
              id="pool-wizard-create"
              busy={create.isPending}
              disabled={preview.data === undefined}
              onClick={() => create.mutate(toBody(state), { onSuccess: (r) => { onCreated(r.pool.name); close(); } })}
            >
              Create pool
            </Button>
          )}
        </>
      }
    >
      <ol className="mb-4 flex gap-3 text-xs" aria-label="Steps">
        {WIZARD_STEPS.map((s, i) => (
          <li key={s} id={`pool-wizard-step-${s}`} aria-current={i === stepIndex ? 'step' : undefined}
            className={i === stepIndex ? 'font-semibold text-sky-700 dark:text-sky-400' : 'text-zinc-500'}>
            {STEP_TITLES[s]}
          </li>
        ))}
      </ol>
      <SubmitAttemptedContext.Provider value={attempted.has(step)}>
        {step === 'type' && <TypeStep {...stepProps} />}
        {step === 'source' && <SourceStep {...stepProps} />}
        {step === 'target' && <TargetStep {...stepProps} />}
      </SubmitAttemptedContext.Provider>
      {step === 'review' && <ReviewStep preview={preview.data} error={preview.error} pending={preview.isPending} />}
      {create.error !== null && <div className="mt-3"><ErrorBanner id="pool-wizard-error" error={create.error} title="The pool was not created" /></div>}
    </Dialog>
  );
}

import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Dialog, ErrorBanner, InteractionScope, SubmitAttemptedContext } from '../../../lib/ui';
import { Messages } from '../fields';
import { useJobSteps, newJobId } from '../events';
import { useCreateVm, useProvisioningOptions } from '../queries';
import { checkStep, initialState, STEP_LABELS, STEPS, toBody, type WizardState } from './model';
import { NetworkStep } from './NetworkStep';
import { OsStep } from './OsStep';
import { ResourcesStep } from './ResourcesStep';
import { ReviewStep } from './ReviewStep';
import { SourceStep } from './SourceStep';
import { wizardFieldError, type WizardFieldError } from './server-field-error';
import type { StepProps } from './step-props';
import { StorageStep } from './StorageStep';

const STEP_COMPONENTS = { source: SourceStep, os: OsStep, resources: ResourcesStep, storage: StorageStep, network: NetworkStep, review: ReviewStep } as const;

export function NewVmWizard({ host, open, onClose }: { host: string; open: boolean; onClose: () => void }) {
  const options = useProvisioningOptions(host, open);
  const [chosen, setState] = useState<WizardState>(initialState);
  const [index, setIndex] = useState(0);
  // The furthest step reached: going Back leaves the later steps already filled in reachable.
  const [reached, setReached] = useState(0);
  // A server refusal about one field, shown on that field (once) until the step changes.
  const [fieldError, setFieldError] = useState<WizardFieldError | undefined>();
  const onFieldError = useCallback((e: WizardFieldError) => setFieldError(e), []);
  // Steps whose Next (or Create) was pressed: their errors show even in fields not touched yet.
  const [attempted, setAttempted] = useState<ReadonlySet<string>>(new Set());
  const [job, setJob] = useState(newJobId);
  const create = useCreateVm(host);
  const progress = useJobSteps(job);
  const navigate = useNavigate();
  // The first active pool (the project's own when present) is the default target of a new disk.
  const pools = options.data?.pools.filter((p) => p.active) ?? [];
  const preferred = pools.find((p) => p.name === 'virtdeck') ?? pools.find((p) => p.name === 'default') ?? pools[0];
  const state = chosen.pool === '' && preferred !== undefined ? { ...chosen, pool: preferred.name } : chosen;
  const step = STEPS[index] ?? 'source';
  const check = checkStep(step, state, options.data);
  const update = (patch: Partial<WizardState>) => {
    setState({ ...state, ...patch });
    if (fieldError?.step === step) setFieldError(undefined);
  };
  const goTo = (i: number) => {
    setIndex(i);
    setReached((r) => Math.max(r, i));
  };

  const close = () => {
    setState(initialState());
    setIndex(0);
    setReached(0);
    setFieldError(undefined);
    setAttempted(new Set());
    create.reset();
    setJob(newJobId());
    onClose();
  };

  /** Goes on only when the step is valid; otherwise says why. */
  const attempt = (go: () => void) => {
    if (check.errors.length > 0) {
      setAttempted((a) => new Set([...a, step]));
      return;
    }
    go();
  };

  const submit = () => {
    create.mutate(
      { ...toBody(state), job },
      {
        onSuccess: (result) => {
          close();
          void navigate(`/hosts/${encodeURIComponent(host)}/vms/${result.uuid}`);
        },
        onError: (err) => {
          // A refused field is shown where it is typed in: that step opens with the words on the field.
          const fe = wizardFieldError(err);
          setFieldError(fe);
          if (fe !== undefined) setIndex(STEPS.indexOf(fe.step));
        },
      },
    );
  };

  const Step = STEP_COMPONENTS[step];
  const props: StepProps = {
    host,
    state,
    update,
    options: options.data,
    fieldError: fieldError?.step === step ? fieldError : undefined,
    onFieldError,
    goTo: (s) => goTo(STEPS.indexOf(s)),
  };
  const createFieldError = wizardFieldError(create.error);
  const last = index === STEPS.length - 1;
  return (
    <Dialog
      open={open}
      title="New virtual machine"
      onClose={close}
      id="new-vm-wizard"
      wide
      footer={
        <>
          <Button onClick={close} id="new-vm-cancel">
            Cancel
          </Button>
          <Button onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0 || create.isPending} id="new-vm-back">
            Back
          </Button>
          {last ? (
            <Button variant="primary" onClick={() => attempt(submit)} busy={create.isPending} aria-disabled={check.errors.length > 0 || undefined} id="new-vm-create">
              {state.start ? 'Create and start' : 'Create'}
            </Button>
          ) : (
            <Button variant="primary" onClick={() => attempt(() => goTo(index + 1))} aria-disabled={check.errors.length > 0 || undefined} id="new-vm-next">
              Next
            </Button>
          )}
        </>
      }
    >
      <ol className="mb-4 flex flex-wrap gap-1 text-xs" aria-label="Steps">
        {STEPS.map((s, i) => (
          <li key={s}>
            <button
              type="button"
              id={`new-vm-step-${s}`}
              aria-current={i === index ? 'step' : undefined}
              disabled={i > reached || create.isPending}
              onClick={() => (i > index ? attempt(() => goTo(i)) : goTo(i))}
              className={`rounded-full px-2 py-0.5 ${i === index ? 'bg-sky-600 text-white' : i < index ? 'bg-sky-100 text-sky-800 dark:bg-sky-900 dark:text-sky-200' : 'bg-zinc-100 text-zinc-500 dark:bg-zinc-800'}`}
            >
              {i + 1}. {STEP_LABELS[s]}
            </button>
          </li>
        ))}
      </ol>
      {options.error !== null && <ErrorBanner error={options.error} title="Cannot read this host's capabilities" />}
      {/* Errors wait until the user typed in or left a field of the step; warnings show at once. */}
      <SubmitAttemptedContext.Provider value={attempted.has(step)}>
      <InteractionScope key={step}>
        {(shown) => (
          <>
            <div data-step={step} id="new-vm-step">
              <Step {...props} />
            </div>
            <div className="mt-3">
              <Messages id="new-vm-messages" errors={shown ? check.errors : []} warnings={check.warnings} />
            </div>
          </>
        )}
      </InteractionScope>
      </SubmitAttemptedContext.Provider>
      {(create.isPending || progress.length > 0) && (
        <ul id="new-vm-progress" className="mt-3 space-y-0.5 text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {progress.map((p, i) => (
            <li key={i}>✓ {p}</li>
          ))}
          {create.isPending && <li>Working…</li>}
        </ul>
      )}
      {create.error !== null && createFieldError === undefined && (
        <div className="mt-3">
          <ErrorBanner id="new-vm-error" error={create.error} title="The VM was not created" />
        </div>
      )}
    </Dialog>
  );
}

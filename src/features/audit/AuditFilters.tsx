import { useState, type FormEvent } from 'react';
import { Button, Field, Select, SubmitAttemptedContext, TextInput } from '../../lib/ui';
import { dateProblem, EMPTY_FILTER, filterProblem, type AuditFilter } from './audit-query';

const RESULTS = [
  { value: '', label: 'Any result' },
  { value: 'success', label: 'Succeeded' },
  { value: 'failure', label: 'Failed or refused' },
];

/** The filters of the Audit page; applied on submit (button or Enter), not on every keystroke. */
export function AuditFilters({ applied, onApply }: { applied: AuditFilter; onApply: (filter: AuditFilter) => void }) {
  const [draft, setDraft] = useState<AuditFilter>(applied);
  const [attempted, setAttempted] = useState(false);
  const set = (patch: Partial<AuditFilter>) => setDraft((d) => ({ ...d, ...patch }));
  const problem = filterProblem(draft);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (problem === undefined) onApply(draft);
  };
  const reset = () => {
    setDraft(EMPTY_FILTER);
    setAttempted(false);
    onApply(EMPTY_FILTER);
  };

  return (
    <SubmitAttemptedContext.Provider value={attempted}>
      <form id="audit-filters" role="search" aria-label="Filter the audit log" onSubmit={submit} noValidate className="grid items-start gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]">
        <Field id="audit-filter-user" label="User">
          <TextInput id="audit-filter-user" value={draft.user} onValue={(user) => set({ user })} placeholder="admin" />
        </Field>
        <Field id="audit-filter-object" label="Object (and below)">
          <TextInput id="audit-filter-object" value={draft.object} onValue={(object) => set({ object })} placeholder="/hosts/local" />
        </Field>
        <Field id="audit-filter-from" label="From" error={dateProblem(draft.from)}>
          <TextInput id="audit-filter-from" value={draft.from} onValue={(from) => set({ from })} error={dateProblem(draft.from)} placeholder="2026-12-03 13:05" />
        </Field>
        <Field id="audit-filter-to" label="To" error={dateProblem(draft.to)}>
          <TextInput id="audit-filter-to" value={draft.to} onValue={(to) => set({ to })} error={dateProblem(draft.to)} placeholder="2026-12-03" />
        </Field>
        <Field id="audit-filter-result" label="Result">
          <Select id="audit-filter-result" value={draft.result} onValue={(result) => set({ result: result as AuditFilter['result'] })} options={RESULTS} />
        </Field>
        <div className="flex gap-2 pt-6">
          <Button type="submit" variant="primary" id="audit-apply">Apply</Button>
          <Button id="audit-reset" onClick={reset}>Reset</Button>
        </div>
        {attempted && problem !== undefined && (
          <p role="alert" id="audit-filter-error" className="text-sm text-red-700 sm:col-span-2 lg:col-span-6 dark:text-red-400">{problem}</p>
        )}
      </form>
    </SubmitAttemptedContext.Provider>
  );
}

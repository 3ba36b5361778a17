import { useState } from 'react';
import { PRIVILEGES, type Privilege } from '../../../common/access.js';
import { Checkbox, ErrorBanner, Field, FormDialog, TextInput } from '../../lib/ui';
import { idPart, PRIVILEGE_LABELS } from './privilege-labels';
import { useCreateRole } from './queries';

const ROLE_NAME = /^[A-Za-z][A-Za-z0-9 _-]{0,63}$/;

function nameProblem(name: string, taken: readonly string[]): string | undefined {
  if (name === '') return 'Enter a name.';
  if (!ROLE_NAME.test(name)) return 'Start with a letter; then letters, digits, spaces, "_" or "-", at most 64 characters.';
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) return `A role ${name} exists already.`;
  return undefined;
}

/** A custom role: a name, a description and the privileges it gives. */
export function CreateRoleDialog({ existing, onClose }: { existing: readonly string[]; onClose: () => void }) {
  const create = useCreateRole();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<Privilege>>(new Set());
  const problem = nameProblem(name, existing);
  const [attempted, setAttempted] = useState(false);
  const privilegeProblem = chosen.size === 0 ? 'Choose at least one privilege.' : undefined;

  const toggle = (privilege: Privilege, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(privilege);
    else next.delete(privilege);
    setChosen(next);
  };
  const submit = () => {
    setAttempted(true);
    if (problem !== undefined || privilegeProblem !== undefined || create.isPending) return;
    create.mutate({ name, ...(description.trim() === '' ? {} : { description: description.trim() }), privileges: PRIVILEGES.filter((p) => chosen.has(p)) }, { onSuccess: onClose });
  };

  return (
    <FormDialog title="Create role" id="role-create-dialog" wide onClose={onClose} submitLabel="Create role" submitId="role-create-submit" onSubmit={submit} busy={create.isPending}>
      <div className="space-y-3">
        <Field id="role-create-name" label="Name" error={problem} required>
          <TextInput id="role-create-name" value={name} onValue={setName} error={problem} autoFocus />
        </Field>
        <Field id="role-create-description" label="Description">
          <TextInput id="role-create-description" value={description} onValue={setDescription} maxLength={256} />
        </Field>
        <fieldset className="space-y-1.5" aria-describedby={attempted && privilegeProblem !== undefined ? 'role-create-privileges-error' : undefined}>
          <legend className="mb-1 text-sm font-medium">Privileges</legend>
          <div className="grid gap-1.5 sm:grid-cols-2">
            {PRIVILEGES.map((p) => (
              <Checkbox key={p} id={`role-create-privilege-${idPart(p)}`} checked={chosen.has(p)} onChecked={(on) => toggle(p, on)} label={p} hint={PRIVILEGE_LABELS[p]} />
            ))}
          </div>
          {attempted && privilegeProblem !== undefined && (
            <p id="role-create-privileges-error" className="text-xs text-red-700 dark:text-red-400">{privilegeProblem}</p>
          )}
        </fieldset>
        {create.error !== null && <ErrorBanner id="role-create-error" error={create.error} title="The role was not created" />}
      </div>
    </FormDialog>
  );
}

import { useState } from 'react';
import { GROUP_NAME_PATTERN } from '../../../common/access.js';
import { ErrorBanner, Field, FormDialog, TextInput } from '../../lib/ui';
import { useCreateGroup } from './group-queries';

const GROUP_NAME = new RegExp(GROUP_NAME_PATTERN);

function nameProblem(name: string, taken: readonly string[]): string | undefined {
  if (name === '') return 'Enter a name.';
  if (!GROUP_NAME.test(name)) return 'Start with a letter; then letters, digits, spaces, ".", "_" or "-", at most 64 characters.';
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) return `A group ${name} exists already.`;
  return undefined;
}

/** A new group: a name and a description; members and roles come after. */
export function CreateGroupDialog({ existing, onClose }: { existing: readonly string[]; onClose: () => void }) {
  const create = useCreateGroup();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const problem = nameProblem(name, existing);
  const submit = () => {
    if (problem !== undefined || create.isPending) return;
    create.mutate({ name, ...(description.trim() === '' ? {} : { description: description.trim() }) }, { onSuccess: onClose });
  };
  return (
    <FormDialog title="Create group" id="group-create-dialog" onClose={onClose} submitLabel="Create group" submitId="group-create-submit" onSubmit={submit} busy={create.isPending}>
      <div className="space-y-3">
        <Field id="group-create-name" label="Name" error={problem} required>
          <TextInput id="group-create-name" value={name} onValue={setName} error={problem} autoFocus />
        </Field>
        <Field id="group-create-description" label="Description">
          <TextInput id="group-create-description" value={description} onValue={setDescription} maxLength={256} />
        </Field>
        {create.error !== null && <ErrorBanner id="group-create-error" error={create.error} title="The group was not created" />}
      </div>
    </FormDialog>
  );
}

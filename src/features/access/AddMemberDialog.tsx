import { useState } from 'react';
import { ErrorBanner, Field, FormDialog, Select } from '../../lib/ui';
import { useAddMember } from './group-queries';

/** Adds one user to a group; `candidates` are the users not yet in it. */
export function AddMemberDialog({ group, candidates, onClose }: { group: string; candidates: readonly string[]; onClose: () => void }) {
  const add = useAddMember();
  const [username, setUsername] = useState('');
  const problem = username === '' ? 'Choose a user.' : undefined;
  const submit = () => {
    if (problem !== undefined || add.isPending) return;
    add.mutate({ group, username }, { onSuccess: onClose });
  };
  const options = [{ value: '', label: candidates.length === 0 ? 'Every user is a member already' : 'Choose a user…' }, ...candidates.map((c) => ({ value: c, label: c }))];
  return (
    <FormDialog title={`Add a member to ${group}`} id="member-add-dialog" onClose={onClose} submitLabel="Add member" submitId="member-add-submit" onSubmit={submit} busy={add.isPending}>
      <div className="space-y-3">
        <Field id="member-add-user" label="User" error={problem} required>
          <Select id="member-add-user" value={username} onValue={setUsername} options={options} />
        </Field>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">The user holds the group&apos;s roles at once, on top of their own.</p>
        {add.error !== null && <ErrorBanner id="member-add-error" error={add.error} title="The member was not added" />}
      </div>
    </FormDialog>
  );
}

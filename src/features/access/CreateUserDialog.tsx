import { useState } from 'react';
import { USERNAME_PATTERN, type Realm } from '../../../common/access.js';
import { ErrorBanner, Field, FormDialog, TextInput } from '../../lib/ui';
import { newPasswordProblem } from '../auth/password-rules';
import { useCreateUser } from './queries';
import { RealmChoice } from './RealmChoice';

const USERNAME = new RegExp(USERNAME_PATTERN);

function usernameProblem(name: string, taken: readonly string[]): string | undefined {
  if (name === '') return 'Enter a user name.';
  if (!USERNAME.test(name)) return 'Use 1-32 lower-case letters, digits, ".", "_" or "-", starting with a letter or "_".';
  if (taken.includes(name)) return `A user ${name} exists already.`;
  return undefined;
}

/**
 * A new user: name, display name and how they log in: a virtdeck password (given to them by the administrator)
 * or the password of their Linux account on the host, which virtdeck never stores.
 */
export function CreateUserDialog({ existing, onClose }: { existing: readonly string[]; onClose: () => void }) {
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [realm, setRealm] = useState<Realm>('local');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const local = realm === 'local';
  const nameProblem = usernameProblem(username, existing);
  const passwordProblem = local ? newPasswordProblem(password) : undefined;
  const confirmProblem = !local || confirm === password ? undefined : 'The two passwords differ.';

  const submit = () => {
    if (nameProblem !== undefined || passwordProblem !== undefined || confirmProblem !== undefined || create.isPending) return;
    const named = { username, ...(displayName.trim() === '' ? {} : { displayName: displayName.trim() }) };
    create.mutate(local ? { ...named, realm, password } : { ...named, realm }, { onSuccess: onClose });
  };

  return (
    <FormDialog title="Create user" id="user-create-dialog" onClose={onClose} submitLabel="Create user" submitId="user-create-submit" onSubmit={submit} busy={create.isPending}>
      <form
        className="space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field
          id="user-create-username"
          label="User name"
          error={nameProblem}
          required
          hint={local ? undefined : 'The name of the Linux account, as it is on the host.'}
        >
          <TextInput id="user-create-username" value={username} onValue={setUsername} error={nameProblem} autoFocus />
        </Field>
        <Field id="user-create-display-name" label="Display name" hint="Shown in the header instead of the user name (optional).">
          <TextInput id="user-create-display-name" value={displayName} onValue={setDisplayName} maxLength={128} />
        </Field>
        <RealmChoice value={realm} onChange={setRealm} />
        {local && (
          <>
            <Field id="user-create-password" label="Password" error={passwordProblem} required hint="Give it to the user; they can change it in their user menu.">
              <TextInput id="user-create-password" type="password" value={password} onValue={setPassword} error={passwordProblem} autoComplete="new-password" />
            </Field>
            <Field id="user-create-confirm" label="Password again" error={confirmProblem} required>
              <TextInput id="user-create-confirm" type="password" value={confirm} onValue={setConfirm} error={confirmProblem} autoComplete="new-password" />
            </Field>
          </>
        )}
        {/* Enter in a field submits. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
        {create.error !== null && <ErrorBanner id="user-create-error" error={create.error} title="The user was not created" />}
      </form>
    </FormDialog>
  );
}

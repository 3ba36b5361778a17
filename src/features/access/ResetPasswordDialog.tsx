import { useState } from 'react';
import { ErrorBanner, Field, FormDialog, TextInput } from '../../lib/ui';
import { newPasswordProblem } from '../auth/password-rules';
import { useUpdateUser } from './queries';

/** Sets a new password for a local user; their logins end. */
export function ResetPasswordDialog({ username, onClose }: { username: string; onClose: () => void }) {
  const update = useUpdateUser();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const passwordProblem = newPasswordProblem(password);
  const confirmProblem = confirm === password ? undefined : 'The two passwords differ.';
  const submit = () => {
    if (passwordProblem !== undefined || confirmProblem !== undefined || update.isPending) return;
    update.mutate({ username, change: { password } }, { onSuccess: onClose });
  };
  return (
    <FormDialog title={`Reset the password of ${username}`} id="user-password-dialog" onClose={onClose} submitLabel="Set password" submitId="user-password-submit" onSubmit={submit} busy={update.isPending}>
      <form
        className="space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p>Every login of {username} ends at once; they log in again with the new password.</p>
        <Field id="user-password-new" label="New password" error={passwordProblem} required>
          <TextInput id="user-password-new" type="password" value={password} onValue={setPassword} error={passwordProblem} autoComplete="new-password" autoFocus />
        </Field>
        <Field id="user-password-confirm" label="New password again" error={confirmProblem} required>
          <TextInput id="user-password-confirm" type="password" value={confirm} onValue={setConfirm} error={confirmProblem} autoComplete="new-password" />
        </Field>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
        {update.error !== null && <ErrorBanner id="user-password-error" error={update.error} title="The password was not changed" />}
      </form>
    </FormDialog>
  );
}

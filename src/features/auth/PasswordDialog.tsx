import { useState, type FormEvent } from 'react';
import { ApiError } from '../../lib/api';
import { Button, Dialog, errorText, Field, SubmitAttemptedContext, TextInput } from '../../lib/ui';
import { FormError } from './AuthFrame';
import { waitText } from './login-errors';
import { newPasswordProblem } from './password-rules';
import { useChangePassword } from './queries';

function changeFailure(error: unknown): string {
  if (error instanceof ApiError && error.code === 'LOGIN_FAILED') return 'The current password is wrong.';
  if (error instanceof ApiError && error.status === 429) return `Too many wrong passwords. ${waitText(error.retryAfterSeconds ?? 60)}`;
  return errorText(error).message;
}

/** Change one's own password: the current one, then the new one twice. */
export function PasswordDialog({ onClose }: { onClose: () => void }) {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [attempted, setAttempted] = useState(false);
  const currentProblem = current === '' ? 'Enter your current password.' : undefined;
  const nextProblem = newPasswordProblem(next) ?? (next === current ? 'Choose a password other than the current one.' : undefined);
  const confirmProblem = confirm === next ? undefined : 'The two passwords differ.';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (currentProblem !== undefined || nextProblem !== undefined || confirmProblem !== undefined || change.isPending) return;
    change.mutate({ currentPassword: current, newPassword: next });
  };

  if (change.isSuccess) {
    return (
      <Dialog open title="Change password" onClose={onClose} id="password-dialog" footer={<Button variant="primary" id="password-done" onClick={onClose}>Close</Button>}>
        <p role="status" id="password-changed">Your password was changed, and your other logins were ended. Use the new password the next time you log in.</p>
      </Dialog>
    );
  }
  return (
    <Dialog
      open
      title="Change password"
      onClose={onClose}
      id="password-dialog"
      footer={
        <>
          <Button onClick={onClose} id="password-cancel">Cancel</Button>
          <Button variant="primary" type="submit" form="password-form" id="password-submit" busy={change.isPending}>
            Change password
          </Button>
        </>
      }
    >
      <SubmitAttemptedContext.Provider value={attempted}>
        <form id="password-form" onSubmit={submit} noValidate className="space-y-3">
          <Field id="password-current" label="Current password" error={currentProblem}>
            <TextInput id="password-current" type="password" value={current} onValue={setCurrent} error={currentProblem} autoComplete="current-password" autoFocus />
          </Field>
          <Field id="password-new" label="New password" error={nextProblem}>
            <TextInput id="password-new" type="password" value={next} onValue={setNext} error={nextProblem} autoComplete="new-password" />
          </Field>
          <Field id="password-confirm" label="New password again" error={confirmProblem}>
            <TextInput id="password-confirm" type="password" value={confirm} onValue={setConfirm} error={confirmProblem} autoComplete="new-password" />
          </Field>
          {change.error !== null && <FormError id="password-error">{changeFailure(change.error)}</FormError>}
        </form>
      </SubmitAttemptedContext.Provider>
    </Dialog>
  );
}

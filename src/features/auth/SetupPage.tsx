import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../../../common/access.js';
import { ApiError } from '../../lib/api';
import { Button, errorText, Field, SubmitAttemptedContext, TextInput } from '../../lib/ui';
import { AuthFrame, FormError } from './AuthFrame';
import { newPasswordProblem } from './password-rules';
import { useSetup, useSetupStatus } from './queries';

const USERNAME = new RegExp(USERNAME_PATTERN);

function setupFailure(error: unknown): string {
  if (error instanceof ApiError && error.code === 'SETUP_TOKEN_INVALID') {
    return 'This setup link is not valid: it was used already, it expired (a link lasts one hour), or an administrator exists already. Restart the virtdeck server to print a new link, or log in.';
  }
  return errorText(error).message;
}

function LoginLink() {
  return (
    <Link to="/login" id="setup-login-link" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
      Go to the login page
    </Link>
  );
}

/** /setup?token=…: creates the first administrator with the one-time token the server printed, then opens the app. */
export function SetupPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const status = useSetupStatus();
  const setup = useSetup();
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [attempted, setAttempted] = useState(false);

  const usernameProblem = USERNAME.test(username) ? undefined : 'Use 1-32 lower-case letters, digits, ".", "_" or "-", starting with a letter or "_".';
  const passwordProblem = newPasswordProblem(password);
  const confirmProblem = confirm === password ? undefined : 'The two passwords differ.';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (usernameProblem !== undefined || passwordProblem !== undefined || confirmProblem !== undefined || setup.isPending) return;
    setup.mutate({ token, username, password }, { onSuccess: () => void navigate('/', { replace: true }) });
  };

  if (token === '') {
    return (
      <AuthFrame id="setup-page" title="Create the first administrator">
        <p id="setup-no-token" className="text-sm">
          Open the setup link that the virtdeck server printed on its console: it carries a one-time token.
        </p>
        <LoginLink />
      </AuthFrame>
    );
  }
  if (status.data?.needed === false && !setup.isSuccess) {
    return (
      <AuthFrame id="setup-page" title="Create the first administrator">
        <p id="setup-done" className="text-sm">
          An administrator exists already: log in with that account.
        </p>
        <LoginLink />
      </AuthFrame>
    );
  }

  return (
    <AuthFrame id="setup-page" title="Create the first administrator">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">This account may do everything, including adding other users.</p>
      <SubmitAttemptedContext.Provider value={attempted}>
        <form id="setup-form" onSubmit={submit} noValidate className="space-y-3">
          <Field id="setup-username" label="User name" error={usernameProblem}>
            <TextInput id="setup-username" name="username" value={username} onValue={setUsername} error={usernameProblem} autoComplete="username" autoCapitalize="none" />
          </Field>
          <Field id="setup-password" label="Password" hint={`At least ${MIN_PASSWORD_LENGTH} characters`} error={passwordProblem}>
            <TextInput id="setup-password" name="password" type="password" value={password} onValue={setPassword} error={passwordProblem} autoComplete="new-password" autoFocus />
          </Field>
          <Field id="setup-confirm" label="Password again" error={confirmProblem}>
            <TextInput id="setup-confirm" name="confirm" type="password" value={confirm} onValue={setConfirm} error={confirmProblem} autoComplete="new-password" />
          </Field>
          {setup.error !== null && <FormError id="setup-error">{setupFailure(setup.error)}</FormError>}
          <Button type="submit" variant="primary" id="setup-submit" busy={setup.isPending} className="w-full justify-center">
            Create administrator
          </Button>
        </form>
      </SubmitAttemptedContext.Provider>
      {setup.error instanceof ApiError && setup.error.code === 'SETUP_TOKEN_INVALID' && <LoginLink />}
    </AuthFrame>
  );
}

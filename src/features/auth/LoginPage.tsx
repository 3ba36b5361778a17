import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Field, TextInput } from '../../lib/ui';
import { safeNext } from '../../lib/unauthenticated';
import { AuthFrame, FormError } from './AuthFrame';
import { loginFailure, waitText } from './login-errors';
import { useLogin, useSetupStatus } from './queries';
import { useSecondsLeft } from './use-seconds-left';

/** /login?next=…: user name and password; back to `next` once the server accepts them. */
export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const setup = useSetupStatus();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | undefined>();
  const [waitLeft, startWait] = useSecondsLeft();
  const [throttled, setThrottled] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (login.isPending || waitLeft > 0) return;
    if (username.trim() === '' || password === '') {
      setFailure('Enter your user name and password.');
      return;
    }
    setFailure(undefined);
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: () => void navigate(next, { replace: true }),
        onError: (error) => {
          const { message, waitSeconds } = loginFailure(error);
          setFailure(message);
          setThrottled(waitSeconds !== undefined);
          if (waitSeconds !== undefined) startWait(waitSeconds);
          setPassword('');
          document.getElementById('login-password')?.focus();
        },
      },
    );
  };

  return (
    <AuthFrame id="login-page" title="Log in">
      {setup.data?.needed === true && (
        <p id="login-setup-needed" role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200">
          No administrator exists yet. Open the setup link that the virtdeck server printed on its console (
          <code className="text-xs">…/setup?token=…</code>) to create the first one.
        </p>
      )}
      <form id="login-form" onSubmit={submit} noValidate className="space-y-3">
        <Field id="login-username" label="User name">
          <TextInput id="login-username" name="username" value={username} onValue={setUsername} autoComplete="username" autoCapitalize="none" autoFocus />
        </Field>
        <Field id="login-password" label="Password">
          <TextInput id="login-password" name="password" type="password" value={password} onValue={setPassword} autoComplete="current-password" />
        </Field>
        {failure !== undefined && (
          <FormError id="login-error">
            {failure}
            {throttled && <span id="login-wait"> {waitText(waitLeft)}</span>}
          </FormError>
        )}
        <Button type="submit" variant="primary" id="login-submit" busy={login.isPending} disabled={waitLeft > 0} className="w-full justify-center">
          Log in
        </Button>
      </form>
    </AuthFrame>
  );
}

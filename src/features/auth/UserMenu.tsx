import { lazy, Suspense, useState } from 'react';
import { MenuButton, type MenuItem } from '../../lib/ui';
import { PasswordDialog } from './PasswordDialog';
import { useLogout, useMe } from './queries';

// Loaded when first opened, not with the app.
const SessionsDialog = lazy(async () => ({ default: (await import('../account/SessionsDialog')).SessionsDialog }));
const TokensDialog = lazy(async () => ({ default: (await import('../account/TokensDialog')).TokensDialog }));

/** The header's menu of the logged-in user: who they are, their sessions and API tokens, change password, log out. */
export function UserMenu() {
  const { data: me } = useMe();
  const logout = useLogout();
  const [changingPassword, setChangingPassword] = useState(false);
  const [open, setOpen] = useState<'sessions' | 'tokens' | undefined>(undefined);
  if (me === undefined) return null;

  const items: MenuItem[] = [
    { key: 'sessions', id: 'user-menu-sessions', label: 'My sessions…', onSelect: () => setOpen('sessions') },
    { key: 'tokens', id: 'user-menu-tokens', label: 'My API tokens…', onSelect: () => setOpen('tokens') },
    ...(me.realm === 'local'
      ? [{ key: 'password', id: 'user-menu-password', label: 'Change password…', onSelect: () => setChangingPassword(true) }]
      : []),
    {
      key: 'logout',
      id: 'user-menu-logout',
      label: 'Log out',
      onSelect: () => logout.mutate(),
    },
  ];
  return (
    <>
      <MenuButton
        id="user-menu"
        size="sm"
        variant="ghost"
        busy={logout.isPending}
        label={<span data-testid="user-menu-name">{me.displayName ?? me.username}</span>}
        title={me.realm === 'pam' ? `${me.username} (Linux account of the host)` : me.username}
        items={items}
      />
      {changingPassword && <PasswordDialog onClose={() => setChangingPassword(false)} />}
      <Suspense fallback={null}>
        {open === 'sessions' && <SessionsDialog onClose={() => setOpen(undefined)} />}
        {open === 'tokens' && <TokensDialog onClose={() => setOpen(undefined)} />}
      </Suspense>
    </>
  );
}

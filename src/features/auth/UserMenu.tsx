import { useState } from 'react';
import { MenuButton, type MenuItem } from '../../lib/ui';
import { PasswordDialog } from './PasswordDialog';
import { useLogout, useMe } from './queries';

/** The header's menu of the logged-in user: who they are, change password, log out. */
export function UserMenu() {
  const { data: me } = useMe();
  const logout = useLogout();
  const [changingPassword, setChangingPassword] = useState(false);
  if (me === undefined) return null;

  const items: MenuItem[] = [
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
    </>
  );
}

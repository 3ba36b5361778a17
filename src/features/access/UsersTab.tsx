import { useState } from 'react';
import type { UserSummary } from '../../../common/access.js';
import { Button, ConfirmDialog, ErrorBanner, LoadingState } from '../../lib/ui';
import { useMe } from '../auth/queries';
import { CreateUserDialog } from './CreateUserDialog';
import { GrantDialog } from './GrantDialog';
import { describeScope } from './grant-path';
import { useDeleteGrant, useDeleteUser, useRoles, useUpdateUser, useUsers } from './queries';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UserRow, type UserAction } from './UserRow';
import { useVmNames } from './vm-names';

type Open =
  | { kind: 'create' }
  | { kind: 'grant' | 'password' | 'disable' | 'delete'; username: string }
  | { kind: 'revoke'; username: string; grant: UserSummary['grants'][number] };

const HEADERS = ['User', 'Realm', 'State', 'Roles', 'Actions'];

/** Users with their grants: create, disable and enable, reset password, delete, grant and revoke roles. */
export function UsersTab({ host }: { host: string }) {
  const { data: users, error, isPending, refetch } = useUsers();
  const { data: roles = [] } = useRoles();
  const { data: me } = useMe();
  const update = useUpdateUser();
  const remove = useDeleteUser();
  const revoke = useDeleteGrant();
  const [open, setOpen] = useState<Open | undefined>(undefined);
  const vmNames = useVmNames((users ?? []).flatMap((u) => u.grants.map((g) => g.path)));
  const close = () => {
    setOpen(undefined);
    update.reset();
    remove.reset();
    revoke.reset();
  };

  const act = (user: UserSummary, action: UserAction) => {
    update.reset();
    if (action === 'enable') update.mutate({ username: user.username, change: { disabled: false } });
    else setOpen({ kind: action, username: user.username });
  };
  // The enable button's failure shows above the table; the others' in their dialogs.
  const directError = open === undefined ? update.error : null;

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">A user sees and does only what the roles granted to them allow, on the path of each grant and everything below it.</p>
        <Button variant="primary" id="users-create" onClick={() => setOpen({ kind: 'create' })}>Create user…</Button>
      </div>
      {directError !== null && <ErrorBanner id="users-action-error" error={directError} title="The change was not made" />}
      {isPending && <LoadingState label="Reading users…" />}
      {error !== null && <ErrorBanner id="users-error" error={error} title="Cannot list users" onRetry={() => void refetch()} />}
      {users !== undefined && (
        <div className="overflow-x-auto">
          <table id="users-table" className="w-full text-left">
            <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
              <tr>{HEADERS.map((h) => <th key={h} className="py-1.5 pr-3 font-medium">{h}</th>)}</tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <UserRow
                  key={user.username}
                  user={user}
                  self={user.username === me?.username}
                  vmNames={vmNames}
                  busy={update.isPending && update.variables.username === user.username}
                  onAction={(action) => act(user, action)}
                  onRevoke={(grant) => setOpen({ kind: 'revoke', username: user.username, grant })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {open?.kind === 'create' && <CreateUserDialog existing={(users ?? []).map((u) => u.username)} onClose={close} />}
      {open?.kind === 'grant' && <GrantDialog to={{ username: open.username }} roles={roles} initialHost={host} onClose={close} />}
      {open?.kind === 'password' && <ResetPasswordDialog username={open.username} onClose={close} />}
      <ConfirmDialog
        open={open?.kind === 'disable'}
        id="user-disable-dialog"
        title={`Disable ${open?.kind === 'disable' ? open.username : ''}?`}
        confirmLabel="Disable"
        danger
        busy={update.isPending}
        error={update.error}
        onCancel={close}
        onConfirm={() => open?.kind === 'disable' && update.mutate({ username: open.username, change: { disabled: true } }, { onSuccess: close })}
      >
        <p>They cannot log in until enabled again. Their open logins, event streams and consoles end at once; their API tokens stop working. Their roles are kept.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={open?.kind === 'delete'}
        id="user-delete-dialog"
        title={`Delete ${open?.kind === 'delete' ? open.username : ''}?`}
        confirmLabel="Delete user"
        danger
        busy={remove.isPending}
        error={remove.error}
        onCancel={close}
        onConfirm={() => open?.kind === 'delete' && remove.mutate(open.username, { onSuccess: close })}
      >
        <p>The user, their roles, their logins and their API tokens are removed for good; open consoles end. The audit log keeps their entries. To keep the account for later, disable it instead.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={open?.kind === 'revoke'}
        id="grant-revoke-dialog"
        title="Revoke this role?"
        confirmLabel="Revoke"
        danger
        busy={revoke.isPending}
        error={revoke.error}
        onCancel={close}
        onConfirm={() => open?.kind === 'revoke' && revoke.mutate(open.grant.id, { onSuccess: close })}
      >
        {open?.kind === 'revoke' && (
          <p>
            {open.username} loses {open.grant.role} on {describeScope(open.grant.path, vmNames)} ({open.grant.path}). Their open event streams and consoles end and
            reconnect with what their other roles allow.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}

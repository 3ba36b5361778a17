import type { UserSummary } from '../../../common/access.js';
import { Badge, Button } from '../../lib/ui';
import { GrantItems } from './GrantItems';

export type UserAction = 'grant' | 'password' | 'disable' | 'enable' | 'delete';

export interface UserRowProps {
  user: UserSummary;
  /** The logged-in administrator: marked, so that they see which row is theirs. */
  self: boolean;
  vmNames: ReadonlyMap<string, string>;
  busy: boolean;
  onAction: (action: UserAction) => void;
  onRevoke: (grant: UserSummary['grants'][number]) => void;
}

export function UserRow({ user, self, vmNames, busy, onAction, onRevoke }: UserRowProps) {
  const id = `user-${user.username}`;
  return (
    <tr id={`${id}-row`} data-testid="user-row" data-username={user.username} data-disabled={user.disabled} className="border-b border-zinc-100 align-top dark:border-zinc-800">
      <td className="py-2 pr-3">
        <span className="font-medium">{user.username}</span>
        {self && <span className="ml-1 text-xs text-zinc-500">(you)</span>}
        {user.displayName !== undefined && <span className="block text-xs text-zinc-500">{user.displayName}</span>}
      </td>
      <td className="py-2 pr-3 text-sm">{user.realm === 'pam' ? 'Linux account' : 'Local'}</td>
      <td className="py-2 pr-3">
        {user.disabled ? <Badge tone="red" data-testid="user-disabled">disabled</Badge> : <Badge tone="green">enabled</Badge>}
      </td>
      <td className="py-2 pr-3">
        {user.groups.length > 0 && (
          <p className="mb-1 text-xs text-zinc-500" data-testid="user-groups">Member of {user.groups.join(', ')}</p>
        )}
        {user.grants.length === 0 ? (
          user.groups.length === 0 && <span className="text-xs text-zinc-500" data-testid="user-no-grants">No roles: sees nothing</span>
        ) : (
          <GrantItems grants={user.grants} idPrefix={id} holder={user.username} testId="user-grant" vmNames={vmNames} onRevoke={onRevoke} />
        )}
      </td>
      <td className="py-2">
        <div className="flex flex-wrap gap-1.5" role="group" aria-label={`Actions for ${user.username}`}>
          <Button size="sm" id={`${id}-grant`} onClick={() => onAction('grant')}>Grant role…</Button>
          {user.realm === 'local' && <Button size="sm" id={`${id}-password`} onClick={() => onAction('password')}>Reset password…</Button>}
          {user.disabled ? (
            <Button size="sm" id={`${id}-enable`} busy={busy} onClick={() => onAction('enable')}>Enable</Button>
          ) : (
            <Button size="sm" id={`${id}-disable`} busy={busy} onClick={() => onAction('disable')}>Disable…</Button>
          )}
          <Button size="sm" variant="danger" id={`${id}-delete`} onClick={() => onAction('delete')}>Delete…</Button>
        </div>
      </td>
    </tr>
  );
}

import { useState } from 'react';
import type { GroupSummary } from '../../../common/access.js';
import { Button, ConfirmDialog, ErrorBanner, LoadingState } from '../../lib/ui';
import { AddMemberDialog } from './AddMemberDialog';
import { CreateGroupDialog } from './CreateGroupDialog';
import { GrantDialog } from './GrantDialog';
import { describeScope } from './grant-path';
import { useDeleteGroup, useGroups, useRemoveMember } from './group-queries';
import { GroupRow, type GroupAction } from './GroupRow';
import { useDeleteGrant, useRoles, useUsers } from './queries';
import { useVmNames } from './vm-names';

type Open =
  | { kind: 'create' }
  | { kind: GroupAction; group: string }
  | { kind: 'remove-member'; group: string; username: string }
  | { kind: 'revoke'; group: string; grant: GroupSummary['grants'][number] };

const HEADERS = ['Group', 'Members', 'Roles', 'Actions'];

/** Groups: a role granted to a group reaches each member. Create, delete, add and remove members, grant and revoke. */
export function GroupsTab({ host }: { host: string }) {
  const { data: groups, error, isPending, refetch } = useGroups();
  const { data: users = [] } = useUsers();
  const { data: roles = [] } = useRoles();
  const remove = useDeleteGroup();
  const removeMember = useRemoveMember();
  const revoke = useDeleteGrant();
  const [open, setOpen] = useState<Open | undefined>(undefined);
  const vmNames = useVmNames((groups ?? []).flatMap((g) => g.grants.map((grant) => grant.path)));
  const close = () => {
    setOpen(undefined);
    remove.reset();
    removeMember.reset();
    revoke.reset();
  };
  const openGroup = open !== undefined && 'group' in open ? groups?.find((g) => g.name === open.group) : undefined;

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Each member of a group holds the roles granted to the group, on top of their own.</p>
        <Button variant="primary" id="groups-create" onClick={() => setOpen({ kind: 'create' })}>Create group…</Button>
      </div>
      {isPending && <LoadingState label="Reading groups…" />}
      {error !== null && <ErrorBanner id="groups-error" error={error} title="Cannot list groups" onRetry={() => void refetch()} />}
      {groups !== undefined && groups.length === 0 && <p className="text-sm text-zinc-500" id="groups-empty">No groups yet.</p>}
      {groups !== undefined && groups.length > 0 && (
        <div className="overflow-x-auto">
          <table id="groups-table" className="w-full text-left">
            <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
              <tr>{HEADERS.map((h) => <th key={h} className="py-1.5 pr-3 font-medium">{h}</th>)}</tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <GroupRow
                  key={group.name}
                  group={group}
                  vmNames={vmNames}
                  onAction={(action) => setOpen({ kind: action, group: group.name })}
                  onRemoveMember={(username) => setOpen({ kind: 'remove-member', group: group.name, username })}
                  onRevoke={(grant) => setOpen({ kind: 'revoke', group: group.name, grant })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {open?.kind === 'create' && <CreateGroupDialog existing={(groups ?? []).map((g) => g.name)} onClose={close} />}
      {open?.kind === 'member' && (
        <AddMemberDialog group={open.group} candidates={users.map((u) => u.username).filter((u) => !(openGroup?.members ?? []).includes(u))} onClose={close} />
      )}
      {open?.kind === 'grant' && <GrantDialog to={{ group: open.group }} roles={roles} initialHost={host} onClose={close} />}
      <ConfirmDialog
        open={open?.kind === 'delete'}
        id="group-delete-dialog"
        title={`Delete group ${open?.kind === 'delete' ? open.group : ''}?`}
        confirmLabel="Delete group"
        danger
        busy={remove.isPending}
        error={remove.error}
        onCancel={close}
        onConfirm={() => open?.kind === 'delete' && remove.mutate(open.group, { onSuccess: close })}
      >
        <p>The group and its roles are removed; its members keep their own roles. Their open event streams and consoles end and reconnect with what is left.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={open?.kind === 'remove-member'}
        id="member-remove-dialog"
        title={open?.kind === 'remove-member' ? `Remove ${open.username} from ${open.group}?` : 'Remove member?'}
        confirmLabel="Remove"
        danger
        busy={removeMember.isPending}
        error={removeMember.error}
        onCancel={close}
        onConfirm={() => open?.kind === 'remove-member' && removeMember.mutate({ group: open.group, username: open.username }, { onSuccess: close })}
      >
        <p>They lose the group&apos;s roles at once; their open event streams and consoles end and reconnect with what their other roles allow.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={open?.kind === 'revoke'}
        id="group-grant-revoke-dialog"
        title="Revoke this role from the group?"
        confirmLabel="Revoke"
        danger
        busy={revoke.isPending}
        error={revoke.error}
        onCancel={close}
        onConfirm={() => open?.kind === 'revoke' && revoke.mutate(open.grant.id, { onSuccess: close })}
      >
        {open?.kind === 'revoke' && (
          <p>
            Every member of {open.group} loses {open.grant.role} on {describeScope(open.grant.path, vmNames)} ({open.grant.path}) unless they hold it otherwise.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}

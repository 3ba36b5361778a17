import { useState } from 'react';
import { Badge, Button, ConfirmDialog, ErrorBanner, LoadingState } from '../../lib/ui';
import { CreateRoleDialog } from './CreateRoleDialog';
import { idPart } from './privilege-labels';
import { useDeleteRole, useRoles } from './queries';

/** Built-in roles (read-only) and custom ones: create and delete. */
export function RolesTab() {
  const { data: roles, error, isPending, refetch } = useRoles();
  const remove = useDeleteRole();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<string | undefined>(undefined);
  const closeDelete = () => {
    setDeleting(undefined);
    remove.reset();
  };
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Built-in roles cannot be changed; a custom role gives exactly the privileges chosen for it.</p>
        <Button variant="primary" id="roles-create" onClick={() => setCreating(true)}>Create role…</Button>
      </div>
      {isPending && <LoadingState label="Reading roles…" />}
      {error !== null && <ErrorBanner id="roles-error" error={error} title="Cannot list roles" onRetry={() => void refetch()} />}
      {roles !== undefined && (
        <table id="roles-table" className="w-full text-left">
          <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
            <tr>
              <th className="py-1.5 pr-3 font-medium">Role</th>
              <th className="py-1.5 pr-3 font-medium">Privileges</th>
              <th className="py-1.5 font-medium">Actions</th>
            </tr>
          </thead>
          <tbody>
            {roles.map((role) => (
              <tr key={role.name} id={`role-${idPart(role.name)}-row`} data-testid="role-row" data-role={role.name} className="border-b border-zinc-100 align-top dark:border-zinc-800">
                <td className="py-2 pr-3">
                  <span className="font-medium">{role.name}</span> {role.builtIn ? <Badge tone="blue">built-in</Badge> : <Badge>custom</Badge>}
                  {role.description !== '' && <span className="block text-xs text-zinc-500">{role.description}</span>}
                </td>
                <td className="py-2 pr-3">
                  <ul className="flex flex-wrap gap-1" aria-label={`Privileges of ${role.name}`}>
                    {role.privileges.map((p) => (
                      <li key={p}><Badge data-testid="role-privilege">{p}</Badge></li>
                    ))}
                  </ul>
                </td>
                <td className="py-2">
                  {role.builtIn ? (
                    <span className="text-xs text-zinc-500">—</span>
                  ) : (
                    <Button size="sm" variant="danger" id={`role-${idPart(role.name)}-delete`} onClick={() => setDeleting(role.name)}>Delete…</Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && <CreateRoleDialog existing={(roles ?? []).map((r) => r.name)} onClose={() => setCreating(false)} />}
      <ConfirmDialog
        open={deleting !== undefined}
        id="role-delete-dialog"
        title={`Delete role ${deleting ?? ''}?`}
        confirmLabel="Delete role"
        danger
        busy={remove.isPending}
        error={remove.error}
        onCancel={closeDelete}
        onConfirm={() => deleting !== undefined && remove.mutate(deleting, { onSuccess: closeDelete })}
      >
        <p>The role is removed. A role still granted to a user or carried by an API token cannot be deleted: revoke those first.</p>
      </ConfirmDialog>
    </div>
  );
}

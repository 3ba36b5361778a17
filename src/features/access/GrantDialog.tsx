import { useState } from 'react';
import type { Grant } from '../../../common/access.js';
import { ErrorBanner, FormDialog } from '../../lib/ui';
import { GrantPicker, type RoleOption } from './GrantPicker';
import { useCreateGrant } from './queries';

/** Whom a role is granted to: one user, or a group (then every member holds it). */
export type GrantTarget = { username: string } | { group: string };

/** Grants a role on a path to one user or one group. */
export function GrantDialog({ to, roles, initialHost, onClose }: { to: GrantTarget; roles: readonly RoleOption[]; initialHost: string; onClose: () => void }) {
  const create = useCreateGrant();
  const [grant, setGrant] = useState<Grant | undefined>(undefined);
  const submit = () => {
    if (grant === undefined || create.isPending) return;
    create.mutate({ ...to, ...grant }, { onSuccess: onClose });
  };
  const title = 'group' in to ? `Grant a role to group ${to.group}` : `Grant a role to ${to.username}`;
  return (
    <FormDialog title={title} id="grant-dialog" onClose={onClose} submitLabel="Grant" submitId="grant-submit" onSubmit={submit} busy={create.isPending}>
      <div className="space-y-3">
        <GrantPicker idPrefix="grant" roles={roles} initialHost={initialHost} onChange={setGrant} />
        {create.error !== null && <ErrorBanner id="grant-error" error={create.error} title="The role was not granted" />}
      </div>
    </FormDialog>
  );
}

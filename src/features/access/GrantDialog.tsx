import { useState } from 'react';
import type { Grant } from '../../../common/access.js';
import { ErrorBanner, FormDialog } from '../../lib/ui';
import { GrantPicker, type RoleOption } from './GrantPicker';
import { useCreateGrant } from './queries';

/** Grants a role on a path to one user. */
export function GrantDialog({ username, roles, initialHost, onClose }: { username: string; roles: readonly RoleOption[]; initialHost: string; onClose: () => void }) {
  const create = useCreateGrant();
  const [grant, setGrant] = useState<Grant | undefined>(undefined);
  const submit = () => {
    if (grant === undefined || create.isPending) return;
    create.mutate({ username, ...grant }, { onSuccess: onClose });
  };
  return (
    <FormDialog title={`Grant a role to ${username}`} id="grant-dialog" onClose={onClose} submitLabel="Grant" submitId="grant-submit" onSubmit={submit} busy={create.isPending}>
      <div className="space-y-3">
        <GrantPicker idPrefix="grant" roles={roles} initialHost={initialHost} onChange={setGrant} />
        {create.error !== null && <ErrorBanner id="grant-error" error={create.error} title="The role was not granted" />}
      </div>
    </FormDialog>
  );
}

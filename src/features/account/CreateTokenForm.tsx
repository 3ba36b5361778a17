import { useState } from 'react';
import type { Grant } from '../../../common/access.js';
import { Button, Field, Select, SubmitAttemptedContext, TextInput } from '../../lib/ui';
import { GrantPicker, type RoleOption } from '../access/GrantPicker';
import { describeScope } from '../access/grant-path';
import { useVmNames } from '../access/vm-names';
import { EXPIRY_OPTIONS, tokenDraftProblems, type TokenDraft } from './token-form';

export interface CreateTokenFormProps {
  draft: TokenDraft;
  onDraft: (draft: TokenDraft) => void;
  /** The roles the user's own grants name: a token carries a subset of those. */
  roles: readonly RoleOption[];
  takenNames: readonly string[];
  attempted: boolean;
  initialHost?: string;
  onSubmit: () => void;
}

/** Name, expiry and what the token carries: all of its owner's roles, or only some roles on some paths. */
export function CreateTokenForm({ draft, onDraft, roles, takenNames, attempted, initialHost, onSubmit }: CreateTokenFormProps) {
  const [picked, setPicked] = useState<Grant | undefined>(undefined);
  const [pickerKey, setPickerKey] = useState(0);
  const problems = tokenDraftProblems(draft, takenNames);
  const vmNames = useVmNames(draft.grants.map((g) => g.path));
  const set = (patch: Partial<TokenDraft>) => onDraft({ ...draft, ...patch });
  const add = () => {
    if (picked === undefined) return;
    if (!draft.grants.some((g) => g.role === picked.role && g.path === picked.path)) set({ grants: [...draft.grants, picked] });
    setPicked(undefined);
    setPickerKey((k) => k + 1);
  };

  return (
    <SubmitAttemptedContext.Provider value={attempted}>
      <form
        id="token-create-form"
        className="space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Field id="token-name" label="Name" error={problems.name} required>
          <TextInput id="token-name" value={draft.name} onValue={(name) => set({ name })} error={problems.name} maxLength={64} autoFocus placeholder="backup script" />
        </Field>
        <Field id="token-expiry" label="Expires">
          <Select id="token-expiry" value={draft.expiryDays} onValue={(expiryDays) => set({ expiryDays })} options={EXPIRY_OPTIONS} />
        </Field>
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium">The token may do</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="token-carries" id="token-carries-all" checked={draft.carries === 'all'} onChange={() => set({ carries: 'all' })} />
            Everything I may do (my roles as they are when it is used)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="token-carries" id="token-carries-some" checked={draft.carries === 'some'} onChange={() => set({ carries: 'some' })} />
            Only some of my roles, on some paths
          </label>
        </fieldset>
        {draft.carries === 'some' && (
          <div className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-700">
            {draft.grants.length > 0 && (
              <ul id="token-grants" className="space-y-1" aria-label="Roles the token carries">
                {draft.grants.map((g) => (
                  <li key={`${g.role} ${g.path}`} className="flex items-center gap-2" data-testid="token-grant" data-role={g.role} data-path={g.path}>
                    <span>
                      <span className="font-medium">{g.role}</span> on {describeScope(g.path, vmNames)}
                    </span>
                    <Button size="sm" variant="ghost" onClick={() => set({ grants: draft.grants.filter((o) => o !== g) })} aria-label={`Remove ${g.role} on ${g.path}`}>
                      Remove
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <GrantPicker key={pickerKey} idPrefix="token-grant" roles={roles} onChange={setPicked} {...(initialHost === undefined ? {} : { initialHost })} />
            <Button id="token-grant-add" onClick={add} disabled={picked === undefined} title={picked === undefined ? 'Choose a role and where it applies first' : undefined}>
              Add this role
            </Button>
            {attempted && problems.grants !== undefined && (
              <p id="token-grants-error" role="alert" className="text-xs text-red-700 dark:text-red-400">{problems.grants}</p>
            )}
          </div>
        )}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </form>
    </SubmitAttemptedContext.Provider>
  );
}

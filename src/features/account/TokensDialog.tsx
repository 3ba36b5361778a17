import { useState } from 'react';
import type { TokenSummary } from '../../../common/access.js';
import { formatDateTime } from '../../lib/date';
import { Button, ConfirmDialog, Dialog, ErrorBanner, LoadingState } from '../../lib/ui';
import { describeScope } from '../access/grant-path';
import { useMe } from '../auth/queries';
import { CreateTokenForm } from './CreateTokenForm';
import { useCreateToken, useRevokeToken, useTokens } from './queries';
import { tokenBody, tokenDraftProblems, type TokenDraft } from './token-form';
import { TokenSecret } from './TokenSecret';

const NEW_DRAFT: TokenDraft = { name: '', expiryDays: '', carries: 'all', grants: [] };

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'created'; name: string; secret: string };

function when(iso: string | undefined, otherwise: string): string {
  return iso === undefined ? otherwise : formatDateTime(new Date(iso));
}

function TokenTable({ tokens, onRevoke }: { tokens: readonly TokenSummary[]; onRevoke: (token: TokenSummary) => void }) {
  if (tokens.length === 0) return <p id="tokens-empty" className="text-zinc-500">You have no API tokens.</p>;
  return (
    <table id="tokens-table" className="w-full text-left">
      <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-700">
        <tr>
          <th className="py-1.5 pr-3 font-medium">Name</th>
          <th className="py-1.5 pr-3 font-medium">May do</th>
          <th className="py-1.5 pr-3 font-medium">Created</th>
          <th className="py-1.5 pr-3 font-medium">Expires</th>
          <th className="py-1.5 pr-3 font-medium">Last used</th>
          <th className="py-1.5 font-medium"><span className="sr-only">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr key={t.id} id={`token-${t.id}-row`} data-testid="token-row" data-name={t.name} className="border-b border-zinc-100 align-top dark:border-zinc-800">
            <td className="py-1.5 pr-3 font-medium">{t.name}</td>
            <td className="py-1.5 pr-3 text-xs">
              {t.grants.length === 0 ? 'Everything you may do' : t.grants.map((g) => `${g.role} on ${describeScope(g.path)}`).join('; ')}
            </td>
            <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">{when(t.createdAt, '—')}</td>
            <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">{when(t.expiresAt, 'never')}</td>
            <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">{when(t.lastUsedAt, 'not yet')}</td>
            <td className="py-1.5">
              <Button size="sm" variant="danger" id={`token-${t.id}-revoke`} onClick={() => onRevoke(t)}>Revoke…</Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The user's API tokens: list, create (the secret shown once), revoke. */
export function TokensDialog({ onClose, initialHost }: { onClose: () => void; initialHost?: string }) {
  const { data: me } = useMe();
  const { data: tokens, error, isPending, refetch } = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [draft, setDraft] = useState<TokenDraft>(NEW_DRAFT);
  const [attempted, setAttempted] = useState(false);
  const [revoking, setRevoking] = useState<TokenSummary | undefined>(undefined);
  const names = (tokens ?? []).map((t) => t.name);

  const startCreate = () => {
    setDraft(NEW_DRAFT);
    setAttempted(false);
    create.reset();
    setMode({ kind: 'create' });
  };
  const submit = () => {
    setAttempted(true);
    const problems = tokenDraftProblems(draft, names);
    if (problems.name !== undefined || problems.grants !== undefined || create.isPending) return;
    create.mutate(tokenBody(draft), {
      onSuccess: ({ token, summary }) => {
        // The secret lives only in this dialog's state, not in the mutation's cached result.
        create.reset();
        setMode({ kind: 'created', name: summary.name, secret: token });
      },
    });
  };
  const closeRevoke = () => {
    setRevoking(undefined);
    revoke.reset();
  };

  const footer =
    mode.kind === 'create' ? (
      <>
        <Button id="token-create-cancel" onClick={() => setMode({ kind: 'list' })}>Back</Button>
        <Button variant="primary" id="token-create-submit" busy={create.isPending} onClick={submit}>Create token</Button>
      </>
    ) : mode.kind === 'created' ? (
      <Button variant="primary" id="token-created-done" onClick={() => setMode({ kind: 'list' })}>I have copied it</Button>
    ) : (
      <>
        <Button id="token-create" onClick={startCreate} disabled={me?.via === 'token'} title={me?.via === 'token' ? 'Tokens are created from a login session' : undefined}>
          Create token…
        </Button>
        <Button variant="primary" id="tokens-close" onClick={onClose}>Close</Button>
      </>
    );

  return (
    <>
      <Dialog open wide title={mode.kind === 'create' ? 'New API token' : mode.kind === 'created' ? 'Your new API token' : 'My API tokens'} id="tokens-dialog" onClose={onClose} footer={footer}>
        {mode.kind === 'list' && (
          <div className="space-y-3">
            <p className="text-zinc-600 dark:text-zinc-400">Tokens let scripts call the virtdeck API as you, within the roles they carry. Revoking one stops it at once.</p>
            {isPending && <LoadingState label="Reading your tokens…" />}
            {error !== null && <ErrorBanner id="tokens-error" error={error} title="Cannot list your tokens" onRetry={() => void refetch()} />}
            {tokens !== undefined && <TokenTable tokens={tokens} onRevoke={setRevoking} />}
          </div>
        )}
        {mode.kind === 'create' && (
          <div className="space-y-3">
            <CreateTokenForm draft={draft} onDraft={setDraft} roles={me?.roles ?? []} takenNames={names} attempted={attempted} onSubmit={submit} {...(initialHost === undefined ? {} : { initialHost })} />
            {create.error !== null && <ErrorBanner id="token-create-error" error={create.error} title="The token was not created" />}
          </div>
        )}
        {mode.kind === 'created' && <TokenSecret name={mode.name} secret={mode.secret} />}
      </Dialog>
      <ConfirmDialog
        open={revoking !== undefined}
        id="token-revoke-dialog"
        title={`Revoke the token “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke token"
        danger
        busy={revoke.isPending}
        error={revoke.error}
        onCancel={closeRevoke}
        onConfirm={() => revoking !== undefined && revoke.mutate(revoking.id, { onSuccess: closeRevoke })}
      >
        <p>Scripts using it are refused from now on, and streams it opened end. This cannot be undone: a new token has a new secret.</p>
      </ConfirmDialog>
    </>
  );
}

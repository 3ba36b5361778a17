import type { Grant, TokenCreateBody } from '../../../common/access.js';

export const EXPIRY_OPTIONS = [
  { value: '', label: 'Never' },
  { value: '1', label: 'In 1 day' },
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In 1 year' },
] as const;

const DAY_MS = 24 * 3600_000;

export interface TokenDraft {
  name: string;
  /** Days until it expires; '' for never. */
  expiryDays: string;
  /** 'all': every role of its owner, as they are when it is used; 'some': only `grants`. */
  carries: 'all' | 'some';
  grants: readonly Grant[];
}

export function tokenDraftProblems(draft: TokenDraft, takenNames: readonly string[]): { name?: string; grants?: string } {
  const name = draft.name.trim();
  return {
    ...(name === '' ? { name: 'Enter a name, e.g. what the script does.' } : name.length > 64 ? { name: 'Use at most 64 characters.' } : takenNames.includes(name) ? { name: `You have a token ${name} already.` } : {}),
    ...(draft.carries === 'some' && draft.grants.length === 0 ? { grants: 'Add at least one role, or let the token carry all of yours.' } : {}),
  };
}

export function tokenBody(draft: TokenDraft, now = Date.now()): TokenCreateBody {
  return {
    name: draft.name.trim(),
    ...(draft.expiryDays === '' ? {} : { expiresAt: new Date(now + Number(draft.expiryDays) * DAY_MS).toISOString() }),
    ...(draft.carries === 'some' ? { grants: [...draft.grants] } : {}),
  };
}

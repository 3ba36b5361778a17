import type { UserSummary } from '../../../common/access.js';
import { Button } from '../../lib/ui';
import { describeScope } from './grant-path';

type GrantEntry = UserSummary['grants'][number];

export interface GrantItemsProps {
  grants: readonly GrantEntry[];
  /** The id prefix of the row: revoke buttons are `<idPrefix>-grant-<id>-revoke`. */
  idPrefix: string;
  /** Whose roles these are, in words: "alice", "group ops". */
  holder: string;
  /** `data-testid` of each item, e.g. `user-grant`. */
  testId: string;
  vmNames: ReadonlyMap<string, string>;
  onRevoke: (grant: GrantEntry) => void;
}

/** The roles a user or group holds, each with where it holds and a Revoke button. */
export function GrantItems({ grants, idPrefix, holder, testId, vmNames, onRevoke }: GrantItemsProps) {
  return (
    <ul className="space-y-1" aria-label={`Roles of ${holder}`}>
      {grants.map((g) => (
        <li key={g.id} className="flex items-center gap-2 text-sm" data-testid={testId} data-role={g.role} data-path={g.path}>
          <span>
            <span className="font-medium">{g.role}</span> on <span title={g.path}>{describeScope(g.path, vmNames)}</span>
          </span>
          <Button size="sm" variant="ghost" id={`${idPrefix}-grant-${g.id}-revoke`} onClick={() => onRevoke(g)} aria-label={`Revoke ${g.role} on ${g.path} from ${holder}`}>
            Revoke
          </Button>
        </li>
      ))}
    </ul>
  );
}

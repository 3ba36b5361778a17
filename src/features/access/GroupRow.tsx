import type { GroupSummary } from '../../../common/access.js';
import { Button } from '../../lib/ui';
import { GrantItems } from './GrantItems';
import { idPart } from './privilege-labels';

export type GroupAction = 'member' | 'grant' | 'delete';

export interface GroupRowProps {
  group: GroupSummary;
  vmNames: ReadonlyMap<string, string>;
  onAction: (action: GroupAction) => void;
  onRemoveMember: (username: string) => void;
  onRevoke: (grant: GroupSummary['grants'][number]) => void;
}

export function GroupRow({ group, vmNames, onAction, onRemoveMember, onRevoke }: GroupRowProps) {
  const id = `group-${idPart(group.name)}`;
  return (
    <tr id={`${id}-row`} data-testid="group-row" data-group={group.name} className="border-b border-zinc-100 align-top dark:border-zinc-800">
      <td className="py-2 pr-3">
        <span className="font-medium">{group.name}</span>
        {group.description !== '' && <span className="block text-xs text-zinc-500">{group.description}</span>}
      </td>
      <td className="py-2 pr-3">
        {group.members.length === 0 ? (
          <span className="text-xs text-zinc-500">No members</span>
        ) : (
          <ul className="space-y-1" aria-label={`Members of ${group.name}`}>
            {group.members.map((m) => (
              <li key={m} className="flex items-center gap-2 text-sm" data-testid="group-member" data-username={m}>
                <span>{m}</span>
                <Button size="sm" variant="ghost" id={`${id}-member-${m}-remove`} onClick={() => onRemoveMember(m)} aria-label={`Remove ${m} from ${group.name}`}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="py-2 pr-3">
        {group.grants.length === 0 ? (
          <span className="text-xs text-zinc-500">No roles</span>
        ) : (
          <GrantItems grants={group.grants} idPrefix={id} holder={`group ${group.name}`} testId="group-grant" vmNames={vmNames} onRevoke={onRevoke} />
        )}
      </td>
      <td className="py-2">
        <div className="flex flex-wrap gap-1.5" role="group" aria-label={`Actions for group ${group.name}`}>
          <Button size="sm" id={`${id}-member-add`} onClick={() => onAction('member')}>Add member…</Button>
          <Button size="sm" id={`${id}-grant`} onClick={() => onAction('grant')}>Grant role…</Button>
          <Button size="sm" variant="danger" id={`${id}-delete`} onClick={() => onAction('delete')}>Delete…</Button>
        </div>
      </td>
    </tr>
  );
}

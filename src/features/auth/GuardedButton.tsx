import type { Privilege } from '../../../common/access.js';
import { Button, type ButtonProps } from '../../lib/ui';
import { useCan } from './access';

export interface GuardedButtonProps extends ButtonProps {
  privilege: Privilege;
  /** The ACL path the action acts on (see `acl`). */
  path: string;
}

/** A Button that is disabled, with a tooltip naming the missing privilege, when the user may not take its action. */
export function GuardedButton({ privilege, path, disabled, title, ...rest }: GuardedButtonProps) {
  const { allowed, disabledReason } = useCan(privilege, path);
  return (
    <Button
      {...rest}
      disabled={disabled === true || !allowed}
      title={allowed ? title : disabledReason}
      data-missing-privilege={allowed ? undefined : privilege}
    />
  );
}
